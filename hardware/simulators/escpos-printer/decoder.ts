/**
 * A streaming ESC/POS decoder: bytes in (in whatever chunks the cable delivers), commands out. Written from the
 * command reference, independently of our encoder, so a test that round-trips through it checks the encoder
 * against the protocol and not against itself. Commands it does not know are reported, never guessed at.
 */
export type DecodedCommand =
  | { readonly kind: 'initialize' }
  | { readonly kind: 'status-query'; readonly n: number }
  | { readonly kind: 'transmit-status'; readonly n: number }
  | { readonly kind: 'raster'; readonly mode: number; readonly bytesPerRow: number; readonly rows: number; readonly data: Uint8Array }
  | { readonly kind: 'text'; readonly bytes: Uint8Array }
  | { readonly kind: 'line-feed' }
  | { readonly kind: 'feed-lines'; readonly lines: number }
  | { readonly kind: 'feed-dots'; readonly dots: number }
  | { readonly kind: 'line-spacing'; readonly dots: number | null }
  | { readonly kind: 'code-page'; readonly n: number }
  | { readonly kind: 'cut'; readonly mode: 'full' | 'partial' }
  /** Recognised and skipped: it changes only how text looks (bold, size, alignment…) or is a real-time request. */
  | { readonly kind: 'setting'; readonly bytes: Uint8Array }
  | { readonly kind: 'unknown'; readonly bytes: Uint8Array };

export type EscPosDecoder = { push(chunk: Uint8Array): readonly DecodedCommand[] };

type Parsed = { readonly length: number; readonly command: DecodedCommand } | 'incomplete';

const ESC = 0x1b;
const GS = 0x1d;
const DLE = 0x10;
const FS = 0x1c;

/** ESC commands with one fixed-size parameter block: total length including ESC and the command byte. */
const escLengths: ReadonlyMap<number, number> = new Map([
  [0x20, 3], [0x21, 3], [0x25, 3], [0x2d, 3], [0x32, 2], [0x33, 3], [0x3c, 2], [0x3d, 3], [0x3f, 3],
  [0x45, 3], [0x47, 3], [0x4a, 3], [0x4c, 2], [0x4d, 3], [0x52, 3], [0x53, 2], [0x54, 3], [0x56, 3], [0x61, 3],
  [0x63, 4], [0x64, 3], [0x65, 3], [0x69, 2], [0x6d, 2], [0x70, 5], [0x72, 3], [0x74, 3], [0x7b, 3], [0x24, 4], [0x5c, 4],
]);

/** GS commands with fixed lengths, likewise. */
const gsLengths: ReadonlyMap<number, number> = new Map([
  [0x21, 3], [0x24, 4], [0x2f, 3], [0x3a, 2], [0x42, 3], [0x48, 3], [0x49, 3], [0x4c, 4], [0x50, 4], [0x54, 3],
  [0x57, 4], [0x5c, 4], [0x61, 3], [0x62, 3], [0x66, 3], [0x68, 3], [0x72, 3], [0x77, 3],
]);

export function createEscPosDecoder(): EscPosDecoder {
  let pending = new Uint8Array(0);
  return {
    push(chunk) {
      const joined = new Uint8Array(pending.length + chunk.length);
      joined.set(pending, 0);
      joined.set(chunk, pending.length);
      const commands: DecodedCommand[] = [];
      let offset = 0;
      while (offset < joined.length) {
        const parsed = parseAt(joined, offset);
        if (parsed === 'incomplete') break;
        commands.push(parsed.command);
        offset += parsed.length;
      }
      pending = joined.slice(offset);
      return commands;
    },
  };
}

