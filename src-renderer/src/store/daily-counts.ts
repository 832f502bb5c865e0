import { classifyTimeliness, formatLocalDate, vietnamDateOf, type Timeliness } from '../../../src-shared/domain/calendar';
import type { AdministrativeRecord, RecordStatus } from '../../../src-shared/domain/records';
import type { DailyCountKey, DailyCountRow, StatusTally } from './schema';

/**
 * Aggregates are defined by one function, `contributionOf(record)`: what a single record adds to the daily
 * counts. A write applies contribution(after) − contribution(before); a repair sums contributions over all
 * records. Incremental updates and rebuilds therefore agree by construction.
 */
export type DailyCounts = Map<string, DailyCountRow>;

/** The `YYYY-MM-DD` Vietnamese day (UTC+7) an instant is counted on; the calendar decides what a day is. */
export function countingDayOf(at: number): string {
  return formatLocalDate(vietnamDateOf(at));
}

/**
 * The row's column for each of the calendar's timeliness classes. The stored names are those of the calendar's
 * `TimelinessRate` (early / onTime / overdue), so a day's row reads like a rate's counts.
 */
const timelinessColumn: { readonly [T in Timeliness]: 'early' | 'onTime' | 'overdue' } = {
  early: 'early',
  'on-time': 'onTime',
  overdue: 'overdue',
};

export function dailyCountKey(row: Pick<DailyCountRow, 'day' | 'counterId' | 'fieldCode' | 'channel'>): DailyCountKey {
  return [row.day, row.counterId, row.fieldCode, row.channel];
}

export function contributionOf(record: AdministrativeRecord): DailyCounts {
  const counts: DailyCounts = new Map();
  const cell = (at: number): MutableRow => rowFor(counts, record, countingDayOf(at));

  for (const event of record.history) {
    if (event.from === event.to) continue;
    bump(cell(event.at).entered, event.to, 1);
  }
  const originAt = record.receivedAt ?? record.history[0]?.at ?? record.createdAt;
  bump(cell(originAt).inStatus, record.status, 1);
  if (record.finishedAt !== undefined && record.dueAt !== undefined) {
    cell(record.finishedAt)[timelinessColumn[classifyTimeliness(record.finishedAt, record.dueAt)]] += 1;
  }
  return counts;
}

/** The change to apply when `before` becomes `after` (before undefined: a new record). Zero cells dropped. */
export function dailyCountDelta(before: AdministrativeRecord | undefined, after: AdministrativeRecord): DailyCountRow[] {
  const delta = contributionOf(after);
  if (before !== undefined) mergeInto(delta, contributionOf(before), -1);
  return [...delta.values()].map(withoutZeros).filter((row) => !isEmpty(row));
}

export function mergeInto(target: DailyCounts, source: DailyCounts, sign: 1 | -1): void {
  for (const [key, row] of source) {
    const existing = target.get(key);
    target.set(key, existing === undefined ? scaled(row, sign) : addRows(existing, row, sign));
  }
}

export function addRows(a: DailyCountRow, b: DailyCountRow, sign: 1 | -1 = 1): DailyCountRow {
  return {
    ...a,
    entered: addTallies(a.entered, b.entered, sign),
    inStatus: addTallies(a.inStatus, b.inStatus, sign),
    early: a.early + sign * b.early,
    onTime: a.onTime + sign * b.onTime,
    overdue: a.overdue + sign * b.overdue,
  };
}

export type DailyTotals = Pick<DailyCountRow, 'entered' | 'inStatus' | 'early' | 'onTime' | 'overdue'>;

/** Totals over rows, e.g. one day across counters, fields and channels. */
export function sumDailyCounts(rows: readonly DailyCountRow[]): DailyTotals {
  let total: DailyTotals = { entered: {}, inStatus: {}, early: 0, onTime: 0, overdue: 0 };
  for (const row of rows) {
    total = {
      entered: addTallies(total.entered, row.entered, 1),
      inStatus: addTallies(total.inStatus, row.inStatus, 1),
      early: total.early + row.early,
      onTime: total.onTime + row.onTime,
      overdue: total.overdue + row.overdue,
    };
  }
  return total;
}

export function withoutZeros(row: DailyCountRow): DailyCountRow {
  return { ...row, entered: dropZeros(row.entered), inStatus: dropZeros(row.inStatus) };
}

export function isEmpty(row: DailyCountRow): boolean {
  return (
    Object.keys(dropZeros(row.entered)).length === 0 &&
    Object.keys(dropZeros(row.inStatus)).length === 0 &&
    row.early === 0 &&
    row.onTime === 0 &&
    row.overdue === 0
  );
}

type MutableRow = {
  day: string;
  counterId: string;
  fieldCode: string;
  channel: AdministrativeRecord['channel'];
  entered: Partial<Record<RecordStatus, number>>;
  inStatus: Partial<Record<RecordStatus, number>>;
  early: number;
  onTime: number;
  overdue: number;
};

function rowFor(counts: DailyCounts, record: AdministrativeRecord, day: string): MutableRow {
  const dims = { day, counterId: record.counterId, fieldCode: record.procedure.fieldCode, channel: record.channel };
  const key = JSON.stringify(dailyCountKey(dims));
  const existing = counts.get(key);
  if (existing !== undefined) return existing;
  const row: MutableRow = { ...dims, entered: {}, inStatus: {}, early: 0, onTime: 0, overdue: 0 };
  counts.set(key, row);
  return row;
}

function bump(tally: Partial<Record<RecordStatus, number>>, status: RecordStatus, by: number): void {
  tally[status] = (tally[status] ?? 0) + by;
}

function addTallies(a: StatusTally, b: StatusTally, sign: 1 | -1): StatusTally {
  const out: Partial<Record<RecordStatus, number>> = { ...a };
  for (const [status, n] of tallyEntries(b)) bump(out, status, sign * n);
  return out;
}

function scaled(row: DailyCountRow, sign: 1 | -1): DailyCountRow {
  const zero: DailyCountRow = { ...row, entered: {}, inStatus: {}, early: 0, onTime: 0, overdue: 0 };
  return addRows(zero, row, sign);
}

function dropZeros(tally: StatusTally): StatusTally {
  return Object.fromEntries(tallyEntries(tally).filter(([, n]) => n !== 0));
}

function tallyEntries(tally: StatusTally): [RecordStatus, number][] {
  return Object.entries(tally).map(([status, n]) => [Number(status) as RecordStatus, n ?? 0]);
}
