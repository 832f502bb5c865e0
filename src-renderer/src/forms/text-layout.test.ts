import { describe, expect, it } from 'vitest';
import { cleanText, fitSize, wrapRuns, type Line } from './text-layout';

/** One unit per character, bold twice as wide: easy widths to reason about. */
const measure = (text: string, bold: boolean): number => [...text].length * (bold ? 2 : 1);
const texts = (lines: readonly Line[]): string[] => lines.map((l) => l.segments.map((s) => s.text).join(''));

describe('line breaking', () => {
  it('fills lines greedily and drops the space where it breaks', () => {
    expect(texts(wrapRuns([{ text: 'Số 5 ngõ 12, phường Hoà Bình' }], 12, measure))).toEqual(['Số 5 ngõ 12,', 'phường Hoà', 'Bình']);
  });

  it('keeps runs of one weight together and measures the bold ones as bold', () => {
    const lines = wrapRuns([{ text: 'Ông/Bà: ' }, { text: 'Nguyễn An', bold: true }], 40, measure);
    expect(lines).toHaveLength(1);
    expect(lines[0]?.segments).toEqual([
      { text: 'Ông/Bà: ', bold: false, width: 8 },
      { text: 'Nguyễn An', bold: true, width: 18 },
    ]);
    expect(lines[0]?.width).toBe(26);
  });

  it('cuts a word longer than the line, and honours explicit line breaks', () => {
    expect(texts(wrapRuns([{ text: 'an.nguyen@example.vn' }], 8, measure))).toEqual(['an.nguye', 'n@exampl', 'e.vn']);
    expect(texts(wrapRuns([{ text: 'Giao: A\nNhận: B' }], 50, measure))).toEqual(['Giao: A', 'Nhận: B']);
    expect(texts(wrapRuns([{ text: '' }], 50, measure))).toEqual(['']);
  });

  it('turns control characters into spaces and composes decomposed Vietnamese', () => {
    expect(cleanText('a\tb\u0007c\r\nd')).toBe('a b c\nd');
    expect(cleanText('Nguye\u0302\u0303n')).toBe('Nguyễn');
  });

  it('shrinks a heading until it fits, but not below the floor', () => {
    const at = (text: string, size: number): number => text.length * size * 0.5;
    expect(fitSize('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 170, 11, 7, at)).toBeLessThan(11);
    expect(fitSize('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 1000, 11, 7, at)).toBe(11);
    expect(fitSize('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 10, 11, 7, at)).toBe(7);
  });
});
