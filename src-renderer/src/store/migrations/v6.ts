import type { Migration } from './migration';

/**
 * Version 6 adds the attachment upload queue of sync: the content hashes of scanned pages whose records the
 * server has acknowledged (metadata first, pages after). Filled in the same transaction that drops the
 * acknowledged outbox rows, so a page is never forgotten between the two.
 */
export const v6: Migration = {
  version: 6,
  stores: {
    syncUploads: 'hash',
  },
};
