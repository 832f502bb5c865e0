import { paperDots, type PaperWidth } from '../slip-schema';
import type { TextSize } from '../slips/blocks';

/** Sizes in dots at 203 dpi (8 dots per mm): 24 dots ≈ 3 mm, the body size of a printer's own font A. */
export type PaperMetrics = {
  readonly width: number;
  readonly margin: number;
  readonly fontSize: Readonly<Record<TextSize, number>>;
  readonly qrModuleDots: number;
  readonly columnGap: number;
};

const metrics: Readonly<Record<PaperWidth, PaperMetrics>> = {
  '80mm': {
    width: paperDots['80mm'],
    margin: 8,
    fontSize: { small: 20, normal: 24, large: 30, huge: 40, display: 120 },
    qrModuleDots: 6,
    columnGap: 6,
  },
  '58mm': {
    width: paperDots['58mm'],
    margin: 4,
    fontSize: { small: 18, normal: 22, large: 26, huge: 34, display: 96 },
    qrModuleDots: 5,
    columnGap: 4,
  },
};

export const paperMetrics = (paper: PaperWidth): PaperMetrics => metrics[paper];

/**
 * Noto Sans reaches 1.07 em above the baseline (a capital with a stacked tone mark, "Ễ") and 0.29 em below ("ệ"):
 * lines are 1.4 em apart, so stacked marks never touch the line above.
 */
export const lineHeightOf = (fontSize: number): number => Math.ceil(fontSize * 1.4);
export const baselineOf = (fontSize: number): number => Math.ceil(fontSize * 1.08);
