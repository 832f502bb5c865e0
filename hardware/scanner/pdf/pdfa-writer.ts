import { randomUUID } from 'node:crypto';
import fontkit from '@pdf-lib/fontkit';
import { concatTransformationMatrix, drawObject, PDFDocument, PDFHexString, PDFName, PDFString, popGraphicsState, pushGraphicsState } from 'pdf-lib';
import type { OcrPage } from '../ocr';
import type { EncodedImage } from '../pipeline';
import { buildSrgbIccProfile } from './srgb-icc';
import { textLayerOperators } from './text-layer';
import { buildXmp, type DocumentMetadata } from './xmp';

export type PdfPage = { readonly image: EncodedImage; readonly dpi: number; readonly ocr?: OcrPage };
export type PdfInput = {
  readonly pages: readonly PdfPage[];
  readonly meta: Omit<DocumentMetadata, 'pageCount' | 'documentId' | 'instanceId' | 'producer' | 'creatorTool'> & { readonly documentId?: string };
  /** Noto Sans (covers Vietnamese) for the invisible OCR text; PDF/A wants every used font embedded. */
  readonly fontBytes: Uint8Array;
};

const PRODUCER = 'MotCua scanner (pdf-lib)';
const CREATOR = 'MotCua';

function imageXObject(doc: PDFDocument, image: EncodedImage) {
  const common = { Type: 'XObject', Subtype: 'Image', Width: image.width, Height: image.height };
  switch (image.encoding) {
    case 'bitonal':
      return doc.context.register(doc.context.stream(image.bytes, { ...common, ColorSpace: 'DeviceGray', BitsPerComponent: 1, Filter: 'FlateDecode' }));
    case 'grey-jpeg':
      return doc.context.register(doc.context.stream(image.bytes, { ...common, ColorSpace: 'DeviceGray', BitsPerComponent: 8, Filter: 'DCTDecode' }));
    case 'colour-jpeg':
      return doc.context.register(doc.context.stream(image.bytes, { ...common, ColorSpace: 'DeviceRGB', BitsPerComponent: 8, Filter: 'DCTDecode' }));
  }
}

/**
 * A PDF/A-2b document: one page per image at its true size (pixels ÷ dpi), the OCR text invisible on top,
 * XMP metadata agreeing with the Info dictionary, an sRGB OutputIntent (so DeviceRGB and DeviceGray are
 * allowed), and a document ID in the trailer. What is and is not checked: docs/SCANNER.md.
 */
export async function buildPdfA(input: PdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const needsFont = input.pages.some((p) => p.ocr && p.ocr.lines.length > 0);
  // ccmp off: Noto Sans's ccmp decomposes ọ/ị into o/i + a mark glyph without a Unicode value, and pdf-lib's
  // ToUnicode then maps the base glyph to "ọ" — search and copy would see "Ho" and every later "o" as "ọ".
  const font = needsFont ? await doc.embedFont(input.fontBytes, { subset: true, features: { ccmp: false, liga: false, kern: false } }) : undefined;

  for (const page of input.pages) {
    const ptPerPx = 72 / page.dpi;
    const width = page.image.width * ptPerPx;
    const height = page.image.height * ptPerPx;
    const pdfPage = doc.addPage([width, height]);
    const imageName = pdfPage.node.newXObject('Scan', imageXObject(doc, page.image));
    pdfPage.pushOperators(pushGraphicsState(), concatTransformationMatrix(width, 0, 0, height, 0, 0), drawObject(imageName), popGraphicsState());
    if (font && page.ocr && page.ocr.lines.length > 0) {
      const fontName = pdfPage.node.newFontDictionary('Ocr', font.ref);
      pdfPage.pushOperators(...textLayerOperators(page.ocr, font, fontName, ptPerPx, height));
    }
  }

  const scannedAt = new Date(Math.floor(input.meta.scannedAt.getTime() / 1000) * 1000);
  const documentId = input.meta.documentId ?? randomUUID();
  const instanceId = randomUUID();
  const meta: DocumentMetadata = { ...input.meta, scannedAt, pageCount: input.pages.length, documentId, instanceId, producer: PRODUCER, creatorTool: CREATOR };
  doc.setTitle(meta.title);
  doc.setProducer(PRODUCER);
  doc.setCreator(CREATOR);
  doc.setCreationDate(scannedAt);
  doc.setModificationDate(scannedAt);

  const context = doc.context;
  const xmp = context.register(context.stream(new TextEncoder().encode(buildXmp(meta)), { Type: 'Metadata', Subtype: 'XML' }));
  doc.catalog.set(PDFName.of('Metadata'), xmp);
  const icc = context.register(context.flateStream(buildSrgbIccProfile(), { N: 3 }));
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    RegistryName: PDFString.of('http://www.color.org'),
    DestOutputProfile: icc,
  });
  doc.catalog.set(PDFName.of('OutputIntents'), context.obj([intent]));
  const id = PDFHexString.of(documentId.replace(/-/g, ''));
  context.trailerInfo.ID = context.obj([id, PDFHexString.of(instanceId.replace(/-/g, ''))]);
  return doc.save({ useObjectStreams: false });
}
