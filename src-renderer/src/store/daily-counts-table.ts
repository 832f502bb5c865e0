import type { Table } from 'dexie';
import type { AdministrativeRecord } from '../../../src-shared/domain/records';
import { addRows, contributionOf, dailyCountKey, isEmpty, mergeInto, withoutZeros, type DailyCounts } from './daily-counts';
import type { DailyCountKey, DailyCountRow, RecordRow } from './schema';

/** Adds a delta to the stored rows; call inside the write transaction of the record being counted. */
export async function applyDailyCountDelta(
  table: Table<DailyCountRow, DailyCountKey>,
  delta: readonly DailyCountRow[],
): Promise<void> {
  for (const change of delta) {
    const key = dailyCountKey(change);
    const stored = await table.get(key);
    await table.put(withoutZeros(stored === undefined ? change : addRows(stored, change)));
  }
}

/**
 * Recomputes every row from the records: the v2 migration, and a repair when counts are in doubt. Walks the
 * records with a cursor (never one big array); the aggregates themselves stay small (days × counters × fields ×
 * channels), so they are summed in memory.
 */
export async function rebuildDailyCounts(
  records: Table<RecordRow, string>,
  dailyCounts: Table<DailyCountRow, DailyCountKey>,
): Promise<number> {
  const totals: DailyCounts = new Map();
  await records.each((record: AdministrativeRecord) => mergeInto(totals, contributionOf(record), 1));
  const rows = [...totals.values()].map(withoutZeros).filter((row) => !isEmpty(row));
  await dailyCounts.clear();
  await dailyCounts.bulkPut(rows);
  return rows.length;
}

/** Every row of the days from `fromDay` to `toDay` inclusive (`YYYY-MM-DD`): one key range, however long the period. */
export async function dailyCountsOfPeriod(table: Table<DailyCountRow, DailyCountKey>, fromDay: string, toDay: string): Promise<DailyCountRow[]> {
  return table.where('[day+counterId+fieldCode+channel]').between([fromDay], [toDay, []], true, false).toArray();
}

export async function dailyCountsOfDay(table: Table<DailyCountRow, DailyCountKey>, day: string): Promise<DailyCountRow[]> {
  // The compound primary key starts with the day, so one day is one key range: [day] sorts before every
  // [day, …], and [day, []] after them (arrays sort after strings and numbers in IndexedDB).
  return table.where('[day+counterId+fieldCode+channel]').between([day], [day, []], true, false).toArray();
}
