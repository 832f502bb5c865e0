import type { Transaction } from 'dexie';

/**
 * One schema version: Dexie's stores spec (only the tables it adds or changes; `null` deletes one) and an
 * optional upgrade run inside the version-change transaction. A failed upgrade aborts that transaction and
 * leaves the previous version intact. Never edit a released migration: add the next one.
 */
export type Migration = {
  readonly version: number;
  readonly stores: Readonly<Record<string, string | null>>;
  readonly upgrade?: (tx: Transaction) => Promise<void>;
};
