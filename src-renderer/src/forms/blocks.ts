import type { FormHeader, SignatureBlock } from '../../../src-shared/domain/forms';
import type { PageFlow } from './page-flow';
import type { Run } from './text-layout';

/**
 * The parts every form shares, laid out as Decree 30/2020/NĐ-CP places them: the issuing body top left, the
 * national heading top right (both centred in their half), the place and date under the motto, then the title.
 */

const upper = (text: string): string => text.toLocaleUpperCase('vi');

export function drawNationalHeader(flow: PageFlow, header: FormHeader): void {
  const size = flow.metrics.heading;
  const leftWidth = flow.contentWidth * 0.42;
  const rightWidth = flow.contentWidth - leftWidth;
  const rightX = flow.left + leftWidth;
  flow.sideBySide([
    {
      x: flow.left,
      width: leftWidth - 6,
      draw: (top, x, width) => {
        const items = [
          ...(header.issuer.superiorName === undefined ? [] : [{ text: upper(header.issuer.superiorName), size }]),
          { text: upper(header.issuer.unitName), bold: true, size },
        ];
        const height = flow.centeredLines(items, top, x, width);
        const rule = width / 3;
        flow.rule(x + (width - rule) / 2, x + (width + rule) / 2, top + height + 2);
        return height + 6;
      },
    },
    {
      x: rightX,
      width: rightWidth,
      draw: (top, x, width) => {
        const height = flow.centeredLines(
          [
            { text: header.nation, bold: true, size, fit: true },
            { text: header.motto, bold: true, size: size + 0.5, fit: true },
          ],
          top,
          x,
          width,
        );
        const mottoWidth = flow.measure(header.motto, true, size + 0.5);
        flow.rule(x + (width - mottoWidth) / 2, x + (width + mottoWidth) / 2, top + height + 2);
        return height + 6;
      },
    },
  ]);
  flow.gap(flow.lineHeight(size) * 0.4);
  flow.paragraph(header.placeAndDate, { x: rightX, width: rightWidth, align: 'center', size: flow.metrics.body });
  flow.gap(flow.lineHeight(flow.metrics.body) * 0.6);
}

export function drawTitle(flow: PageFlow, title: string, subtitle?: string): void {
  flow.paragraph(title, { bold: true, align: 'center', size: flow.metrics.title });
  if (subtitle !== undefined) flow.paragraph(subtitle, { align: 'center', size: flow.metrics.body });
  flow.gap(flow.lineHeight(flow.metrics.body) * 0.5);
}

/** "Label: value" with the value in bold, as filled-in blanks stand out on the printed forms. */
export function labelled(flow: PageFlow, label: string, value: string, indent = 0): void {
  flow.paragraph(field(label, value), { indent });
}

export function field(label: string, value: string): Run[] {
  return [{ text: `${label}: ` }, { text: value, bold: true }];
}

/** Dotted blank for a line the officer fills by hand (e.g. the paper log book's number). */
export const BLANK = '……………';

/** Signature blocks side by side across the page (one block sits in the right half). */
export function drawSignatures(flow: PageFlow, blocks: readonly SignatureBlock[]): void {
  const size = flow.metrics.body;
  const signingSpace = flow.lineHeight(size) * 4;
  const blockHeight = flow.lineHeight(size) * 3 + signingSpace;
  flow.gap(flow.lineHeight(size) * 0.6);
  flow.ensure(blockHeight);
  const half = flow.contentWidth / 2;
  const slots = blocks.length === 1 ? [{ x: flow.left + half, width: half }] : blocks.map((_, i) => ({ x: flow.left + (i * flow.contentWidth) / blocks.length, width: flow.contentWidth / blocks.length }));
  flow.sideBySide(
    blocks.map((block, i) => {
      const slot = slots[i] ?? { x: flow.left, width: half };
      return {
        x: slot.x,
        width: slot.width,
        draw: (top: number, x: number, width: number) => {
          let height = flow.centeredLines(
            [
              { text: block.title, bold: true, size },
              { text: block.hint, size: flow.metrics.small },
            ],
            top,
            x,
            width,
          );
          height += signingSpace;
          if (block.name !== undefined) height += flow.centeredLines([{ text: block.name, bold: true, size }], top + height, x, width);
          return height;
        },
      };
    }),
  );
}

/** Decorations drawn on every page once the content is laid out: form number, reprint mark, page numbers. */
export function decoratePages(flow: PageFlow, formLabel: string, reprintNote: string | undefined): void {
  const size = flow.metrics.small;
  const total = flow.pages.length;
  flow.pages.forEach((page, i) => {
    const height = page.getHeight();
    const width = page.getWidth();
    const labelWidth = flow.measure(formLabel, false, size);
    page.drawText(formLabel, { x: width - flow.metrics.margin.right - labelWidth, y: height - flow.metrics.margin.top / 2 - size / 2, size, font: flow.fonts.regular });
    if (reprintNote !== undefined) {
      const markSize = flow.metrics.heading + 1;
      page.drawText(reprintNote, { x: flow.metrics.margin.left, y: height - flow.metrics.margin.top / 2 - markSize / 2, size: markSize, font: flow.fonts.bold });
    }
    if (total > 1) {
      const text = `Trang ${i + 1}/${total}`;
      const textWidth = flow.measure(text, false, size);
      page.drawText(text, { x: (width - textWidth) / 2, y: flow.metrics.margin.bottom / 2, size, font: flow.fonts.regular });
    }
  });
}
