import { describe, expect, it } from 'vitest';
import { createEscPosDecoder, type DecodedCommand } from './decoder';

const decodeAll = (bytes: readonly number[], chunk = bytes.length): DecodedCommand[] => {
  const decoder = createEscPosDecoder();
  const out: DecodedCommand[] = [];
  for (let i = 0; i < bytes.length; i += chunk) out.push(...decoder.push(Uint8Array.from(bytes.slice(i, i + chunk))));
  return out;
};

const job = [
  0x1b, 0x40, // ESC @
  0x1d, 0x76, 0x30, 0x00, 0x02, 0x00, 0x02, 0x00, 0x80, 0x01, 0x10, 0x04, // GS v 0: 2 bytes × 2 rows, data contains "10 04"
  0x10, 0x04, 0x01, // DLE EOT 1
  0x1b, 0x74, 0x34, // ESC t 52
  0x48, 0x69, 0x0a, // "Hi" LF
  0x1d, 0x56, 0x42, 0x00, // GS V 66 0
];

function mergeText(commands: readonly DecodedCommand[]): DecodedCommand[] {
  const out: DecodedCommand[] = [];
  for (const command of commands) {
    const last = out[out.length - 1];
    if (command.kind === 'text' && last?.kind === 'text') out[out.length - 1] = { kind: 'text', bytes: Uint8Array.from([...last.bytes, ...command.bytes]) };
    else out.push(command);
  }
  return out;
}

describe('ESC/POS decoder', () => {
  it('decodes a job into commands, reading raster data by its length (a "10 04" inside is data)', () => {
    const commands = decodeAll(job);
    expect(commands.map((c) => c.kind)).toEqual(['initialize', 'raster', 'status-query', 'code-page', 'text', 'line-feed', 'cut']);
    const raster = commands[1];
    expect(raster?.kind === 'raster' && [raster.bytesPerRow, raster.rows, [...raster.data]]).toEqual([2, 2, [0x80, 0x01, 0x10, 0x04]]);
    expect(commands[6]).toEqual({ kind: 'cut', mode: 'partial' });
  });

  it('gives the same commands however the bytes are chunked (byte by byte here)', () => {
    // Text is emitted as it arrives, so a chunk boundary may split a run: compare the runs joined.
    expect(mergeText(decodeAll(job, 1))).toEqual(decodeAll(job));
    expect(mergeText(decodeAll(job, 5))).toEqual(decodeAll(job));
  });

  it('knows every form of GS V', () => {
    const cuts = decodeAll([0x1d, 0x56, 0x00, 0x1d, 0x56, 0x31, 0x1d, 0x56, 0x41, 0x05, 0x1b, 0x69]);
    expect(cuts).toEqual([
      { kind: 'cut', mode: 'full' },
      { kind: 'cut', mode: 'partial' },
      { kind: 'cut', mode: 'full' },
      { kind: 'cut', mode: 'partial' },
    ]);
  });

  it('skips commands with length-prefixed data (a GS ( k QR definition) without reading them as text', () => {
    const commands = decodeAll([0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00, 0x41]);
    expect(commands.map((c) => c.kind)).toEqual(['setting', 'text']);
  });

  it('reports commands it does not know instead of guessing', () => {
    expect(decodeAll([0x1b, 0x7e]).map((c) => c.kind)).toEqual(['unknown']);
  });

  it('feeds: ESC d n lines, ESC J n dots', () => {
    expect(decodeAll([0x1b, 0x64, 0x03, 0x1b, 0x4a, 0x10])).toEqual([
      { kind: 'feed-lines', lines: 3 },
      { kind: 'feed-dots', dots: 16 },
    ]);
  });
});