function parseAt(b: Uint8Array, i: number): Parsed {
  const first = b[i] ?? 0;
  switch (first) {
    case ESC:
      return parseEsc(b, i);
    case GS:
      return parseGs(b, i);
    case DLE:
      return parseDle(b, i);
    case FS:
      return need(b, i, 2) ? { length: 2, command: { kind: 'setting', bytes: b.slice(i, i + 2) } } : 'incomplete';
    case 0x0a:
      return { length: 1, command: { kind: 'line-feed' } };
    default:
      if (first < 0x20) return { length: 1, command: { kind: 'setting', bytes: b.slice(i, i + 1) } };
      return parseText(b, i);
  }
}

function need(b: Uint8Array, i: number, length: number): boolean {
  return b.length - i >= length;
}

function parseText(b: Uint8Array, i: number): Parsed {
  let end = i;
  while (end < b.length && (b[end] ?? 0) >= 0x20) end += 1;
  return { length: end - i, command: { kind: 'text', bytes: b.slice(i, end) } };
}

function parseDle(b: Uint8Array, i: number): Parsed {
  if (!need(b, i, 2)) return 'incomplete';
  const op = b[i + 1] ?? 0;
  if (op === 0x04 || op === 0x05) {
    if (!need(b, i, 3)) return 'incomplete';
    const n = b[i + 2] ?? 0;
    return { length: 3, command: op === 0x04 ? { kind: 'status-query', n } : { kind: 'setting', bytes: b.slice(i, i + 3) } };
  }
  if (op === 0x14) return need(b, i, 5) ? { length: 5, command: { kind: 'setting', bytes: b.slice(i, i + 5) } } : 'incomplete';
  return { length: 1, command: { kind: 'unknown', bytes: b.slice(i, i + 1) } };
}

function parseEsc(b: Uint8Array, i: number): Parsed {
  if (!need(b, i, 2)) return 'incomplete';
  const op = b[i + 1] ?? 0;
  if (op === 0x40) return { length: 2, command: { kind: 'initialize' } };
  if (op === 0x2a) return parseEscBitImage(b, i);
  if (op === 0x44) {
    // ESC D n1 … nk NUL: tab stops.
    const end = b.indexOf(0, i + 2);
    return end < 0 ? 'incomplete' : { length: end - i + 1, command: { kind: 'setting', bytes: b.slice(i, end + 1) } };
  }
  const length = escLengths.get(op);
  if (length === undefined) return { length: 2, command: { kind: 'unknown', bytes: b.slice(i, i + 2) } };
  if (!need(b, i, length)) return 'incomplete';
  const n = b[i + 2] ?? 0;
  switch (op) {
    case 0x64:
      return { length, command: { kind: 'feed-lines', lines: n } };
    case 0x4a:
      return { length, command: { kind: 'feed-dots', dots: n } };
    case 0x32:
      return { length, command: { kind: 'line-spacing', dots: null } };
    case 0x33:
      return { length, command: { kind: 'line-spacing', dots: n } };
    case 0x74:
      return { length, command: { kind: 'code-page', n } };
    case 0x69:
      return { length, command: { kind: 'cut', mode: 'partial' } };
    case 0x6d:
      return { length, command: { kind: 'cut', mode: 'partial' } };
    default:
      return { length, command: { kind: 'setting', bytes: b.slice(i, i + length) } };
  }
}

/** ESC * m nL nH d…: the old column bit image, skipped by its length (8-dot modes: n bytes, 24-dot: 3n). */
function parseEscBitImage(b: Uint8Array, i: number): Parsed {
  if (!need(b, i, 5)) return 'incomplete';
  const m = b[i + 2] ?? 0;
  const columns = (b[i + 3] ?? 0) + 256 * (b[i + 4] ?? 0);
  const length = 5 + columns * (m >= 32 ? 3 : 1);
  return need(b, i, length) ? { length, command: { kind: 'unknown', bytes: b.slice(i, i + 5) } } : 'incomplete';
}

