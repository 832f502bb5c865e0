import type { Migration } from './migration';

/**
 * Version 1. Indexes are few on purpose: each costs on every write (PERFORMANCE.md).
 * - records: `id` is time-ordered so new rows append; `&code` for the lookup machine and the receipt's QR;
 *   `citizenId` for "this citizen's files"; `nameKey` for folded-name prefix search; `[status+dueAt]` for
 *   "due soon / overdue" lists; `receivedAt` for the log book (form 07) by period.
 * - recordEvents and documents use compound primary keys [recordId+n]: a record's rows are one key range,
 *   without a secondary index.
 * - procedures: whole catalogue procedures keyed `${versionKey}@${effectiveFrom}`, so versions of one code
 *   coexist; no secondary index, the catalogue module searches and filters in memory.
 * - outbox: `mutationId` is allocated from a counter in `settings` inside the same transaction (gap-free by
 *   construction, see outbox.ts), not by the store's key generator.
 */
export const v1: Migration = {
  version: 1,
  stores: {
    procedures: 'code',
    records: 'id, &code, citizenId, nameKey, [status+dueAt], receivedAt',
    recordEvents: '[recordId+seq]',
    citizens: 'idNumber',
    documents: '[recordId+index]',
    pages: 'hash',
    tickets: 'id, &[day+number]',
    outbox: 'mutationId',
    audit: 'id',
    settings: 'key',
  },
};
