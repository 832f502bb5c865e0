export { buildPdfA, type PdfInput, type PdfPage } from './pdfa-writer';
export { buildSrgbIccProfile } from './srgb-icc';
export { buildXmp, MOTCUA_XMP_NS, type DocumentMetadata } from './xmp';
