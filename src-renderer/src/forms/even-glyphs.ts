/**
 * Makes a TrueType font safe for @pdf-lib/fontkit 1.1.1's subsetter. The subsetter copies each glyph's bytes
 * as they are and, when the subset is small, writes the short `loca` format, which stores offsets halved: a
 * glyph of odd length shifts every glyph after it by half a byte, and PDF readers then draw garbage or nothing
 * (Noto Sans has 1,323 odd-length glyphs). Padding each glyph to an even length — TrueType allows trailing
 * padding after a glyph's data — keeps every offset even. Fonts that need no change come back as they were.
 */

type TableRecord = { readonly tag: string; readonly offset: number; readonly length: number };

class FontFormatError extends Error {
  constructor(message: string) {
    super(`not a TrueType font the forms can use: ${message}`);
    this.name = 'FontFormatError';
  }
}

function readTables(view: DataView): Map<string, TableRecord> {
  if (view.byteLength < 12) throw new FontFormatError('too short');
  const count = view.getUint16(4);
  const tables = new Map<string, TableRecord>();
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    if (at + 16 > view.byteLength) throw new FontFormatError('table directory cut short');
    const tag = String.fromCharCode(view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3));
    const offset = view.getUint32(at + 8);
    const length = view.getUint32(at + 12);
    if (offset + length > view.byteLength) throw new FontFormatError(`table ${tag} runs past the end`);
    tables.set(tag, { tag, offset, length });
  }
  return tables;
}

function table(tables: Map<string, TableRecord>, tag: string): TableRecord {
  const record = tables.get(tag);
  if (record === undefined) throw new FontFormatError(`no ${tag} table`);
  return record;
}

function checksum(bytes: Uint8Array): number {
  const padded = new Uint8Array(Math.ceil(bytes.length / 4) * 4);
  padded.set(bytes);
  const view = new DataView(padded.buffer);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
  return sum;
}

/** The same font bytes come with every print; pad them once. */
const cache = new WeakMap<Uint8Array, Uint8Array>();

export function evenGlyphs(font: Uint8Array): Uint8Array {
  const cached = cache.get(font);
  if (cached !== undefined) return cached;
  const result = padGlyphs(font);
  cache.set(font, result);
  return result;
}

function padGlyphs(font: Uint8Array): Uint8Array {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = readTables(view);
  if (!tables.has('glyf')) return font; // CFF-flavoured OpenType: no glyf/loca to fix
  const head = table(tables, 'head');
  const loca = table(tables, 'loca');
  const glyf = table(tables, 'glyf');
  const numGlyphs = view.getUint16(table(tables, 'maxp').offset + 4);
  const longLoca = view.getInt16(head.offset + 50) === 1;
  const offsetAt = (i: number): number => (longLoca ? view.getUint32(loca.offset + i * 4) : view.getUint16(loca.offset + i * 2) * 2);

  const offsets = Array.from({ length: numGlyphs + 1 }, (_, i) => offsetAt(i));
  if (offsets.every((o) => o % 2 === 0)) return font;

  const glyfParts: Uint8Array[] = [];
  const newOffsets: number[] = [0];
  let size = 0;
  for (let i = 0; i < numGlyphs; i++) {
    const start = offsets[i] ?? 0;
    const end = offsets[i + 1] ?? start;
    if (end < start || end > glyf.length) throw new FontFormatError(`glyph ${i} has a bad loca entry`);
    const length = end - start;
    const padded = length + (length % 2);
    const part = new Uint8Array(padded);
    part.set(font.subarray(glyf.offset + start, glyf.offset + end));
    glyfParts.push(part);
    size += padded;
    newOffsets.push(size);
  }
  const newGlyf = new Uint8Array(size);
  let cursor = 0;
  for (const part of glyfParts) {
    newGlyf.set(part, cursor);
    cursor += part.length;
  }
  const newLoca = new Uint8Array(newOffsets.length * 4);
  const locaView = new DataView(newLoca.buffer);
  newOffsets.forEach((o, i) => locaView.setUint32(i * 4, o));
  const newHead = font.slice(head.offset, head.offset + head.length);
  new DataView(newHead.buffer).setInt16(50, 1);
  new DataView(newHead.buffer).setUint32(8, 0); // checkSumAdjustment: recomputed below

  const replaced = new Map<string, Uint8Array>([
    ['glyf', newGlyf],
    ['loca', newLoca],
    ['head', newHead],
  ]);
  return writeFont(font, [...tables.values()], replaced);
}

/** Writes the tables back in their directory order, 4-byte aligned, with fresh checksums. */
function writeFont(font: Uint8Array, records: readonly TableRecord[], replaced: Map<string, Uint8Array>): Uint8Array {
  const bodies = records.map((r) => replaced.get(r.tag) ?? font.subarray(r.offset, r.offset + r.length));
  const directorySize = 12 + records.length * 16;
  const total = bodies.reduce((sum, b) => sum + Math.ceil(b.length / 4) * 4, directorySize);
  const out = new Uint8Array(total);
  const outView = new DataView(out.buffer);
  out.set(font.subarray(0, 12));
  let offset = directorySize;
  let headOffset = -1;
  records.forEach((record, i) => {
    const body = bodies[i] ?? new Uint8Array(0);
    const at = 12 + i * 16;
    for (let c = 0; c < 4; c++) outView.setUint8(at + c, record.tag.charCodeAt(c));
    outView.setUint32(at + 4, checksum(body));
    outView.setUint32(at + 8, offset);
    outView.setUint32(at + 12, body.length);
    out.set(body, offset);
    if (record.tag === 'head') headOffset = offset;
    offset += Math.ceil(body.length / 4) * 4;
  });
  if (headOffset >= 0) outView.setUint32(headOffset + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}
