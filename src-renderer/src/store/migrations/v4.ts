import type { Migration } from './migration';

/**
 * Version 4 indexes citizens by phone: returning a result, the officer may only have the phone number the citizen
 * left on the receipt. IndexedDB builds the index over the rows already there; no data changes.
 */
export const v4: Migration = {
  version: 4,
  stores: {
    citizens: 'idNumber, phone',
  },
};
