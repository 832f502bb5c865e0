export { openMotCuaDb, type OpenOptions, type OpenedStore } from './open';
export { requestPersistentStorage, type PersistentStorageResult } from './persistence';
export { migrations, currentSchemaVersion, type Migration } from './migrations';
export {
  createRecordsRepository,
  receiveRecordInputSchema,
  type KioskContext,
  type ReceiveRecordInput,
  type RecordsRepository,
  type RecordsRepositoryDeps,
  type TransitionRecordInput,
} from './records-repository';
export type { DueCursor, DuePage, PageOptions } from './records-queries';
export {
  listProcedures,
  procedureCount,
  procedureKey,
  replaceCatalogue,
  systemActor,
  type CatalogueReplaced,
  type ReplaceCatalogueOptions,
} from './procedures-repository';
export { putPage, getPage, contentHash, type StoredPage } from './pages-repository';
export { pendingMutations, acknowledgeMutations } from './outbox';
export { countingDayOf, sumDailyCounts, type DailyTotals } from './daily-counts';
export { browserIdGenerator } from './ids';
export { storeErrorCodes, storeFailures, type StoreErrorCode, type StoreFailure } from './errors';
export type * from './schema';
