import { rebuildDailyCounts } from '../daily-counts-table';
import type { DailyCountKey, DailyCountRow, RecordRow } from '../schema';
import type { Migration } from './migration';

/**
 * Version 2 adds `dailyCounts` (statistics are read from aggregates, never counted: PERFORMANCE.md) and fills
 * it from the records already stored, in the upgrade transaction.
 */
export const v2: Migration = {
  version: 2,
  stores: {
    dailyCounts: '[day+counterId+fieldCode+channel]',
  },
  upgrade: async (tx) => {
    const records = tx.table<RecordRow, string>('records');
    const dailyCounts = tx.table<DailyCountRow, DailyCountKey>('dailyCounts');
    await rebuildDailyCounts(records, dailyCounts);
  },
};
