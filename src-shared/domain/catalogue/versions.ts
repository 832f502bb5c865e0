import type { Procedure } from './procedure';

/**
 * A procedure is a sequence of versions over time (a new decision replaces the old text from a date). Two
 * entries are versions of the same procedure when their keys match; they may coexist if their periods do not
 * overlap. Dates are ISO strings, which compare correctly as text.
 */
export function versionKey(procedure: Procedure): string {
  return procedure.localCode ?? `${procedure.nationalCode}@${procedure.level}`;
}

const OPEN_END = '9999-12-31';

export function versionsOverlap(a: Procedure, b: Procedure): boolean {
  return a.effectiveFrom <= (b.effectiveTo ?? OPEN_END) && b.effectiveFrom <= (a.effectiveTo ?? OPEN_END);
}

/** The versions in force on a date (yyyy-mm-dd): the catalogue the counter offers that day. */
export function proceduresInForceOn(procedures: readonly Procedure[], date: string): Procedure[] {
  return procedures.filter((p) => p.effectiveFrom <= date && (p.effectiveTo === undefined || date <= p.effectiveTo));
}
