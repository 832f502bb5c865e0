import type { Table } from 'dexie';
import { nextMutationId } from './sequences';
import type { MotCuaDb, OutboxMutation, OutboxRow, SettingRow } from './schema';

/**
 * The transactional outbox (SYNC.md): every local change writes its pending mutation in the same transaction.
 * Mutation ids are gap-free and increasing per kiosk, which the sync server relies on to detect duplicates
 * (id ≤ last) and lost mutations (id > last + 1).
 */
export async function appendToOutbox(
  outbox: Table<OutboxRow, number>,
  settings: Table<SettingRow, string>,
  mutation: OutboxMutation,
  createdAt: number,
): Promise<OutboxRow> {
  const row: OutboxRow = { ...mutation, mutationId: await nextMutationId(settings), createdAt };
  await outbox.add(row);
  return row;
}

/** The oldest pending mutations, for the sync client to push in order. */
export function pendingMutations(db: MotCuaDb, limit: number): Promise<OutboxRow[]> {
  return db.outbox.orderBy('mutationId').limit(limit).toArray();
}

/** Drops mutations the server has durably committed; the counter in settings keeps going. */
export async function acknowledgeMutations(db: MotCuaDb, lastMutationId: number): Promise<number> {
  return db.outbox.where('mutationId').belowOrEqual(lastMutationId).delete();
}
