import { create } from 'zustand';
import { importCatalogueJson, type Procedure } from '../../../src-shared/domain/catalogue';
import { createLogger } from '../../../src-shared/log';
import { err, failure, ok, type Failure, type Result } from '../../../src-shared/result';
import sampleCatalogue from '../../../assets/catalogue/sample-catalogue.json?raw';
import { openMotCuaDb, type OpenedStore } from '../store';
import { listProcedures, procedureCount, replaceCatalogue } from '../store/procedures-repository';
import { attachOfficers } from './session';
import type { StorageState } from './store';

const log = createLogger('app.local-store');

/** The kiosk's own database: one per profile, opened once, kept open for the life of the page. */
export const databaseName = 'motcua';

type LocalStoreState = {
  readonly store: OpenedStore | undefined;
  readonly failure: Failure | undefined;
  readonly procedures: readonly Procedure[] | undefined;
};

export const useLocalStore = create<LocalStoreState>()(() => ({ store: undefined, failure: undefined, procedures: undefined }));

/**
 * Opens the database, asks the browser to keep it (navigator.storage.persist), and on a fresh install loads
 * the sample catalogue so a demo Center works with no configuration. A province's catalogue replaces it later.
 */
export async function openLocalStore(): Promise<StorageState> {
  const opened = await openMotCuaDb(databaseName);
  if (!opened.ok) {
    log.error('local store unavailable', { code: opened.error.code });
    useLocalStore.setState({ failure: opened.error });
    return 'unknown';
  }
  const { db } = opened.value;
  if ((await procedureCount(db)) === 0) {
    const report = importCatalogueJson(sampleCatalogue);
    if (report.errors.length > 0) log.error('sample catalogue has errors', { count: report.errors.length });
    const seeded = await replaceCatalogue(db, report.procedures, Date.now());
    if (!seeded.ok) useLocalStore.setState({ failure: seeded.error });
  }
  await attachOfficers(db);
  useLocalStore.setState({ store: opened.value, procedures: await listProcedures(db, Date.now()) });
  return opened.value.persistentStorage;
}

/**
 * Replaces the catalogue with a province's file (validated by the caller's import report); the previous
 * catalogue stays if the write fails.
 */
export async function installCatalogue(procedures: readonly Procedure[]): Promise<Result<number>> {
  const store = useLocalStore.getState().store;
  if (!store) return err(failure('store.not-open', 'Kho dữ liệu cục bộ chưa mở được.', 'The local store is not open.'));
  const replaced = await replaceCatalogue(store.db, procedures, Date.now());
  if (!replaced.ok) return replaced;
  useLocalStore.setState({ procedures: await listProcedures(store.db, Date.now()) });
  return ok(procedures.length);
}
