import type { Migration } from './migration';

/** Version 5 adds the citizens' ratings of the service, by time and by the record they rate. */
export const v5: Migration = {
  version: 5,
  stores: {
    ratings: 'id, at, recordCode',
  },
};
