import { PDFDocument } from 'pdf-lib';

/**
 * The citizen's copy: their kept documents' PDFs, one after the other, in one file a phone can open. Each part is
 * the PDF/A the scanner made (with its OCR text layer); the whole is a plain PDF, not claimed to be PDF/A.
 */
export async function mergeDocumentCopy(parts: readonly Uint8Array[], at: Date): Promise<Uint8Array> {
  const copy = await PDFDocument.create();
  copy.setTitle('Bản sao giấy tờ đã số hoá / Copy of digitized documents');
  copy.setProducer('MotCua');
  copy.setCreationDate(at);
  for (const part of parts) {
    const source = await PDFDocument.load(part);
    const pages = await copy.copyPages(source, source.getPageIndices());
    for (const page of pages) copy.addPage(page);
  }
  return copy.save();
}
