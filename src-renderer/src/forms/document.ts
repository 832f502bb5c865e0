import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { shortDateTime } from '../../../src-shared/domain/forms';
import { decoratePages } from './blocks';
import { evenGlyphs } from './even-glyphs';
import { PageFlow, type Paper } from './page-flow';

/**
 * Noto Sans, regular and bold, as bytes: the browser fetches them from the app's assets and tests read them
 * from disk, so this code never touches a file system.
 */
export type FormFonts = { readonly regular: Uint8Array; readonly bold: Uint8Array };

export type FormDocumentMeta = {
  readonly title: string;
  /** The record code (or the log book's period). */
  readonly subject: string;
  readonly author: string;
  readonly keywords: readonly string[];
  readonly formLabel: string;
  /** The PDF's creation date: the date of the form, or of this reprint. */
  readonly date: number;
};

export type Reprint = { readonly printedAt?: number };

export async function openFormDocument(fonts: FormFonts, paper: Paper): Promise<{ readonly doc: PDFDocument; readonly flow: PageFlow }> {
  // No automatic metadata: pdf-lib would stamp the host's clock, and the same form must give the same bytes.
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  // Subsets keep a form at ~50 kB instead of ~650 kB with both fonts whole; `evenGlyphs` works around the
  // subsetter's bug that otherwise draws garbage. Without `ccmp` the precomposed Vietnamese letters keep their
  // own glyphs: Noto Sans's ccmp splits ị, ọ, ụ… into a base letter and a dot below, which pdf-lib (ignoring mark
  // positioning, and mapping each glyph to one character for copy and search) would extract as "Ngoc" or "địện".
  // fontkit fills the features object in, so each font gets its own.
  const regular = await doc.embedFont(evenGlyphs(fonts.regular), { subset: true, features: { ccmp: false } });
  const bold = await doc.embedFont(evenGlyphs(fonts.bold), { subset: true, features: { ccmp: false } });
  return { doc, flow: new PageFlow(doc, { regular, bold }, paper) };
}

export function reprintNote(reprint: Reprint | undefined): string | undefined {
  if (reprint === undefined) return undefined;
  return reprint.printedAt === undefined ? 'BẢN IN LẠI' : `BẢN IN LẠI (in lúc ${shortDateTime(reprint.printedAt)})`;
}

export async function closeFormDocument(doc: PDFDocument, flow: PageFlow, meta: FormDocumentMeta, reprint: Reprint | undefined): Promise<Uint8Array> {
  decoratePages(flow, meta.formLabel, reprintNote(reprint));
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setSubject(meta.subject);
  doc.setAuthor(meta.author);
  doc.setKeywords([...meta.keywords]);
  doc.setCreator('MotCua');
  doc.setProducer('MotCua forms (pdf-lib)');
  doc.setLanguage('vi-VN');
  doc.setCreationDate(new Date(meta.date));
  doc.setModificationDate(new Date(meta.date));
  return doc.save();
}
