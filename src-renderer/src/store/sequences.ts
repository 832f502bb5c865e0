import type { Table } from 'dexie';
import { FailureError } from '../../../src-shared/result';
import {
  codeLeasesSchema,
  codeSequenceStateSchema,
  emptyCodeSequenceState,
  type CodeLease,
  type CodeSequenceState,
} from '../../../src-shared/domain/records';
import { storeFailures } from './errors';
import type { SettingRow } from './schema';

/**
 * Counters kept in `settings`, read and advanced inside the caller's write transaction: if the transaction
 * aborts, the counter does not move, so neither record codes nor mutation ids are ever skipped or reused.
 */
export const settingKeys = {
  recordCodeSequence: 'records.codeSequence',
  lastMutationId: 'outbox.lastMutationId',
  codeLeases: 'records.codeLeases',
} as const;

/** Numbers leased by the Center's server; a missing or unreadable row means none (the slot numbering takes over). */
export async function readCodeLeases(settings: Table<SettingRow, string>): Promise<CodeLease[]> {
  const parsed = codeLeasesSchema.safeParse((await settings.get(settingKeys.codeLeases))?.value);
  return parsed.success ? parsed.data : [];
}

export async function writeCodeLeases(settings: Table<SettingRow, string>, leases: readonly CodeLease[]): Promise<void> {
  await settings.put({ key: settingKeys.codeLeases, value: leases });
}

export async function readCodeSequence(settings: Table<SettingRow, string>): Promise<CodeSequenceState> {
  const row = await settings.get(settingKeys.recordCodeSequence);
  if (row === undefined) return emptyCodeSequenceState;
  const parsed = codeSequenceStateSchema.safeParse(row.value);
  if (!parsed.success) throw new FailureError(storeFailures.corruptSetting(settingKeys.recordCodeSequence));
  return parsed.data;
}

export async function writeCodeSequence(settings: Table<SettingRow, string>, state: CodeSequenceState): Promise<void> {
  await settings.put({ key: settingKeys.recordCodeSequence, value: state });
}

export async function nextMutationId(settings: Table<SettingRow, string>): Promise<number> {
  const row = await settings.get(settingKeys.lastMutationId);
  const last = row === undefined ? 0 : row.value;
  if (typeof last !== 'number' || !Number.isSafeInteger(last) || last < 0) {
    throw new FailureError(storeFailures.corruptSetting(settingKeys.lastMutationId));
  }
  const next = last + 1;
  await settings.put({ key: settingKeys.lastMutationId, value: next });
  return next;
}
