import type { AdministrativeRecord } from '../../../src-shared/domain/records';
import { checkpointSchema, type Checkpoint, type MutationResult, type PushedMutation } from '../../../src-shared/sync/protocol';
import { partitionDigest, type PartitionEntry } from '../../../src-shared/sync/partition-digest';
import type { SyncStorePort } from '../../../src-shared/sync/store-port';
import { err, ok, type Failure, type Result } from '../../../src-shared/result';
import { dailyCountDelta } from '../store/daily-counts';
import { applyDailyCountDelta } from '../store/daily-counts-table';
import { toFailure } from '../store/failures';
import { citizenRowsOf, fromRecordRow, toDocumentRows, toEventRow, toRecordRow } from '../store/record-rows';
import type { MotCuaDb, OutboxRow } from '../store/schema';

/** Settings keys of sync (the `settings` table is the store's key/value place: no table needed for these). */
export const syncSettingKeys = {
  checkpoint: 'sync.checkpoint',
  failedMutations: 'sync.failedMutations',
} as const;

/** What the technician sees of mutations the server refused for good (codes and ids only, no personal data). */
export type FailedMutationNote = { readonly mutationId: number; readonly code: string; readonly message: string; readonly messageEn: string; readonly at: number };

const keepFailed = 100;

function toPushed(row: OutboxRow): PushedMutation {
  return { mutationId: row.mutationId, kind: row.kind, entityId: row.entityId, payload: row.payload, createdAt: row.createdAt };
}

async function guarded<T>(kind: 'read' | 'write', body: () => Promise<T>): Promise<Result<T, Failure>> {
  try {
    return ok(await body());
  } catch (error) {
    return err(toFailure(error, kind));
  }
}

/**
 * The engine's store port over the kiosk's Dexie tables. Each method is one IndexedDB transaction:
 * - acknowledge: drops outbox rows ≤ the server's last id and queues their records' (and kept documents') pages
 *   for upload, together;
 * - applyPulled: writes the pulled records with their history, documents, daily counts (and citizens when new
 *   here) AND the checkpoint, together; a record with a pending outbox row is skipped (its push gives it a new
 *   revision, and a later pull brings the server's version back).
 */
export function createDexieSyncStore(db: MotCuaDb, now: () => number = Date.now): SyncStorePort {
  return {
    pendingMutations: (limit) => guarded('read', async () => (await db.outbox.orderBy('mutationId').limit(limit).toArray()).map(toPushed)),

    pendingSummary: () =>
      guarded('read', async () => {
        const [count, oldest] = await db.transaction('r', db.outbox, () => Promise.all([db.outbox.count(), db.outbox.orderBy('mutationId').first()]));
        return { count, oldestCreatedAt: oldest?.createdAt ?? null };
      }),

    acknowledge: (lastMutationId: number, failed: readonly MutationResult[]) =>
      guarded('write', () =>
        db.transaction('rw', [db.outbox, db.syncUploads, db.settings], async () => {
          const acked = db.outbox.where('mutationId').belowOrEqual(lastMutationId);
          const hashes = new Set<string>();
          await acked.each((row) => {
            if (row.kind === 'citizen-documents.keep') hashes.add(row.payload.document.hash);
            if (row.kind !== 'record.receive') return;
            for (const d of row.payload.record.documents) for (const h of d.pageHashes) hashes.add(h);
          });
          const at = now();
          if (hashes.size > 0) await db.syncUploads.bulkPut([...hashes].map((hash) => ({ hash, queuedAt: at })));
          await acked.delete();
          if (failed.length > 0) {
            const previous = await db.settings.get(syncSettingKeys.failedMutations);
            const list: FailedMutationNote[] = Array.isArray(previous?.value) ? (previous.value as FailedMutationNote[]) : [];
            const added = failed.map((f) => ({ mutationId: f.mutationId, code: f.error?.code ?? '', message: f.error?.message ?? '', messageEn: f.error?.messageEn ?? '', at }));
            await db.settings.put({ key: syncSettingKeys.failedMutations, value: [...list, ...added].slice(-keepFailed) });
          }
        }),
      ),

    checkpoint: () =>
      guarded('read', async () => {
        const row = await db.settings.get(syncSettingKeys.checkpoint);
        const parsed = checkpointSchema.safeParse(row?.value);
        return parsed.success ? parsed.data : null;
      }),

    applyPulled: (records: readonly AdministrativeRecord[], next: Checkpoint) =>
      guarded('write', () =>
        db.transaction('rw', [db.records, db.recordEvents, db.documents, db.citizens, db.dailyCounts, db.outbox, db.settings], async () => {
          const pending = new Set<string>();
          await db.outbox.each((row) => {
            pending.add(row.entityId);
          });
          const wanted = records.filter((r) => !pending.has(r.id));
          const before = new Map((await db.records.bulkGet(wanted.map((r) => r.id))).flatMap((row) => (row === undefined ? [] : [[row.id, fromRecordRow(row)] as const])));
          await db.records.bulkPut(wanted.map(toRecordRow));
          await db.recordEvents.bulkPut(wanted.flatMap((r) => r.history.map((e) => toEventRow(r.id, e))));
          await db.documents.bulkPut(wanted.flatMap(toDocumentRows));
          const fresh = wanted.filter((r) => !before.has(r.id));
          if (fresh.length > 0) await db.citizens.bulkPut(fresh.flatMap((r) => citizenRowsOf(r, r.updatedAt)));
          for (const r of wanted) await applyDailyCountDelta(db.dailyCounts, dailyCountDelta(before.get(r.id), r));
          await db.settings.put({ key: syncSettingKeys.checkpoint, value: next });
          return { applied: wanted.length, skipped: records.length - wanted.length };
        }),
      ),

    resetCheckpoint: () => guarded('write', () => db.settings.delete(syncSettingKeys.checkpoint)),

    attachmentsToUpload: (limit) => guarded('read', async () => db.syncUploads.limit(limit).primaryKeys()),

    readAttachment: (hash) =>
      guarded('read', async () => {
        const row = await db.pages.get(hash);
        return row === undefined ? null : new Uint8Array(await row.blob.arrayBuffer());
      }),

    attachmentUploaded: (hash) => guarded('write', () => db.syncUploads.delete(hash)),

    partitionChecksum: (unitId) =>
      guarded('read', async () => {
        const held: PartitionEntry[] = [];
        let sumRev = 0;
        await db.records.each((row) => {
          if (row.unitId !== unitId || row.rev === 0) return;
          held.push({ id: row.id, rev: row.rev });
          sumRev += row.rev;
        });
        return { count: held.length, sumRev, digest: partitionDigest(held) };
      }),
  };
}

/** The refusals the server reported, newest last, for the technician panel. */
export async function failedMutations(db: MotCuaDb): Promise<readonly FailedMutationNote[]> {
  const row = await db.settings.get(syncSettingKeys.failedMutations);
  return Array.isArray(row?.value) ? (row.value as FailedMutationNote[]) : [];
}
