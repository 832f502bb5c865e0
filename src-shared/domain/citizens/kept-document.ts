import { z } from 'zod';
import { searchKey } from '../../text';
import { contentHashSchema, localIdSchema } from '../records/record';
import { unitIdSchema } from '../records/record-code';

/**
 * A document a citizen digitized at the self-service point and chose to keep for the counter ("Lưu để cán bộ
 * dùng"): the searchable PDF/A made by the same scanning code as the counter's, bound to the citizen's ID number.
 * The PDF itself travels by content hash (pages table on the kiosk, blobs on the sync server); this is what the
 * counter needs to attach it to a new file as if it had been scanned there.
 */
const text = (max: number) => z.string().trim().normalize('NFC').min(1).max(max);

/** The 12-digit citizen ID number (căn cước): the only key a kept document is found by. */
export const citizenIdNumberSchema = z.string().regex(/^\d{12}$/);

export const keptDocumentIssueSchema = z.object({
  severity: z.enum(['error', 'warning']),
  message: z.string().max(500),
  messageEn: z.string().max(500),
});

/** The page previews the kiosk shows (the scanner's 160 px JPEG thumbnails), so the counter sees the same cell. */
const thumbnailSchema = z.string().startsWith('data:image/jpeg;base64,').max(64_000);

export const keptDocumentSchema = z.object({
  id: localIdSchema,
  citizenId: citizenIdNumberSchema,
  unitId: unitIdSchema,
  procedure: z.object({
    /** The catalogue version's key at the kiosk (`procedureKey`), to find the same procedure again. */
    key: z.string().min(1).max(200),
    code: z.string().regex(/^\d+\.\d{6}(?:\.[A-Z0-9]+)*$/),
    name: text(500),
  }),
  /** The required document's name as the catalogue lists it: how the counter matches it to its checklist. */
  documentName: text(300),
  hash: contentHashSchema,
  pageCount: z.int().min(1).max(500),
  bytes: z.int().min(1),
  droppedPages: z.int().min(0).max(500),
  thumbnails: z.array(thumbnailSchema).max(30),
  issues: z.array(keptDocumentIssueSchema).max(50),
  keptAt: z.int().min(0),
});
export type KeptDocument = z.infer<typeof keptDocumentSchema>;

/** How long the counter looks back for a citizen's kept documents (the Center's server answers the same window). */
export const keptDocumentLookbackMs = 30 * 24 * 60 * 60 * 1000;

/** Two names of one document compare equal whatever the tone placement, case or spacing ("Hoà"/"Hòa"). */
export const documentNameKey = (name: string): string => searchKey(name);

/**
 * Which kept documents fill which checklist rows: by document name, the newest kept one per row. A row that
 * matches nothing stays empty; a kept document that matches no row is not attached.
 */
export function matchKeptDocuments<R extends { readonly id: string; readonly name: string }>(
  rows: readonly R[],
  kept: readonly KeptDocument[],
): ReadonlyMap<string, KeptDocument> {
  const newest = new Map<string, KeptDocument>();
  for (const doc of kept) {
    const key = documentNameKey(doc.documentName);
    const held = newest.get(key);
    if (held === undefined || held.keptAt < doc.keptAt) newest.set(key, doc);
  }
  const matched = new Map<string, KeptDocument>();
  for (const row of rows) {
    const doc = newest.get(documentNameKey(row.name));
    if (doc !== undefined) matched.set(row.id, doc);
  }
  return matched;
}
