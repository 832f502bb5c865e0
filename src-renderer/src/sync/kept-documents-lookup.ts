import { keptDocumentLookbackMs, matchKeptDocuments, type KeptDocument } from '../../../src-shared/domain/citizens/kept-document';
import { createLogger } from '../../../src-shared/log';
import type { CitizenDocumentsClient } from '../../../src-shared/sync/citizen-documents-client';
import type { DocumentScan } from '../app/scan-document';
import { keptDocumentsOf, rememberFetchedDocuments } from '../store/citizen-documents-repository';
import { getPage, putPage } from '../store/pages-repository';
import type { MotCuaDb } from '../store/schema';

const log = createLogger('renderer/kept-documents');

/** The counter's draft cell for a document digitized at the self-service point: as if scanned here, marked. */
export const scanOfKept = (doc: KeptDocument): DocumentScan => ({
  hash: doc.hash,
  pageCount: doc.pageCount,
  bytes: doc.bytes,
  thumbnails: doc.thumbnails,
  droppedPages: doc.droppedPages,
  issues: doc.issues,
  origin: 'self-service',
});

/** The citizen's recent kept documents: this kiosk's copy first, then the Center's server (remembered here). */
async function keptDocuments(db: MotCuaDb, client: CitizenDocumentsClient | null, citizenId: string, now: number): Promise<KeptDocument[]> {
  const found = new Map<string, KeptDocument>();
  const local = await keptDocumentsOf(db, citizenId, now - keptDocumentLookbackMs);
  if (local.ok) for (const doc of local.value) found.set(doc.id, doc);
  const remote = client === null ? null : await client.keptBy(citizenId);
  if (remote?.ok) {
    for (const doc of remote.value) found.set(doc.id, doc);
    if (remote.value.length > 0) await rememberFetchedDocuments(db, remote.value);
  } else if (remote !== null) log.warn('kept documents not looked up on the server', { code: remote.error.code });
  return [...found.values()];
}

/** The PDF is in the local pages table, or is fetched now and stored only if its SHA-256 is the one asked for. */
async function pdfHere(db: MotCuaDb, client: CitizenDocumentsClient | null, hash: string): Promise<boolean> {
  const held = await getPage(db, hash);
  if (held.ok && held.value !== null) return true;
  const downloaded = client === null ? null : await client.download(hash);
  if (downloaded === null || !downloaded.ok) {
    if (downloaded !== null) log.warn('kept document not downloaded', { code: downloaded.error.code });
    return false;
  }
  const stored = await putPage(db, new Blob([new Uint8Array(downloaded.value)], { type: 'application/pdf' }));
  if (stored.ok && stored.value.hash !== hash) {
    log.warn('kept document hash mismatch');
    return false;
  }
  return stored.ok;
}

/**
 * What to attach to the counter's checklist for this citizen: for each row (by document name) the newest kept
 * document whose PDF is here or could be fetched and verified. Anything that fails is simply not attached — the
 * counter never waits on this.
 */
export async function keptScansFor(
  db: MotCuaDb,
  client: CitizenDocumentsClient | null,
  citizenId: string,
  rows: readonly { readonly id: string; readonly name: string }[],
  now: number,
): Promise<ReadonlyMap<string, DocumentScan>> {
  const attached = new Map<string, DocumentScan>();
  try {
    const matched = matchKeptDocuments(rows, await keptDocuments(db, client, citizenId, now));
    for (const [rowId, doc] of matched) if (await pdfHere(db, client, doc.hash)) attached.set(rowId, scanOfKept(doc));
  } catch (error) {
    log.warn('kept documents lookup failed', { error: error instanceof Error ? error.name : 'unknown' });
  }
  return attached;
}
