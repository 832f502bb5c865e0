import type { z } from 'zod';

/** One API method: its input and output schemas. Inputs are validated by the host before any service sees them. */
export type MethodSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> = {
  readonly input: I;
  readonly output: O;
  readonly summary: string;
};

export type MethodMap = Readonly<Record<string, MethodSpec>>;
export type EventMap = Readonly<Record<string, z.ZodType>>;

/**
 * Joins method (or event) groups into one map. Duplicate names are a programming error caught at start-up,
 * not a silent override (the Actual Budget registry habit).
 */
type Intersect<T extends readonly unknown[]> = T extends readonly [infer Head, ...infer Rest] ? Head & Intersect<Rest> : unknown;

export function mergeUnique<const T extends readonly Readonly<Record<string, unknown>>[]>(kind: string, groups: T): Intersect<T> {
  const merged: Record<string, unknown> = {};
  for (const group of groups) {
    for (const [name, spec] of Object.entries(group)) {
      if (Object.hasOwn(merged, name)) throw new Error(`Duplicate kiosk API ${kind} "${name}"`);
      merged[name] = spec;
    }
  }
  return merged as Intersect<T>;
}
