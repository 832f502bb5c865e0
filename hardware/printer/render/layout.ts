import type { Align, SlipBlock, TableColumn, TextRun } from '../slips/blocks';
import type { DrawOp, Layout } from './draw-ops';
import { baselineOf, lineHeightOf, type PaperMetrics } from './metrics';
import { QR_QUIET_ZONE_MODULES, qrMatrix } from './qr';
import { wrapRuns, type WrappedLine } from './wrap';

/** Width in dots of `text` in the slip font at `size`. */
export type SizedMeasure = (text: string, size: number, bold: boolean) => number;

const RULE_PAD = 8;
const TOP_PAD = 8;
const BOTTOM_PAD = 16;
const DASH = 8;
const DASH_GAP = 6;

/**
 * Places every block, top to bottom, at the paper's width. Pure: it measures through a function, so the same layout
 * code serves the canvas painter and tests, and the slip's height is known before any pixel is allocated.
 */
export function layoutBlocks(blocks: readonly SlipBlock[], paper: PaperMetrics, measure: SizedMeasure): Layout {
  const ops: DrawOp[] = [];
  const contentWidth = paper.width - 2 * paper.margin;
  let y = TOP_PAD;

  const placeLines = (lines: readonly WrappedLine[], size: number, align: Align, left: number, width: number, top: number, white = false): number => {
    let lineTop = top;
    for (const line of lines) {
      const x = left + alignOffset(align, width, line.width);
      for (const s of line.segments) ops.push({ kind: 'text', x: x + s.x, baseline: lineTop + baselineOf(size), text: s.text, size, bold: s.bold, white });
      lineTop += lineHeightOf(size);
    }
    return lineTop;
  };
  const wrap = (runs: readonly TextRun[], size: number, width: number): readonly WrappedLine[] =>
    wrapRuns(runs, width, (text, bold) => measure(text, size, bold));

  for (const block of blocks) {
    switch (block.kind) {
      case 'paragraph': {
        const size = paper.fontSize[block.size];
        y = placeLines(wrap(block.runs, size, contentWidth), size, block.align, paper.margin, contentWidth, y);
        break;
      }
      case 'table':
        y = layoutTable(block.columns, block.rows, y);
        break;
      case 'qr': {
        const matrix = qrMatrix(block.text);
        const span = matrix.size + 2 * QR_QUIET_ZONE_MODULES;
        const moduleDots = Math.max(1, Math.min(paper.qrModuleDots, Math.floor(contentWidth / span)));
        const x = paper.margin + Math.floor((contentWidth - span * moduleDots) / 2) + QR_QUIET_ZONE_MODULES * moduleDots;
        ops.push({ kind: 'qr', x, y: y + QR_QUIET_ZONE_MODULES * moduleDots, moduleDots, matrix });
        y += span * moduleDots;
        if (block.caption !== undefined) {
          const size = paper.fontSize.small;
          y = placeLines(wrap([{ text: block.caption, bold: false }], size, contentWidth), size, 'center', paper.margin, contentWidth, y);
        }
        break;
      }
      case 'rule':
        ruleAt(y + RULE_PAD, block.dashed);
        y += 2 * RULE_PAD + 2;
        break;
      case 'space':
        y += block.lines * lineHeightOf(paper.fontSize.small);
        break;
      case 'banner': {
        const size = paper.fontSize.normal;
        const lines = wrap([{ text: block.text, bold: true }], size, contentWidth - 16);
        const height = lines.length * lineHeightOf(size) + 12;
        ops.push({ kind: 'rect', x: paper.margin, y, width: contentWidth, height });
        placeLines(lines, size, 'center', paper.margin + 8, contentWidth - 16, y + 6, true);
        y += height;
        break;
      }
    }
  }
  return { width: paper.width, height: y + BOTTOM_PAD, ops };

  function ruleAt(top: number, dashed: boolean): void {
    if (!dashed) {
      ops.push({ kind: 'rect', x: paper.margin, y: top, width: contentWidth, height: 2 });
      return;
    }
    for (let x = paper.margin; x < paper.margin + contentWidth; x += DASH + DASH_GAP) {
      ops.push({ kind: 'rect', x, y: top, width: Math.min(DASH, paper.margin + contentWidth - x), height: 2 });
    }
  }

  function layoutTable(columns: readonly TableColumn[], rows: readonly (readonly string[])[], top: number): number {
    const size = paper.fontSize.small;
    const totalWeight = columns.reduce((sum, c) => sum + c.weight, 0);
    const usable = contentWidth - paper.columnGap * (columns.length - 1);
    const widths = columns.map((c) => Math.floor((usable * c.weight) / totalWeight));
    const lefts = widths.map((_, i) => paper.margin + widths.slice(0, i).reduce((sum, w) => sum + w + paper.columnGap, 0));
    const placeRow = (cells: readonly string[], bold: boolean, rowTop: number): number => {
      let bottom = rowTop;
      columns.forEach((column, i) => {
        const lines = wrap([{ text: cells[i] ?? '', bold }], size, widths[i] ?? 0);
        bottom = Math.max(bottom, placeLines(lines, size, column.align, lefts[i] ?? 0, widths[i] ?? 0, rowTop));
      });
      return bottom;
    };
    let rowTop = placeRow(
      columns.map((c) => c.header),
      true,
      top,
    );
    ops.push({ kind: 'rect', x: paper.margin, y: rowTop + 2, width: contentWidth, height: 1 });
    rowTop += 6;
    for (const row of rows) rowTop = placeRow(row, false, rowTop) + 2;
    ops.push({ kind: 'rect', x: paper.margin, y: rowTop + 2, width: contentWidth, height: 1 });
    return rowTop + 8;
  }
}

function alignOffset(align: Align, width: number, used: number): number {
  switch (align) {
    case 'left':
      return 0;
    case 'center':
      return Math.max(0, Math.floor((width - used) / 2));
    case 'right':
      return Math.max(0, width - used);
  }
}
