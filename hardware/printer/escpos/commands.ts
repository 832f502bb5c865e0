/**
 * ESC/POS command bytes (Epson's published command set, which thermal receipt printers of every brand follow).
 * Builders only: each returns the exact bytes of one command, so the tests can pin them.
 */
export const ESC = 0x1b;
export const GS = 0x1d;
export const DLE = 0x10;
export const EOT = 0x04;
export const LF = 0x0a;

/** ESC @ — initialize: clears the print buffer and resets modes left over from whoever printed last. */
export const initialize = (): Uint8Array => Uint8Array.of(ESC, 0x40);

/** ESC d n — print what is buffered and feed n lines. */
export function feedLines(lines: number): Uint8Array {
  return Uint8Array.of(ESC, 0x64, clampByte(lines));
}

/** ESC t n — select character code table n; the number is printer-specific, hence calibrated by a technician. */
export function selectCodePage(n: number): Uint8Array {
  return Uint8Array.of(ESC, 0x74, clampByte(n));
}

export type CutMode = 'full' | 'partial';

/**
 * GS V m n (function B: m = 65 full, 66 partial) — feed to the cutter, plus n motion units, then cut. Function B
 * rather than a bare cut because the cutter sits some millimetres above the head: without the feed, the last lines
 * of the slip would stay on the roll and end up at the top of the next citizen's slip.
 */
export function feedAndCut(mode: CutMode, extraFeed = 0): Uint8Array {
  return Uint8Array.of(GS, 0x56, mode === 'full' ? 65 : 66, clampByte(extraFeed));
}

/** Which status byte a `DLE EOT n` query asks for. */
export type StatusKind = 'printer' | 'offline-cause' | 'error-cause' | 'paper-sensor';

export const statusQueryNumber: Readonly<Record<StatusKind, number>> = { printer: 1, 'offline-cause': 2, 'error-cause': 3, 'paper-sensor': 4 };

/** DLE EOT n — real-time status: answered at once, even while the printer is offline or out of paper. */
export function statusQuery(kind: StatusKind): Uint8Array {
  return Uint8Array.of(DLE, EOT, statusQueryNumber[kind]);
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, p) => sum + p.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

function clampByte(n: number): number {
  return Math.max(0, Math.min(255, Math.trunc(n)));
}
