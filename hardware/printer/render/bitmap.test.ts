import { describe, expect, it } from 'vitest';
import { countBlack, countDifferences, createBitmap, cropRows, isBlack, setBlack, toMonochrome, toRgba } from './bitmap';

const grey = (width: number, height: number, level: number): Uint8ClampedArray => {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i += 1) rgba.set([level, level, level, 255], i * 4);
  return rgba;
};

describe('1-bit bitmaps', () => {
  it('threshold: darker than the threshold is a dot', () => {
    expect(countBlack(toMonochrome(grey(8, 2, 100), 8, 2))).toBe(16);
    expect(countBlack(toMonochrome(grey(8, 2, 200), 8, 2))).toBe(0);
  });

  it('transparent pixels are paper', () => {
    const rgba = grey(4, 1, 0).map((v, i) => (i % 4 === 3 ? 0 : v));
    expect(countBlack(toMonochrome(rgba, 4, 1))).toBe(0);
  });

  it('dithering keeps a mid grey as about half the dots', () => {
    const black = countBlack(toMonochrome(grey(64, 64, 128), 64, 64, { method: 'dither' }));
    expect(black / (64 * 64)).toBeGreaterThan(0.45);
    expect(black / (64 * 64)).toBeLessThan(0.55);
  });

  it('round-trips through RGBA', () => {
    const bitmap = createBitmap(13, 3);
    setBlack(bitmap, 12, 2);
    setBlack(bitmap, 0, 0);
    const back = toMonochrome(toRgba(bitmap), 13, 3);
    expect(countDifferences(bitmap, back)).toBe(0);
    expect(isBlack(back, 12, 2)).toBe(true);
  });

  it('crops rows and counts differences over the larger extent', () => {
    const bitmap = createBitmap(8, 4);
    setBlack(bitmap, 1, 3);
    expect(countBlack(cropRows(bitmap, 2, 4))).toBe(1);
    expect(countDifferences(bitmap, cropRows(bitmap, 0, 2))).toBe(1);
  });
});