function parseGs(b: Uint8Array, i: number): Parsed {
  if (!need(b, i, 2)) return 'incomplete';
  const op = b[i + 1] ?? 0;
  switch (op) {
    case 0x76:
      return parseRaster(b, i);
    case 0x56:
      return parseCut(b, i);
    case 0x28:
      return parseGsParen(b, i);
    case 0x38:
      return parseGsEight(b, i);
    case 0x6b:
      return parseBarcode(b, i);
    default: {
      const length = gsLengths.get(op);
      if (length === undefined) return { length: 2, command: { kind: 'unknown', bytes: b.slice(i, i + 2) } };
      if (!need(b, i, length)) return 'incomplete';
      if (op === 0x72) return { length, command: { kind: 'transmit-status', n: b[i + 2] ?? 0 } };
      return { length, command: { kind: 'setting', bytes: b.slice(i, i + length) } };
    }
  }
}

/** GS v 0 m xL xH yL yH d1…dk, k = x·y. */
function parseRaster(b: Uint8Array, i: number): Parsed {
  if (!need(b, i, 8)) return 'incomplete';
  if (b[i + 2] !== 0x30) return { length: 3, command: { kind: 'unknown', bytes: b.slice(i, i + 3) } };
  const mode = b[i + 3] ?? 0;
  const bytesPerRow = (b[i + 4] ?? 0) + 256 * (b[i + 5] ?? 0);
  const rows = (b[i + 6] ?? 0) + 256 * (b[i + 7] ?? 0);
  const length = 8 + bytesPerRow * rows;
  if (!need(b, i, length)) return 'incomplete';
  return { length, command: { kind: 'raster', mode, bytesPerRow, rows, data: b.slice(i + 8, i + length) } };
}

/** GS V m (m = 0, 1, 48, 49) or GS V m n (m = 65, 66, 97, 98, 103, 104). */
function parseCut(b: Uint8Array, i: number): Parsed {
  if (!need(b, i, 3)) return 'incomplete';
  const m = b[i + 2] ?? 0;
  const partial = m === 1 || m === 49 || m === 66 || m === 98 || m === 104;
  const length = m <= 1 || m === 48 || m === 49 ? 3 : 4;
  if (!need(b, i, length)) return 'incomplete';
  return { length, command: { kind: 'cut', mode: partial ? 'partial' : 'full' } };
}

/** GS ( fn pL pH d…: the extended functions (QR symbols, real-time command switches…), skipped by their length. */
function parseGsParen(b: Uint8Array, i: number): Parsed {
  if (!need(b, i, 5)) return 'incomplete';
  const length = 5 + (b[i + 3] ?? 0) + 256 * (b[i + 4] ?? 0);
  return need(b, i, length) ? { length, command: { kind: 'setting', bytes: b.slice(i, i + 5) } } : 'incomplete';
}

/** GS 8 fn p1 p2 p3 p4 d…: like GS ( but with a four-byte length. */
function parseGsEight(b: Uint8Array, i: number): Parsed {
  if (!need(b, i, 7)) return 'incomplete';
  const size = (b[i + 3] ?? 0) + 256 * (b[i + 4] ?? 0) + 65536 * (b[i + 5] ?? 0) + 16777216 * (b[i + 6] ?? 0);
  const length = 7 + size;
  return need(b, i, length) ? { length, command: { kind: 'setting', bytes: b.slice(i, i + 7) } } : 'incomplete';
}

/** GS k m …: function A (m 0–6) ends with NUL; function B (m 65–79) carries its length. */
function parseBarcode(b: Uint8Array, i: number): Parsed {
  if (!need(b, i, 3)) return 'incomplete';
  const m = b[i + 2] ?? 0;
  if (m <= 6) {
    const end = b.indexOf(0, i + 3);
    return end < 0 ? 'incomplete' : { length: end - i + 1, command: { kind: 'setting', bytes: b.slice(i, i + 3) } };
  }
  if (!need(b, i, 4)) return 'incomplete';
  const length = 4 + (b[i + 3] ?? 0);
  return need(b, i, length) ? { length, command: { kind: 'setting', bytes: b.slice(i, i + 4) } } : 'incomplete';
}
