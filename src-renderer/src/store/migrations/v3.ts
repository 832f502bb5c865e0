import type { Migration } from './migration';

/** Version 3 adds officer accounts: each officer signs in with their own username (unique) and a slow-hashed secret. */
export const v3: Migration = {
  version: 3,
  stores: {
    officers: 'id, &username',
  },
};
