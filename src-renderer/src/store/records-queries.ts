import { Dexie } from 'dexie';
import type { AdministrativeRecord, RecordEvent, RecordStatus } from '../../../src-shared/domain/records';
import { searchKey } from '../../../src-shared/text/search-key';
import { err, ok, type Failure, type Result } from '../../../src-shared/result';
import { dailyCountsOfDay, dailyCountsOfPeriod } from './daily-counts-table';
import { toFailure } from './failures';
import { fromEventRow, fromRecordRow } from './record-rows';
import type { DailyCountRow, MotCuaDb } from './schema';

/** Lists page with a cursor and a limit; never a whole table (PERFORMANCE.md). */
export const defaultPageSize = 50;
export const maxPageSize = 500;

export type DueCursor = { readonly dueAt: number; readonly id: string };
export type DuePage = { readonly records: AdministrativeRecord[]; readonly next: DueCursor | null };
export type PageOptions = { readonly limit?: number };

const pageSize = (limit: number | undefined): number => Math.min(Math.max(Math.floor(limit ?? defaultPageSize), 1), maxPageSize);

async function read<T>(body: () => Promise<T>): Promise<Result<T, Failure>> {
  try {
    return ok(await body());
  } catch (error) {
    return err(toFailure(error, 'read'));
  }
}

export function getRecord(db: MotCuaDb, id: string): Promise<Result<AdministrativeRecord | null, Failure>> {
  return read(async () => {
    const row = await db.records.get(id);
    return row === undefined ? null : fromRecordRow(row);
  });
}

export function getRecordByCode(db: MotCuaDb, code: string): Promise<Result<AdministrativeRecord | null, Failure>> {
  return read(async () => {
    const row = await db.records.where('code').equals(code.trim().toUpperCase()).first();
    return row === undefined ? null : fromRecordRow(row);
  });
}

export function getHistory(db: MotCuaDb, recordId: string): Promise<Result<RecordEvent[], Failure>> {
  return read(async () => {
    const rows = await db.recordEvents.where('[recordId+seq]').between([recordId], [recordId, []], true, false).toArray();
    return rows.map(fromEventRow);
  });
}

/**
 * Records in `status` due strictly before `before`, earliest due first: "overdue" with before = now.
 * Ties on dueAt are ordered by id inside the index, so the cursor (dueAt, id) resumes exactly.
 */
export function listByStatusDueBefore(
  db: MotCuaDb,
  status: RecordStatus,
  before: number,
  options: PageOptions & { readonly after?: DueCursor } = {},
): Promise<Result<DuePage, Failure>> {
  const limit = pageSize(options.limit);
  const after = options.after;
  return read(async () => {
    const range = db.records
      .where('[status+dueAt]')
      .between([status, after === undefined ? Dexie.minKey : after.dueAt], [status, before], true, false);
    const rows = await (after === undefined ? range : range.filter((r) => !(r.dueAt === after.dueAt && r.id <= after.id)))
      .limit(limit)
      .toArray();
    const last = rows[rows.length - 1];
    const next = rows.length === limit && last?.dueAt !== undefined ? { dueAt: last.dueAt, id: last.id } : null;
    return { records: rows.map(fromRecordRow), next };
  });
}

/** The files of the citizens who left this phone number (as submitter or owner), newest first. */
export function findByPhone(db: MotCuaDb, phone: string, options: PageOptions = {}): Promise<Result<AdministrativeRecord[], Failure>> {
  const digits = phone.replace(/[\s.+-]/g, '').replace(/^84/, '0');
  return read(async () => {
    const people = await db.citizens.where('phone').anyOf([digits, phone.trim()]).toArray();
    const limit = pageSize(options.limit);
    const rows = (await Promise.all(people.map((p) => db.records.where('citizenId').equals(p.idNumber).reverse().limit(limit).toArray()))).flat();
    return rows.sort((a, b) => (a.id < b.id ? 1 : -1)).slice(0, limit).map(fromRecordRow);
  });
}

/** A citizen's files, newest first (ids are time-ordered). */
export function findByCitizenId(db: MotCuaDb, idNumber: string, options: PageOptions = {}): Promise<Result<AdministrativeRecord[], Failure>> {
  const key = idNumber.trim().toUpperCase();
  return read(async () => (await db.records.where('citizenId').equals(key).reverse().limit(pageSize(options.limit)).toArray()).map(fromRecordRow));
}

/** Files whose owner's folded full name starts with the folded query ("nguyen van" finds "Nguyễn Văn An"). */
export function searchByName(db: MotCuaDb, query: string, options: PageOptions = {}): Promise<Result<AdministrativeRecord[], Failure>> {
  const key = searchKey(query);
  if (key === '') return Promise.resolve(ok([]));
  return read(async () => (await db.records.where('nameKey').startsWith(key).limit(pageSize(options.limit)).toArray()).map(fromRecordRow));
}

/**
 * Files received in [from, to) in receipt order, for the log book (form 07). A period's book is bounded (a busy
 * ward receives ~700 a day), so it is read whole; the cap stops a mistyped decade from exhausting memory.
 */
export function listReceivedBetween(db: MotCuaDb, from: number, to: number, cap = 50_000): Promise<Result<AdministrativeRecord[], Failure>> {
  return read(async () => (await db.records.where('receivedAt').between(from, to, true, false).limit(cap).toArray()).map(fromRecordRow));
}

/** The statistics rows of one day (`YYYY-MM-DD`, UTC+7): read from aggregates, never counted. */
export function dailyCountsBetween(db: MotCuaDb, fromDay: string, toDay: string): Promise<Result<DailyCountRow[], Failure>> {
  return read(() => dailyCountsOfPeriod(db.dailyCounts, fromDay, toDay));
}

export function dailyCounts(db: MotCuaDb, day: string): Promise<Result<DailyCountRow[], Failure>> {
  return read(() => dailyCountsOfDay(db.dailyCounts, day));
}
