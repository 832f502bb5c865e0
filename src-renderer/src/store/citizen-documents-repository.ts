import { keptDocumentSchema, type KeptDocument } from '../../../src-shared/domain/citizens/kept-document';
import { parseWith } from '../../../src-shared/domain/records';
import { err, failure, FailureError, ok, type Failure, type Result } from '../../../src-shared/result';
import { toFailure } from './failures';
import { appendToOutbox } from './outbox';
import type { MotCuaDb } from './schema';

const pdfMissing = (name: string): Failure =>
  failure('store.kept-document-without-pdf', `Không tìm thấy bản quét của "${name}" trên máy; xin quét lại.`, `The scan of "${name}" is not on this kiosk; please scan it again.`);

/**
 * The citizen's explicit "keep for the officer": every document and its outbox row in one transaction, so the
 * documents are either kept and on their way to the Center's server, or not kept at all. A document whose PDF is
 * not in the pages table is refused (its upload could never happen).
 */
export async function keepDocuments(db: MotCuaDb, documents: readonly KeptDocument[]): Promise<Result<readonly KeptDocument[], Failure>> {
  const parsed: KeptDocument[] = [];
  for (const document of documents) {
    const checked = parseWith(keptDocumentSchema, document);
    if (!checked.ok) return checked;
    parsed.push(checked.value);
  }
  try {
    await db.transaction('rw', [db.citizenDocuments, db.pages, db.outbox, db.settings], async () => {
      for (const document of parsed) {
        if ((await db.pages.where('hash').equals(document.hash).count()) === 0) throw new FailureError(pdfMissing(document.documentName));
        await db.citizenDocuments.add(document);
        await appendToOutbox(db.outbox, db.settings, { kind: 'citizen-documents.keep', entity: 'citizen-document', entityId: document.id, payload: { document } }, document.keptAt);
      }
    });
    return ok(parsed);
  } catch (error) {
    return err(toFailure(error, 'write'));
  }
}

/**
 * Drops scans the citizen did not keep (retaken, skipped after scanning, "don't keep", or the session ended): a
 * public machine keeps nothing of a citizen they did not choose to keep. A hash a kept document names stays. No
 * record can name these pages: each scan is a new PDF (its own document UUID), so its hash is new.
 */
export async function discardScans(db: MotCuaDb, hashes: readonly string[]): Promise<Result<number, Failure>> {
  if (hashes.length === 0) return ok(0);
  try {
    return ok(
      await db.transaction('rw', [db.citizenDocuments, db.pages], async () => {
        const kept = new Set((await db.citizenDocuments.where('hash').anyOf([...hashes]).toArray()).map((d) => d.hash));
        const drop = [...new Set(hashes)].filter((h) => !kept.has(h));
        await db.pages.bulkDelete(drop);
        return drop.length;
      }),
    );
  } catch (error) {
    return err(toFailure(error, 'write'));
  }
}

/** The citizen's documents held on this kiosk, kept at or after `since`, newest first. */
export async function keptDocumentsOf(db: MotCuaDb, citizenId: string, since: number): Promise<Result<KeptDocument[], Failure>> {
  try {
    const rows = await db.citizenDocuments.where('[citizenId+keptAt]').between([citizenId, since], [citizenId, Number.MAX_SAFE_INTEGER], true, true).reverse().toArray();
    return ok(rows);
  } catch (error) {
    return err(toFailure(error, 'read'));
  }
}

/**
 * Documents the counter fetched from the Center's server, remembered so a reload finds them without the network.
 * They were kept elsewhere: no outbox row (the server has them already).
 */
export async function rememberFetchedDocuments(db: MotCuaDb, documents: readonly KeptDocument[]): Promise<Result<number, Failure>> {
  try {
    await db.citizenDocuments.bulkPut([...documents]);
    return ok(documents.length);
  } catch (error) {
    return err(toFailure(error, 'write'));
  }
}

/**
 * At a self-service point only: forgets what the Center's server already holds and anything a lost session left
 * behind (a reload mid-scan skips the session's own clean-up). A kept document whose outbox row is acknowledged
 * and whose PDF is uploaded is dropped with its PDF; a page no kept document names is dropped. The counter never
 * calls this: its pages belong to records.
 */
export async function tidySelfServicePoint(db: MotCuaDb): Promise<Result<{ readonly documents: number; readonly pages: number }, Failure>> {
  try {
    return ok(
      await db.transaction('rw', [db.citizenDocuments, db.pages, db.outbox, db.syncUploads], async () => {
        const pendingIds = new Set<string>();
        await db.outbox.each((row) => {
          if (row.kind === 'citizen-documents.keep') pendingIds.add(row.entityId);
        });
        const uploading = new Set(await db.syncUploads.toCollection().primaryKeys());
        const documents = await db.citizenDocuments.toArray();
        const sent = documents.filter((d) => !pendingIds.has(d.id) && !uploading.has(d.hash));
        await db.citizenDocuments.bulkDelete(sent.map((d) => d.id));
        const stillNamed = new Set(documents.filter((d) => !sent.includes(d)).map((d) => d.hash));
        const orphans = (await db.pages.toCollection().primaryKeys()).filter((hash) => !stillNamed.has(hash));
        await db.pages.bulkDelete(orphans);
        return { documents: sent.length, pages: orphans.length };
      }),
    );
  } catch (error) {
    return err(toFailure(error, 'write'));
  }
}
