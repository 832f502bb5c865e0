import { describe, expect, it } from 'vitest';
import { parseSlip, type SlipInput } from '../slip-schema';
import { paragraph, type SlipBlock } from '../slips';
import { VIETNAMESE_SAMPLE_LINES } from '../slips/test-page';
import { sampleSlips } from '../slip-fixtures.testing';
import { countBlack, countDifferences, type MonoBitmap } from './bitmap';
import { registerSlipFonts } from './fonts';
import { renderBlocks, renderSlip } from './render-slip';

const render = (blocks: readonly SlipBlock[], paper: '80mm' | '58mm' = '80mm'): MonoBitmap => {
  const result = renderBlocks(blocks, { paper });
  if (!result.ok) throw new Error(result.error.messageEn);
  return result.value;
};
const renderInput = (input: SlipInput, paper: '80mm' | '58mm'): MonoBitmap => {
  const slip = parseSlip(input);
  if (!slip.ok) throw new Error(slip.error.messageEn);
  const bitmap = renderSlip(slip.value, { paper });
  if (!bitmap.ok) throw new Error(bitmap.error.messageEn);
  return bitmap.value;
};

describe('raster rendering', () => {
  it.each(['80mm', '58mm'] as const)('renders every kind of slip at the exact %s width', (paper) => {
    const width = paper === '80mm' ? 576 : 384;
    for (const input of Object.values(sampleSlips)) {
      const bitmap = renderInput(input, paper);
      expect(bitmap.width).toBe(width);
      expect(bitmap.bytesPerRow).toBe(width / 8);
      expect(bitmap.height).toBeGreaterThan(200);
      expect(countBlack(bitmap)).toBeGreaterThan(2000);
    }
  });

  it('the narrow roll wraps more, so the same receipt is taller', () => {
    expect(renderInput(sampleSlips.receipt, '58mm').height).toBeGreaterThan(renderInput(sampleSlips.receipt, '80mm').height);
  });

  it('a reprint is visibly different: two black banners', () => {
    const original = renderInput(sampleSlips.receipt, '80mm');
    const reprint = renderInput({ ...sampleSlips.receipt, reprint: true }, '80mm');
    expect(reprint.height).toBeGreaterThan(original.height);
    // The banner is a solid black band across the paper (a rule is only 2 rows high).
    expect(blackBands(reprint)).toBeGreaterThanOrEqual(2);
    expect(blackBands(original)).toBe(0);
  });

  it('is deterministic: the same slip renders to the same dots', () => {
    expect(countDifferences(renderInput(sampleSlips.receipt, '80mm'), renderInput(sampleSlips.receipt, '80mm'))).toBe(0);
  });

  it('draws tone marks: "ễ" is not "e", and "Đ" is not "D"', () => {
    const big = (text: string): MonoBitmap => render([paragraph(text, { size: 'huge' })]);
    expect(countDifferences(big('ễ'), big('e'))).toBeGreaterThan(40);
    expect(countDifferences(big('Đ'), big('D'))).toBeGreaterThan(30);
    expect(countBlack(big('ễ'))).toBeGreaterThan(countBlack(big('e')));
  });

  it('draws no tofu: no Vietnamese letter renders as the missing-glyph box', () => {
    const tofu = render([paragraph('\uE000')]);
    const letters = new Set([...VIETNAMESE_SAMPLE_LINES.join('')].filter((c) => c !== ' '));
    for (const letter of letters) {
      const glyph = render([paragraph(letter)]);
      expect(countBlack(glyph), letter).toBeGreaterThan(0);
      expect(countDifferences(glyph, tofu), letter).toBeGreaterThan(0);
    }
  });

  it('a missing font folder is a bilingual failure, not a slip in a fallback font', () => {
    const result = registerSlipFonts('/nonexistent/fonts');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('printer.font-missing');
      expect(result.error.message).toContain('phông chữ');
    }
  });
});

/** Bands of at least 10 consecutive rows that are almost all black. */
function blackBands(bitmap: MonoBitmap): number {
  let bands = 0;
  let run = 0;
  for (let y = 0; y < bitmap.height; y += 1) {
    run = rowInk(bitmap, y) > 0.9 * (bitmap.width - 16) ? run + 1 : 0;
    if (run === 10) bands += 1;
  }
  return bands;
}

function rowInk(bitmap: MonoBitmap, y: number): number {
  let ink = 0;
  for (let i = 0; i < bitmap.bytesPerRow; i += 1) {
    let byte = bitmap.data[y * bitmap.bytesPerRow + i] ?? 0;
    for (; byte !== 0; byte &= byte - 1) ink += 1;
  }
  return ink;
}
