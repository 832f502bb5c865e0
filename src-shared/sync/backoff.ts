/**
 * Retry delays: exponential with "equal jitter" (half fixed, half random). Fifty kiosks that lost the line
 * together must not hammer the server together when it comes back, and none may wait less than half its step.
 */
export type BackoffOptions = { readonly baseMs: number; readonly maxMs: number };

export const defaultBackoff: BackoffOptions = { baseMs: 1_000, maxMs: 60_000 };

export function backoffDelay(failures: number, random: () => number, options: BackoffOptions = defaultBackoff): number {
  if (failures <= 0) return 0;
  const step = Math.min(options.maxMs, options.baseMs * 2 ** Math.min(failures - 1, 30));
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.round(step / 2 + (step / 2) * r);
}
