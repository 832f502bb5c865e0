import { create } from 'qrcode';
import type { PageFlow } from './page-flow';

/** The QR symbol's dark modules, row by row; a test or a screen can use it without a PDF. */
export function qrMatrix(text: string): { readonly size: number; readonly dark: (row: number, col: number) => boolean } {
  // Level M survives a crease or a smudge on a thermal-printed slip and keeps the symbol small (version 2 for a
  // record code, which is all alphanumeric).
  const modules = create(text, { errorCorrectionLevel: 'M' }).modules;
  return { size: modules.size, dark: (row, col) => modules.get(row, col) === 1 };
}

/** The quiet zone the QR specification asks for around the symbol, in modules. */
export const QR_QUIET_ZONE = 4;

/**
 * Draws the QR code as filled squares, merging each row's runs of dark modules into one rectangle so the page
 * holds a few hundred drawing operations rather than a thousand. `size` includes the quiet zone.
 */
export function drawQr(flow: PageFlow, text: string, x: number, top: number, size: number): void {
  const matrix = qrMatrix(text);
  const module = size / (matrix.size + 2 * QR_QUIET_ZONE);
  const origin = QR_QUIET_ZONE * module;
  for (let row = 0; row < matrix.size; row++) {
    let col = 0;
    while (col < matrix.size) {
      if (!matrix.dark(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < matrix.size && matrix.dark(row, col)) col++;
      // A hair of overlap hides the seams some viewers draw between adjacent rectangles.
      flow.square(x + origin + start * module, top + origin + row * module, (col - start) * module + 0.05, module + 0.05);
    }
  }
}
