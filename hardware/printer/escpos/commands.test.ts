import { describe, expect, it } from 'vitest';
import { createBitmap, setBlack } from '../render/bitmap';
import { feedAndCut, feedLines, initialize, selectCodePage, statusQuery } from './commands';
import { encodeRasterJob } from './job';
import { rasterSlices } from './raster';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);

describe('ESC/POS command bytes', () => {
  it('initialize, feed, code page and cut', () => {
    expect(initialize()).toEqual(bytes(0x1b, 0x40));
    expect(feedLines(3)).toEqual(bytes(0x1b, 0x64, 3));
    expect(feedLines(999)).toEqual(bytes(0x1b, 0x64, 255));
    expect(selectCodePage(52)).toEqual(bytes(0x1b, 0x74, 52));
    expect(feedAndCut('partial')).toEqual(bytes(0x1d, 0x56, 66, 0));
    expect(feedAndCut('full', 10)).toEqual(bytes(0x1d, 0x56, 65, 10));
  });

  it('DLE EOT n for each status kind', () => {
    expect(statusQuery('printer')).toEqual(bytes(0x10, 0x04, 1));
    expect(statusQuery('offline-cause')).toEqual(bytes(0x10, 0x04, 2));
    expect(statusQuery('error-cause')).toEqual(bytes(0x10, 0x04, 3));
    expect(statusQuery('paper-sensor')).toEqual(bytes(0x10, 0x04, 4));
  });
});

describe('GS v 0 raster', () => {
  it('encodes a 16 × 2 bitmap exactly, high bit = leftmost dot', () => {
    const bitmap = createBitmap(16, 2);
    setBlack(bitmap, 0, 0);
    setBlack(bitmap, 15, 0);
    setBlack(bitmap, 8, 1);
    expect(rasterSlices(bitmap)).toEqual([bytes(0x1d, 0x76, 0x30, 0, 2, 0, 2, 0, 0x80, 0x01, 0x00, 0x80)]);
  });

  it('pads a width that is not a multiple of 8 to whole bytes', () => {
    const bitmap = createBitmap(10, 1);
    setBlack(bitmap, 9, 0);
    expect(rasterSlices(bitmap)).toEqual([bytes(0x1d, 0x76, 0x30, 0, 2, 0, 1, 0, 0x00, 0x40)]);
  });

  it('slices a tall image and keeps every row, in order', () => {
    const bitmap = createBitmap(8, 50);
    for (let y = 0; y < 50; y += 1) if (y % 2 === 0) setBlack(bitmap, y % 8, y);
    const slices = rasterSlices(bitmap, 24);
    expect(slices.map((s) => [s[6], s[7]])).toEqual([
      [24, 0],
      [24, 0],
      [2, 0],
    ]);
    const rows = slices.flatMap((s) => [...s.subarray(8)]);
    expect(Uint8Array.from(rows)).toEqual(bitmap.data);
  });

  it('clamps the slice height to 24–256 lines and writes heights above 255 in two bytes', () => {
    const bitmap = createBitmap(8, 600);
    expect(rasterSlices(bitmap, 1)[0]?.slice(6, 8)).toEqual(bytes(24, 0));
    expect(rasterSlices(bitmap, 10_000)[0]?.slice(6, 8)).toEqual(bytes(0, 1));
  });

  it('a whole job: initialize, slices, feed-and-cut', () => {
    const bitmap = createBitmap(8, 1);
    setBlack(bitmap, 7, 0);
    expect(encodeRasterJob(bitmap)).toEqual(bytes(0x1b, 0x40, 0x1d, 0x76, 0x30, 0, 1, 0, 1, 0, 0x01, 0x1d, 0x56, 66, 0));
  });
});
