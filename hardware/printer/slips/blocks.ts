/**
 * A slip as a list of blocks: what to say and in which order, not where each dot goes. The renderer turns blocks
 * into a raster at the paper's width, so one content model serves 80 mm and 58 mm rolls (and any later text mode).
 */
export type TextSize = 'small' | 'normal' | 'large' | 'huge' | 'display';
export type Align = 'left' | 'center' | 'right';

/** A piece of a paragraph with its own weight: "Label: value" wraps as one paragraph with a bold label. */
export type TextRun = { readonly text: string; readonly bold: boolean };

export type TableColumn = { readonly header: string; readonly weight: number; readonly align: Align };

export type SlipBlock =
  | { readonly kind: 'paragraph'; readonly runs: readonly TextRun[]; readonly size: TextSize; readonly align: Align }
  | { readonly kind: 'table'; readonly columns: readonly TableColumn[]; readonly rows: readonly (readonly string[])[] }
  | { readonly kind: 'qr'; readonly text: string; readonly caption?: string }
  | { readonly kind: 'rule'; readonly dashed: boolean }
  | { readonly kind: 'space'; readonly lines: number }
  /** White on black across the width: the reprint mark, impossible to overlook or to mistake for content. */
  | { readonly kind: 'banner'; readonly text: string };

export type ParagraphStyle = { readonly size?: TextSize; readonly align?: Align; readonly bold?: boolean };

export function paragraph(text: string, style: ParagraphStyle = {}): SlipBlock {
  return { kind: 'paragraph', runs: [{ text, bold: style.bold ?? false }], size: style.size ?? 'normal', align: style.align ?? 'left' };
}

/** "Label: value", the label bold; the value wraps under the label's line like running text. */
export function field(label: string, value: string, style: { readonly size?: TextSize; readonly boldValue?: boolean } = {}): SlipBlock {
  return {
    kind: 'paragraph',
    runs: [
      { text: `${label}: `, bold: true },
      { text: value, bold: style.boldValue ?? false },
    ],
    size: style.size ?? 'normal',
    align: 'left',
  };
}

export const rule = (dashed = false): SlipBlock => ({ kind: 'rule', dashed });
export const space = (lines = 1): SlipBlock => ({ kind: 'space', lines });
