import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { mondayMorning, sampleOfficer, sampleReceipt } from '../../../src-shared/domain/records/fixtures.testing';
import { putPage } from '../store/pages-repository';
import { openOrThrow, testDeps, uniqueDbName } from '../store/fixtures.testing';
import { createRecordsRepository } from '../store/records-repository';
import { partitionDigest } from '../../../src-shared/sync/partition-digest';
import { createDexieSyncStore, failedMutations } from './dexie-sync-store';

async function kiosk() {
  const db = await openOrThrow(uniqueDbName());
  const clock = testDeps(mondayMorning, 2);
  return { db, repo: createRecordsRepository(db, clock), port: createDexieSyncStore(db, clock.now), clock };
}

const unwrap = <T>(r: { ok: true; value: T } | { ok: false; error: { messageEn: string } }): T => {
  if (!r.ok) throw new Error(r.error.messageEn);
  return r.value;
};

describe('the Dexie store port', () => {
  it('hands out the outbox in order as protocol mutations and summarizes it', async () => {
    const { repo, port } = await kiosk();
    const a = unwrap(await repo.receiveRecord({ ...sampleReceipt(), officer: sampleOfficer }));
    unwrap(await repo.transitionRecord(a.id, { to: 4, actor: sampleOfficer }));
    const pending = unwrap(await port.pendingMutations(10));
    expect(pending.map((m) => [m.mutationId, m.kind, m.entityId])).toEqual([
      [1, 'record.receive', a.id],
      [2, 'record.transition', a.id],
    ]);
    expect(Object.keys(pending[0] ?? {}).sort()).toEqual(['createdAt', 'entityId', 'kind', 'mutationId', 'payload']);
    expect(unwrap(await port.pendingSummary())).toEqual({ count: 2, oldestCreatedAt: mondayMorning });
  });

  it('drops acknowledged rows, queues their pages for upload and keeps the refusals, in one transaction', async () => {
    const { db, repo, port } = await kiosk();
    const page = unwrap(await putPage(db, new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' })));
    const receipt = sampleReceipt({ documents: [{ name: 'Tờ khai', original: 1, certifiedCopy: 0, photocopy: 0, pageHashes: [page.hash] }] });
    const a = unwrap(await repo.receiveRecord({ ...receipt, officer: sampleOfficer }));
    unwrap(await repo.transitionRecord(a.id, { to: 4, actor: sampleOfficer }));
    unwrap(await port.acknowledge(1, []));
    expect((await db.outbox.toArray()).map((r) => r.mutationId)).toEqual([2]);
    expect(unwrap(await port.attachmentsToUpload(10))).toEqual([page.hash]);
    expect(unwrap(await port.readAttachment(page.hash))).toEqual(new Uint8Array([1, 2, 3]));
    unwrap(await port.acknowledge(2, [{ mutationId: 2, status: 'failed', error: { code: 'sync.lost-update', message: 'vi', messageEn: 'en' } }]));
    expect(await db.outbox.count()).toBe(0);
    expect((await failedMutations(db)).map((f) => [f.mutationId, f.code])).toEqual([[2, 'sync.lost-update']]);
    unwrap(await port.attachmentUploaded(page.hash));
    expect(unwrap(await port.attachmentsToUpload(10))).toEqual([]);
    // A new mutation id continues after the acknowledged ones: the counter lives in settings, not in the rows.
    unwrap(await repo.transitionRecord(a.id, { to: 9, actor: sampleOfficer }));
    expect(unwrap(await port.pendingMutations(10)).map((m) => m.mutationId)).toEqual([3]);
  });

  it('applies a pulled page with its checkpoint, skipping records that still have pending changes', async () => {
    const { db, repo, port } = await kiosk();
    const mine = unwrap(await repo.receiveRecord({ ...sampleReceipt(), officer: sampleOfficer }));
    const other = await kiosk();
    const theirs = unwrap(await other.repo.receiveRecord({ ...sampleReceipt(), officer: sampleOfficer }));
    const serverMine = { ...mine, status: 4 as const, version: 2, rev: 5 };
    const result = unwrap(await port.applyPulled([serverMine, { ...theirs, id: '01900000-0000-7000-8000-00000000abcd', code: `${theirs.code}-x`, rev: 6 }], { epoch: 'e1', rev: 6 }));
    expect(result).toEqual({ applied: 1, skipped: 1 });
    expect((await db.records.get(mine.id))?.status).toBe(2);
    expect((await db.records.get('01900000-0000-7000-8000-00000000abcd'))?.rev).toBe(6);
    expect(unwrap(await port.checkpoint())).toEqual({ epoch: 'e1', rev: 6 });
    // The pulled record counts in the daily aggregates exactly as a rebuild would count it.
    const incremental = await db.dailyCounts.toArray();
    unwrap(await repo.repairDailyCounts());
    expect(await db.dailyCounts.toArray()).toEqual(incremental);
    if (port.partitionChecksum === undefined) throw new Error("checksum");
    expect(unwrap(await port.partitionChecksum(mine.unitId))).toEqual({ count: 1, sumRev: 6, digest: partitionDigest([{ id: '01900000-0000-7000-8000-00000000abcd', rev: 6 }]) });
    unwrap(await port.resetCheckpoint('e2'));
    expect(unwrap(await port.checkpoint())).toBeNull();
  });

  it('writes nothing, not even the checkpoint, when the apply transaction fails', async () => {
    const { db, port } = await kiosk();
    const broken = { id: 'not-a-uuid', history: [] } as unknown as Parameters<typeof port.applyPulled>[0][number];
    const result = await port.applyPulled([broken], { epoch: 'e1', rev: 9 });
    expect(result.ok).toBe(false);
    expect(unwrap(await port.checkpoint())).toBeNull();
    expect(await db.records.count()).toBe(0);
  });
});
