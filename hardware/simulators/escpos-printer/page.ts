import { PNG } from 'pngjs';

/**
 * One cut-off piece of paper: the raster rows that were burnt, the text lines printed in text mode, and a PNG of
 * the rows so a test (or a person) can look at what a citizen would have been handed.
 */
export type PrintedPage = {
  readonly index: number;
  readonly width: number;
  readonly height: number;
  readonly bytesPerRow: number;
  /** 1 bit per dot, leftmost dot in the high bit, 1 = black: the same layout as GS v 0 data. */
  readonly data: Uint8Array;
  readonly textLines: readonly string[];
  readonly cut: 'full' | 'partial';
  readonly png: Buffer;
  /** Things a real printer would also get wrong, e.g. a raster wider than the paper (clipped). */
  readonly warnings: readonly string[];
};

/** Collects rows and text lines until the cut. */
export type PageBuilder = {
  addRows(bytesPerRow: number, rows: number, data: Uint8Array): void;
  addBlankRows(rows: number): void;
  addTextLine(line: string): void;
  readonly isEmpty: boolean;
  finish(index: number, cut: 'full' | 'partial'): PrintedPage;
};

export function createPageBuilder(paperDots: number): PageBuilder {
  const paperBytes = Math.ceil(paperDots / 8);
  const rows: Uint8Array[] = [];
  const textLines: string[] = [];
  const warnings: string[] = [];
  return {
    addRows(bytesPerRow, count, data) {
      if (bytesPerRow > paperBytes) warnings.push(`raster ${bytesPerRow * 8} dots wide on ${paperDots}-dot paper: clipped`);
      for (let r = 0; r < count; r += 1) {
        const row = new Uint8Array(paperBytes);
        row.set(data.subarray(r * bytesPerRow, r * bytesPerRow + Math.min(bytesPerRow, paperBytes)));
        rows.push(row);
      }
    },
    addBlankRows(count) {
      for (let r = 0; r < count; r += 1) rows.push(new Uint8Array(paperBytes));
    },
    addTextLine(line) {
      textLines.push(line);
    },
    get isEmpty() {
      return rows.length === 0 && textLines.length === 0;
    },
    finish(index, cut) {
      const data = new Uint8Array(rows.length * paperBytes);
      rows.forEach((row, r) => data.set(row, r * paperBytes));
      return { index, width: paperDots, height: rows.length, bytesPerRow: paperBytes, data, textLines, cut, png: toPng(paperDots, rows.length, paperBytes, data), warnings };
    },
  };
}

function toPng(width: number, height: number, bytesPerRow: number, data: Uint8Array): Buffer {
  // A page with text only has no rows; a PNG needs at least one.
  const png = new PNG({ width, height: Math.max(1, height), colorType: 0, inputColorType: 0, bitDepth: 8, inputHasAlpha: false });
  const grey = Buffer.alloc(width * Math.max(1, height), 255);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if (((data[y * bytesPerRow + (x >> 3)] ?? 0) & (0x80 >> (x & 7))) !== 0) grey[y * width + x] = 0;
    }
  }
  png.data = grey;
  return PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false });
}
