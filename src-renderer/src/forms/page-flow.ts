import { rgb, type PDFDocument, type PDFFont, type PDFPage } from 'pdf-lib';
import { fitSize, wrapRuns, type Line, type Run } from './text-layout';

/**
 * A top-down cursor over the pages of one form: paragraphs wrap, tables break across pages with their header
 * repeated, side-by-side blocks (the national heading, signatures) line up. `y` counts from the top edge, as
 * a form is read; pdf-lib's bottom-up coordinates appear only in the draw calls.
 */

export type Paper = 'A4' | 'A5' | 'A4-landscape';

/** Points (1/72 in). */
export const paperSizes: { readonly [P in Paper]: readonly [number, number] } = {
  A4: [595.28, 841.89],
  A5: [419.53, 595.28],
  'A4-landscape': [841.89, 595.28],
};

export type Metrics = {
  readonly margin: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
  /** Font sizes. */
  readonly body: number;
  readonly small: number;
  readonly heading: number;
  readonly title: number;
  /** Line height as a multiple of the font size. */
  readonly leading: number;
};

/** Decree 30/2020 asks for 2 cm on the left (binding) and about 1.5–2 cm elsewhere on A4; A5 slips are tighter. */
export const paperMetrics: { readonly [P in Paper]: Metrics } = {
  A4: { margin: { top: 48, right: 42, bottom: 48, left: 57 }, body: 11, small: 9.5, heading: 11, title: 13, leading: 1.35 },
  A5: { margin: { top: 28, right: 28, bottom: 28, left: 34 }, body: 8.5, small: 7.5, heading: 8.5, title: 10.5, leading: 1.3 },
  'A4-landscape': { margin: { top: 36, right: 28, bottom: 36, left: 34 }, body: 8, small: 7, heading: 9, title: 12, leading: 1.25 },
};

export type Fonts = { readonly regular: PDFFont; readonly bold: PDFFont };

export type Align = 'left' | 'center' | 'right';

export type TextStyle = {
  readonly size?: number;
  readonly bold?: boolean;
  readonly align?: Align;
  /** Left edge and width of the box to wrap in; the content box by default. */
  readonly x?: number;
  readonly width?: number;
  /** Extra left indent of every line (list items). */
  readonly indent?: number;
  /** Shrink a single line down to this size rather than wrap it (headings). */
  readonly fitDownTo?: number;
};

export type Column = { readonly title: string; readonly weight: number; readonly align?: Align };

export type TableStyle = { readonly size?: number; readonly padding?: number };

const black = rgb(0, 0, 0);
const headerFill = rgb(0.92, 0.92, 0.92);

