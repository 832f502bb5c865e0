import { Dexie, type DexieOptions } from 'dexie';
import { createLogger } from '../../../src-shared/log';
import { err, ok, type Result } from '../../../src-shared/result';
import { auditAppendOnly } from './audit';
import { storeFailures, type StoreFailure } from './errors';
import { describe, namesOf } from './failures';
import { migrations as allMigrations, type Migration } from './migrations';
import { requestPersistentStorage, type PersistentStorageResult } from './persistence';
import type { MotCuaDb } from './schema';

const log = createLogger('store');

export type OpenOptions = {
  /** Defaults to every migration; tests pass a prefix to create an older database. */
  readonly migrations?: readonly Migration[];
  readonly indexedDB?: IDBFactory;
  readonly IDBKeyRange?: typeof IDBKeyRange;
  readonly requestPersistence?: () => Promise<PersistentStorageResult>;
};

export type OpenedStore = {
  readonly db: MotCuaDb;
  /** 0 for a new database. */
  readonly upgradedFrom: number;
  readonly persistentStorage: PersistentStorageResult;
};

/**
 * Opens (creating or upgrading) the kiosk's database. A database written by a newer build is refused, not
 * opened: Dexie 4 would otherwise open it at its own version and could even patch its schema, and an older
 * build must never touch data it does not understand (e.g. after an Electron downgrade).
 */
export async function openMotCuaDb(name: string, options: OpenOptions = {}): Promise<Result<OpenedStore, StoreFailure>> {
  const migrations = options.migrations ?? allMigrations;
  const known = Math.max(0, ...migrations.map((m) => m.version));
  const deps: DexieOptions = {
    ...(options.indexedDB === undefined ? {} : { indexedDB: options.indexedDB }),
    ...(options.IDBKeyRange === undefined ? {} : { IDBKeyRange: options.IDBKeyRange }),
  };

  let installed: number;
  try {
    installed = await installedVersion(name, deps);
  } catch (error) {
    return err(storeFailures.openFailed(describe(error)));
  }
  if (installed > known) {
    log.error('database from the future refused', { installed, known });
    return err(storeFailures.futureVersion(installed, known));
  }

  // Strict durability: a record received at the counter may exist nowhere else until it syncs.
  const db = new Dexie(name, { ...deps, chromeTransactionDurability: 'strict' }) as MotCuaDb;
  for (const migration of migrations) {
    const version = db.version(migration.version).stores({ ...migration.stores });
    if (migration.upgrade !== undefined) version.upgrade(migration.upgrade);
  }
  db.use(auditAppendOnly);
  db.on('blocked', () => log.warn('database upgrade waits for another window to close it', { installed, known }));

  try {
    await db.open();
  } catch (error) {
    db.close();
    // An upgrade runs in the version-change transaction: when it fails, the older version is still on disk.
    const upgrading = installed > 0 && installed < known;
    log.error('database open failed', { upgrading, names: namesOf(error).join(',') });
    if (namesOf(error).includes('QuotaExceededError')) return err(storeFailures.quotaExceeded());
    return err(upgrading ? storeFailures.upgradeFailed(describe(error)) : storeFailures.openFailed(describe(error)));
  }

  const persistentStorage = await (options.requestPersistence ?? requestPersistentStorage)();
  if (persistentStorage !== 'granted') log.warn('persistent storage not granted', { persistentStorage });
  return ok({ db, upgradedFrom: installed, persistentStorage });
}

/**
 * The schema version on disk, without creating or changing anything: Dexie's dynamic mode opens without a
 * version and deletes the empty database it had to create when there was none.
 * Dexie stores version × 10 natively and may add fractions when it patches a schema, hence the floor.
 */
async function installedVersion(name: string, deps: DexieOptions): Promise<number> {
  const probe = new Dexie(name, { ...deps, addons: [] });
  try {
    await probe.open();
    return Math.floor(probe.verno);
  } catch (error) {
    if (namesOf(error).includes('NoSuchDatabaseError')) return 0;
    throw error;
  } finally {
    probe.close();
  }
}
