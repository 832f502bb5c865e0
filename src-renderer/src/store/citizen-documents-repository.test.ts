import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { sampleCitizenId, sampleKeptDocument } from '../../../src-shared/domain/citizens/fixtures.testing';
import { day, mondayMorning } from '../../../src-shared/domain/records/fixtures.testing';
import { discardScans, keepDocuments, keptDocumentsOf, rememberFetchedDocuments, tidySelfServicePoint } from './citizen-documents-repository';
import { openOrThrow, uniqueDbName } from './fixtures.testing';
import { putPage } from './pages-repository';
import type { MotCuaDb } from './schema';

async function scanned(db: MotCuaDb, content: string): Promise<string> {
  const stored = await putPage(db, new Blob([content], { type: 'application/pdf' }));
  if (!stored.ok) throw new Error(stored.error.messageEn);
  return stored.value.hash;
}

describe('the citizens’ kept documents in the local store', () => {
  it('keeps each document with its outbox row in one transaction, in order', async () => {
    const db = await openOrThrow(uniqueDbName());
    const first = sampleKeptDocument({ id: 'doc-1', hash: await scanned(db, 'giấy chứng sinh') });
    const second = sampleKeptDocument({ id: 'doc-2', hash: await scanned(db, 'tờ khai'), documentName: 'Tờ khai', keptAt: mondayMorning + 1 });

    expect(await keepDocuments(db, [first, second])).toEqual({ ok: true, value: [first, second] });
    expect(await db.citizenDocuments.toArray()).toEqual([first, second]);
    const outbox = await db.outbox.orderBy('mutationId').toArray();
    expect(outbox.map((r) => [r.mutationId, r.kind, r.entity, r.entityId])).toEqual([
      [1, 'citizen-documents.keep', 'citizen-document', 'doc-1'],
      [2, 'citizen-documents.keep', 'citizen-document', 'doc-2'],
    ]);
    expect(outbox[1]?.payload).toEqual({ document: second });
  });

  it('keeps nothing when one document is invalid, has no PDF here, or was kept already', async () => {
    const db = await openOrThrow(uniqueDbName());
    const good = sampleKeptDocument({ id: 'doc-1', hash: await scanned(db, 'a') });
    const invalid = await keepDocuments(db, [good, { ...sampleKeptDocument({ id: 'doc-2' }), citizenId: '123' }]);
    expect(!invalid.ok && invalid.error.code).toBe('records.invalid-input');
    const noPdf = await keepDocuments(db, [good, sampleKeptDocument({ id: 'doc-3', hash: 'f'.repeat(64), documentName: 'Tờ khai' })]);
    expect(noPdf).toMatchObject({ ok: false, error: { code: 'store.kept-document-without-pdf', message: expect.stringContaining('Tờ khai'), messageEn: expect.stringContaining('scan it again') } });
    expect([await db.citizenDocuments.count(), await db.outbox.count()]).toEqual([0, 0]);

    expect((await keepDocuments(db, [good])).ok).toBe(true);
    expect((await keepDocuments(db, [good])).ok).toBe(false);
    expect([await db.citizenDocuments.count(), await db.outbox.count()]).toEqual([1, 1]);
  });

  it('drops the scans the citizen did not keep, never a kept one', async () => {
    const db = await openOrThrow(uniqueDbName());
    const kept = await scanned(db, 'kept');
    const retaken = await scanned(db, 'retaken');
    const refused = await scanned(db, 'refused');
    expect((await keepDocuments(db, [sampleKeptDocument({ hash: kept })])).ok).toBe(true);

    expect(await discardScans(db, [kept, retaken, refused, refused])).toEqual({ ok: true, value: 2 });
    expect((await db.pages.toArray()).map((p) => p.hash)).toEqual([kept]);
    expect(await discardScans(db, [])).toEqual({ ok: true, value: 0 });
  });

  it('finds a citizen’s documents since a time, newest first, including those fetched from the Center', async () => {
    const db = await openOrThrow(uniqueDbName());
    const old = sampleKeptDocument({ id: 'old', hash: await scanned(db, 'old'), keptAt: mondayMorning - 40 * day });
    const mine = sampleKeptDocument({ id: 'mine', hash: await scanned(db, 'mine'), keptAt: mondayMorning });
    const fetched = sampleKeptDocument({ id: 'fetched', hash: 'c'.repeat(64), keptAt: mondayMorning + day });
    const someoneElse = sampleKeptDocument({ id: 'else', citizenId: '001099099999', hash: 'd'.repeat(64) });
    expect((await keepDocuments(db, [old, mine])).ok).toBe(true);
    expect(await rememberFetchedDocuments(db, [fetched, someoneElse, fetched])).toEqual({ ok: true, value: 3 });
    expect(await db.outbox.count()).toBe(2);

    const found = await keptDocumentsOf(db, sampleCitizenId, mondayMorning - 30 * day);
    expect(found.ok && found.value.map((d) => d.id)).toEqual(['fetched', 'mine']);
  });
});

describe('tidying a self-service point', () => {
  it('forgets documents the server holds (acknowledged and uploaded) and pages no kept document names', async () => {
    const db = await openOrThrow(uniqueDbName());
    const sent = sampleKeptDocument({ id: 'sent', hash: await scanned(db, 'sent') });
    const uploading = sampleKeptDocument({ id: 'uploading', hash: await scanned(db, 'uploading') });
    const queued = sampleKeptDocument({ id: 'queued', hash: await scanned(db, 'queued') });
    await scanned(db, 'a scan from a session cut short');
    expect((await keepDocuments(db, [sent, uploading, queued])).ok).toBe(true);
    // The server acknowledged the first two; the first one's PDF is uploaded, the second's still queued.
    await db.outbox.where('mutationId').belowOrEqual(2).delete();
    await db.syncUploads.put({ hash: uploading.hash, queuedAt: 1 });

    expect(await tidySelfServicePoint(db)).toEqual({ ok: true, value: { documents: 1, pages: 2 } });
    expect((await db.citizenDocuments.toArray()).map((d) => d.id).sort()).toEqual(['queued', 'uploading']);
    expect((await db.pages.toCollection().primaryKeys()).sort()).toEqual([uploading.hash, queued.hash].sort());
  });
});
