import 'fake-indexeddb/auto';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sampleOfficer, sampleReceipt } from '../src-shared/domain/records/fixtures.testing';
import { putPage } from '../src-renderer/src/store/pages-repository';
import { fromRecordRow } from '../src-renderer/src/store/record-rows';
import { nextUnit, useHarness } from '../sync-server/harness.testing';
import { dexieKiosk } from './support/dexie-kiosk';

/**
 * End to end without a browser: two kiosks' real Dexie stores (fake-indexeddb), the real engine and the real
 * server (PGlite in memory). A file received on one kiosk, with a scanned page, reaches the other; a move made
 * there comes back; the page is on the server, verified.
 */
describe('two Dexie kiosks through the sync server', () => {
  const h = useHarness('pglite');

  const kiosk = (unit: string, name: string) => dexieKiosk(h, unit, name);

  it('carries a receipt, its page and a later move between kiosks and ends with equal records', async () => {
    const unit = nextUnit();
    const a = await kiosk(unit, 'dexie-a');
    const b = await kiosk(unit, 'dexie-b');
    const bytes = new Uint8Array(50_000).map((_, i) => i % 7);
    const page = await putPage(a.db, new Blob([bytes], { type: 'image/png' }));
    if (!page.ok) throw new Error(page.error.messageEn);
    const receipt = sampleReceipt({ documents: [{ name: 'Tờ khai', original: 1, certifiedCopy: 0, photocopy: 0, pageHashes: [page.value.hash] }] });
    const received = await a.repo.receiveRecord({ ...receipt, officer: sampleOfficer });
    if (!received.ok) throw new Error(received.error.messageEn);

    const first = await a.engine.syncOnce();
    expect(first.ok && first.value).toMatchObject({ pushed: 1, uploaded: 1 });
    expect(await a.db.outbox.count()).toBe(0);
    const blob = await h.app.inject({ method: 'GET', url: `/v1/blobs/${page.value.hash}`, headers: { authorization: `Bearer ${h.provinceToken}` } });
    expect(createHash('sha256').update(blob.rawPayload).digest('hex')).toBe(page.value.hash);

    expect((await b.engine.syncOnce()).ok).toBe(true);
    const atB = await b.repo.getRecord(received.value.id);
    expect(atB.ok && atB.value?.code).toBe(received.value.code);
    const moved = await b.repo.transitionRecord(received.value.id, { to: 4, actor: sampleOfficer });
    expect(moved.ok).toBe(true);
    expect((await b.engine.syncOnce()).ok).toBe(true);
    expect((await a.engine.syncOnce()).ok).toBe(true);

    const rowA = await a.db.records.get(received.value.id);
    const rowB = await b.db.records.get(received.value.id);
    expect(rowA && fromRecordRow(rowA)).toEqual(rowB && fromRecordRow(rowB));
    expect(rowA?.status).toBe(4);
    expect((await a.db.recordEvents.where('[recordId+seq]').between([received.value.id, 0], [received.value.id, 99]).toArray()).map((e) => e.to)).toEqual([2, 4]);
    expect(await a.engine.verify()).toEqual({ ok: true, value: true });
    expect(await b.engine.verify()).toEqual({ ok: true, value: true });
  });
});
