/**
 * The simulated printer's condition, set by the test ("script"), and the status bytes a real Epson-compatible
 * printer would answer for it. Several conditions can hold at once, as on a real printer (cover open and paper out).
 */
export type SimulatedCondition = {
  /** False: the printer was put offline by itself (e.g. the feed button held); also implied by the faults below. */
  readonly online: boolean;
  readonly coverOpen: boolean;
  readonly paperOut: boolean;
  readonly paperLow: boolean;
  /** An autocutter jam: the classic error a counter printer reports. */
  readonly cutterError: boolean;
  /** Does not answer status queries at all (a printer with real-time commands disabled, or a dead line). */
  readonly silent: boolean;
};

export const healthyCondition: SimulatedCondition = { online: true, coverOpen: false, paperOut: false, paperLow: false, cutterError: false, silent: false };

/** Can it print now? Data received meanwhile waits in its buffer and comes out once this is true again. */
export function canPrint(c: SimulatedCondition): boolean {
  return c.online && !c.coverOpen && !c.paperOut && !c.cutterError;
}

/** The answer to DLE EOT n (n = 1…4), or undefined when the printer stays silent. Fixed bits 1 and 4 are set. */
export function statusByte(c: SimulatedCondition, n: number): number | undefined {
  if (c.silent) return undefined;
  const base = 0x12;
  switch (n) {
    case 1:
      return base | (canPrint(c) ? 0 : 0x08);
    case 2:
      return base | (c.coverOpen ? 0x04 : 0) | (c.paperOut ? 0x20 : 0) | (c.cutterError ? 0x40 : 0);
    case 3:
      return base | (c.cutterError ? 0x08 : 0);
    case 4:
      return base | (c.paperLow || c.paperOut ? 0x0c : 0) | (c.paperOut ? 0x60 : 0);
    default:
      return undefined;
  }
}

/** GS r 1 (paper sensor, as transmitted by the non-real-time command): bits 0–1 near end, 2–3 paper end. */
export function transmitStatusByte(c: SimulatedCondition, n: number): number | undefined {
  if (c.silent || (n !== 1 && n !== 49)) return undefined;
  return (c.paperLow || c.paperOut ? 0x03 : 0) | (c.paperOut ? 0x0c : 0);
}
