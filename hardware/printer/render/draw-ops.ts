import type { QrMatrix } from './qr';

/** What the painter does, in dots from the top-left corner: the layout's output, free of any canvas type. */
export type DrawOp =
  | { readonly kind: 'text'; readonly x: number; readonly baseline: number; readonly text: string; readonly size: number; readonly bold: boolean; readonly white: boolean }
  | { readonly kind: 'rect'; readonly x: number; readonly y: number; readonly width: number; readonly height: number }
  | { readonly kind: 'qr'; readonly x: number; readonly y: number; readonly moduleDots: number; readonly matrix: QrMatrix };

export type Layout = { readonly width: number; readonly height: number; readonly ops: readonly DrawOp[] };

/** The canvas font string for one size and weight of the slip font. */
export const fontOf = (family: string, size: number, bold: boolean): string => `${bold ? 'bold ' : ''}${size}px "${family}"`;
