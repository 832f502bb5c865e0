import 'fake-indexeddb/auto';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { sampleKeptDocument } from '../src-shared/domain/citizens/fixtures.testing';
import { createCitizenDocumentsClient } from '../src-shared/sync/citizen-documents-client';
import { keepDocuments, tidySelfServicePoint } from '../src-renderer/src/store/citizen-documents-repository';
import { putPage } from '../src-renderer/src/store/pages-repository';
import { keptScansFor } from '../src-renderer/src/sync/kept-documents-lookup';
import { injectTransport, nextUnit, useHarness } from '../sync-server/harness.testing';
import { dexieKiosk } from './support/dexie-kiosk';

async function pdfOf(pages: number, title: string): Promise<Blob> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  for (let i = 0; i < pages; i++) pdf.addPage([595, 842]);
  return new Blob([new Uint8Array(await pdf.save())], { type: 'application/pdf' });
}

/**
 * The hand-over without a browser: a self-service point and a counter, each its real Dexie store, the real engine
 * and the real server (PGlite in memory). The citizen keeps two documents at the point; the counter receiving
 * their file finds them, fetches and verifies the PDFs, and attaches them to the matching checklist rows.
 */
describe('documents digitized at a self-service point, found at a counter', () => {
  const h = useHarness('pglite');

  it('keeps two documents at the point, and the counter attaches both with their PDFs fetched and verified', async () => {
    const unit = nextUnit();
    const point = await dexieKiosk(h, unit, 'self-service-1');
    const counter = await dexieKiosk(h, unit, 'counter-1');
    const client = (kiosk: typeof counter) => createCitizenDocumentsClient(injectTransport(() => h.app), () => ({ baseUrl: 'http://sync', token: kiosk.enrolled.token, unitId: unit }));

    const declaration = await putPage(point.db, await pdfOf(2, 'Tờ khai'));
    const certificate = await putPage(point.db, await pdfOf(1, 'Giấy xác nhận'));
    if (!declaration.ok || !certificate.ok) throw new Error('pages');
    const kept = [
      sampleKeptDocument({ id: 'kept-1', unitId: unit, documentName: 'Tờ khai đăng ký kết hôn theo mẫu', hash: declaration.value.hash, pageCount: 2, bytes: declaration.value.size }),
      sampleKeptDocument({ id: 'kept-2', unitId: unit, documentName: 'Giấy xác nhận tình trạng hôn nhân', hash: certificate.value.hash, bytes: certificate.value.size }),
    ];
    expect((await keepDocuments(point.db, kept)).ok).toBe(true);

    // Before the point has synced, the counter finds nothing (and is not held up).
    const rows = [
      { id: 'to-khai', name: 'Tờ khai đăng ký kết hôn theo mẫu' },
      { id: 'xac-nhan', name: 'Giấy xác nhận tình trạng hôn nhân' },
      { id: 'other', name: 'Giấy tờ khác' },
    ];
    expect((await keptScansFor(counter.db, client(counter), kept[0]?.citizenId ?? '', rows, point.deps.now())).size).toBe(0);

    const round = await point.engine.syncOnce();
    expect(round.ok && round.value).toMatchObject({ pushed: 2, uploaded: 2 });
    // The point forgets what the Center now holds.
    expect(await tidySelfServicePoint(point.db)).toEqual({ ok: true, value: { documents: 2, pages: 2 } });
    expect([await point.db.citizenDocuments.count(), await point.db.pages.count()]).toEqual([0, 0]);

    const attached = await keptScansFor(counter.db, client(counter), kept[0]?.citizenId ?? '', rows, point.deps.now());
    expect([...attached.keys()]).toEqual(['to-khai', 'xac-nhan']);
    expect(attached.get('to-khai')).toEqual({ hash: declaration.value.hash, pageCount: 2, bytes: declaration.value.size, thumbnails: kept[0]?.thumbnails, droppedPages: 0, issues: [], origin: 'self-service' });
    const fetched = await counter.db.pages.get(declaration.value.hash);
    expect((await PDFDocument.load(await (fetched?.blob ?? new Blob()).arrayBuffer())).getPageCount()).toBe(2);
    expect(fetched?.type).toBe('application/pdf');

    // Remembered at the counter: found again with the line down.
    const offline = await keptScansFor(counter.db, null, kept[0]?.citizenId ?? '', rows, point.deps.now());
    expect([...offline.keys()]).toEqual(['to-khai', 'xac-nhan']);
    // A counter of another Center sees none of them.
    const elsewhere = await dexieKiosk(h, nextUnit(), 'counter-elsewhere');
    expect((await keptScansFor(elsewhere.db, client(elsewhere), kept[0]?.citizenId ?? '', rows, point.deps.now())).size).toBe(0);
  });
});
