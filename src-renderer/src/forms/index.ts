/** PDF rendering of forms 01–07 (docs/FORMS.md); the content comes from src-shared/domain/forms. */
export { renderFormPdf, type RenderFormOptions } from './render-form';
export type { FormFonts, Reprint } from './document';
export { qrMatrix } from './qr';
