import { beginText, endText, popGraphicsState, pushGraphicsState, setCharacterSqueeze, setFontAndSize, setTextMatrix, setTextRenderingMode, showText, TextRenderingMode, type PDFFont, type PDFName, type PDFOperator } from 'pdf-lib';
import type { OcrPage } from '../ocr';

/**
 * OCR words as invisible text (rendering mode 3) over the page image: selectable and searchable, never drawn.
 * Each word sits on its line's baseline, sized to its box height and squeezed (Tz) to its box width, so a
 * search hit highlights the printed word.
 */
export function textLayerOperators(ocr: OcrPage, font: PDFFont, fontName: PDFName, pointsPerPixel: number, pageHeight: number): PDFOperator[] {
  const ops: PDFOperator[] = [pushGraphicsState(), beginText(), setTextRenderingMode(TextRenderingMode.Invisible)];
  for (const line of ocr.lines) {
    for (const word of line.words) {
      const text = word.text.normalize('NFC');
      const size = Math.max(1, (word.y1 - word.y0) * pointsPerPixel);
      const natural = font.widthOfTextAtSize(text, size);
      if (natural <= 0) continue;
      const target = (word.x1 - word.x0) * pointsPerPixel;
      ops.push(setFontAndSize(fontName, size), setCharacterSqueeze(Math.max(1, Math.min(1000, (100 * target) / natural))));
      ops.push(setTextMatrix(1, 0, 0, 1, word.x0 * pointsPerPixel, pageHeight - line.baseline * pointsPerPixel));
      // A trailing space lets text extractors (pdftotext, search) see word boundaries.
      ops.push(showText(font.encodeText(`${text} `)));
    }
  }
  ops.push(endText(), popGraphicsState());
  return ops;
}
