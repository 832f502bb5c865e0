import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrapRuns, type WrappedLine } from './wrap';

/** 10 dots a grapheme, bold 12: enough to test wrapping without a font. */
const measure = (text: string, bold: boolean): number => [...new Intl.Segmenter('vi', { granularity: 'grapheme' }).segment(text)].length * (bold ? 12 : 10);
const texts = (lines: readonly WrappedLine[]): string[] => lines.map((l) => l.segments.map((s) => s.text).join(''));

describe('word wrap', () => {
  it('breaks at spaces and never exceeds the width', () => {
    const lines = wrapRuns([{ text: 'Đăng ký khai sinh cho trẻ em', bold: false }], 100, measure);
    expect(texts(lines)).toEqual(['Đăng ký', 'khai sinh', 'cho trẻ em']);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(100);
  });

  it('keeps a bold label and a regular value on one line when they fit, as two segments', () => {
    const [line] = wrapRuns(
      [
        { text: 'Mã: ', bold: true },
        { text: 'H55', bold: false },
      ],
      200,
      measure,
    );
    expect(line?.segments.map((s) => [s.text, s.bold, s.x])).toEqual([
      ['Mã:', true, 0],
      [' H55', false, 36],
    ]);
  });

  it('cuts a word wider than the line between graphemes, never inside one', () => {
    const decomposed = 'ễễễễễ'.normalize('NFD');
    const lines = wrapRuns([{ text: decomposed, bold: false }], 20, measure);
    expect(texts(lines)).toEqual(['ễễ', 'ễễ', 'ễ']);
  });

  it('honours hard line breaks and collapses runs of spaces', () => {
    expect(texts(wrapRuns([{ text: 'một   hai\nba', bold: false }], 500, measure))).toEqual(['một hai', 'ba']);
  });

  it('an empty paragraph is one empty line (it still takes its height)', () => {
    expect(wrapRuns([{ text: '', bold: false }], 100, measure)).toHaveLength(1);
  });

  it('loses no word and keeps their order (property)', () => {
    const word = fc.stringMatching(/^[a-zàáạảãđêếệơưữ]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 30 }), fc.integer({ min: 30, max: 400 }), (words, width) => {
        const lines = wrapRuns([{ text: words.join(' '), bold: false }], width, measure);
        expect(texts(lines).join(' ').split(' ').join('')).toBe(words.join('').normalize('NFC'));
        for (const line of lines) expect(line.width).toBeLessThanOrEqual(width);
      }),
    );
  });
});