export class PageFlow {
  readonly pages: PDFPage[] = [];
  /** Distance of the cursor from the top edge of the current page. */
  y = 0;
  private current: PDFPage | undefined;

  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Fonts,
    readonly paper: Paper,
    readonly metrics: Metrics = paperMetrics[paper],
  ) {
    this.newPage();
  }

  get page(): PDFPage {
    if (this.current === undefined) throw new Error('PageFlow has no page');
    return this.current;
  }

  get pageWidth(): number {
    return paperSizes[this.paper][0];
  }

  get pageHeight(): number {
    return paperSizes[this.paper][1];
  }

  get left(): number {
    return this.metrics.margin.left;
  }

  get contentWidth(): number {
    return this.pageWidth - this.metrics.margin.left - this.metrics.margin.right;
  }

  get bottom(): number {
    return this.pageHeight - this.metrics.margin.bottom;
  }

  font(bold: boolean | undefined): PDFFont {
    return bold === true ? this.fonts.bold : this.fonts.regular;
  }

  measure(text: string, bold: boolean | undefined, size: number): number {
    return this.font(bold).widthOfTextAtSize(text, size);
  }

  lineHeight(size: number): number {
    return size * this.metrics.leading;
  }

  newPage(): void {
    const [width, height] = paperSizes[this.paper];
    this.current = this.doc.addPage([width, height]);
    this.pages.push(this.current);
    this.y = this.metrics.margin.top;
  }

  /** Starts a new page unless `height` still fits above the bottom margin. */
  ensure(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  gap(height: number): void {
    this.y += height;
  }

  wrap(runs: readonly Run[], width: number, size: number): Line[] {
    return wrapRuns(runs, width, (text, bold) => this.measure(text, bold, size));
  }

  /** A wrapped paragraph in the flow; each line moves to a new page if it has to. */
  paragraph(content: string | readonly Run[], style: TextStyle = {}): void {
    const size = style.size ?? this.metrics.body;
    const x = (style.x ?? this.left) + (style.indent ?? 0);
    const width = (style.width ?? this.contentWidth) - (style.indent ?? 0);
    const runs: readonly Run[] = typeof content === 'string' ? [{ text: content, bold: style.bold === true }] : content;
    const fitted =
      style.fitDownTo === undefined
        ? size
        : fitSize(runs.map((r) => r.text).join(''), width, size, style.fitDownTo, (text, s) => this.measure(text, runs[0]?.bold ?? style.bold, s));
    for (const line of this.wrap(runs, width, fitted)) {
      this.ensure(this.lineHeight(fitted));
      this.drawLine(line, x, width, style.align ?? 'left', fitted, this.y);
      this.y += this.lineHeight(fitted);
    }
  }

  /** Draws one laid-out line with its top at `top`. */
  drawLine(line: Line, x: number, width: number, align: Align, size: number, top: number): void {
    let cursor = align === 'left' ? x : align === 'center' ? x + (width - line.width) / 2 : x + width - line.width;
    const baseline = this.pageHeight - top - size * 1.02;
    for (const segment of line.segments) {
      this.page.drawText(segment.text, { x: cursor, y: baseline, size, font: this.font(segment.bold), color: black });
      cursor += segment.width;
    }
  }

  /** A horizontal rule at `top` (from the top edge), e.g. under the motto. */
  rule(x1: number, x2: number, top: number, thickness = 0.6): void {
    const y = this.pageHeight - top;
    this.page.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness, color: black });
  }

  /** Filled squares, for the QR code: `top` and `x` of the square's top-left corner. */
  square(x: number, top: number, width: number, height: number): void {
    this.page.drawRectangle({ x, y: this.pageHeight - top - height, width, height, color: black });
  }

  /**
   * Blocks side by side starting at the cursor (issuer / national heading; two signatures). Each block draws
   * itself at the given top with the given box and returns its height; the cursor moves below the tallest.
   */
  sideBySide(blocks: readonly { readonly x: number; readonly width: number; readonly draw: (top: number, x: number, width: number) => number }[]): void {
    const top = this.y;
    let tallest = 0;
    for (const block of blocks) tallest = Math.max(tallest, block.draw(top, block.x, block.width));
    this.y = top + tallest;
  }

  /** Lines centred in a box without moving the cursor; returns the height used. */
  centeredLines(items: readonly { readonly text: string; readonly bold?: boolean; readonly size: number; readonly fit?: boolean }[], top: number, x: number, width: number): number {
    let y = top;
    for (const item of items) {
      const size = item.fit === true ? fitSize(item.text, width, item.size, item.size * 0.7, (t, s) => this.measure(t, item.bold, s)) : item.size;
      for (const line of this.wrap([{ text: item.text, bold: item.bold === true }], width, size)) {
        this.drawLine(line, x, width, 'center', size, y);
        y += this.lineHeight(size);
      }
    }
    return y - top;
  }

  /** A bordered table; rows that do not fit go to the next page under a repeated header row. */
  table(columns: readonly Column[], rows: readonly (readonly string[])[], style: TableStyle = {}): void {
    const size = style.size ?? this.metrics.small;
    const pad = style.padding ?? 3;
    const total = columns.reduce((sum, c) => sum + c.weight, 0);
    const widths = columns.map((c) => (c.weight / total) * this.contentWidth);
    const lh = this.lineHeight(size);

    const layoutRow = (cells: readonly string[], bold: boolean): Line[][] =>
      columns.map((_, i) => this.wrap([{ text: cells[i] ?? '', bold }], (widths[i] ?? 0) - 2 * pad, size));
    const heightOf = (laid: readonly Line[][]): number => Math.max(1, ...laid.map((l) => l.length)) * lh + 2 * pad;

    const header = layoutRow(columns.map((c) => c.title), true);
    const headerHeight = heightOf(header);
    const drawRow = (laid: readonly Line[][], height: number, isHeader: boolean): void => {
      let x = this.left;
      laid.forEach((lines, i) => {
        const width = widths[i] ?? 0;
        this.page.drawRectangle({
          x,
          y: this.pageHeight - this.y - height,
          width,
          height,
          borderColor: black,
          borderWidth: 0.5,
          ...(isHeader ? { color: headerFill } : {}),
        });
        const align = isHeader ? 'center' : (columns[i]?.align ?? 'left');
        lines.forEach((line, n) => this.drawLine(line, x + pad, width - 2 * pad, align, size, this.y + pad + n * lh));
        x += width;
      });
      this.y += height;
    };

    this.ensure(headerHeight + lh + 2 * pad);
    drawRow(header, headerHeight, true);
    for (const cells of rows) {
      let laid = layoutRow(cells, false);
      let height = heightOf(laid);
      if (this.y + height > this.bottom) {
        this.newPage();
        drawRow(header, headerHeight, true);
        // A cell longer than a whole page is cut rather than pushed off the paper.
        const room = Math.floor((this.bottom - this.y - 2 * pad) / lh);
        if (height > this.bottom - this.y) {
          laid = laid.map((lines) => (lines.length > room ? [...lines.slice(0, room - 1), ...this.wrap([{ text: '…' }], 100, size)] : lines));
          height = heightOf(laid);
        }
      }
      drawRow(laid, height, false);
    }
  }
}
