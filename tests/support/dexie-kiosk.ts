import 'fake-indexeddb/auto';
import { mondayMorning } from '../../src-shared/domain/records/fixtures.testing';
import { createCenterClient } from '../../src-shared/sync/center-client';
import { createSyncEngine } from '../../src-shared/sync/engine';
import type { SyncCredentials } from '../../src-shared/sync/engine';
import type { EnrollResponse } from '../../src-shared/sync/protocol';
import { openOrThrow, testDeps, uniqueDbName } from '../../src-renderer/src/store/fixtures.testing';
import { createRecordsRepository } from '../../src-renderer/src/store/records-repository';
import { createDexieSyncStore } from '../../src-renderer/src/sync/dexie-sync-store';
import { enrollVia, injectTransport, type Harness } from '../../sync-server/harness.testing';

/**
 * A kiosk as the renderer builds it, without a browser: enrolled with the real server of `harness`, its own Dexie
 * database (fake-indexeddb), records repository, sync engine and Center client, all on the fixtures' clock.
 */
export async function dexieKiosk(harness: Harness, unitId: string, kioskId: string) {
  const enrolled: EnrollResponse = await enrollVia(harness.app, unitId, kioskId);
  const db = await openOrThrow(uniqueDbName());
  const deps = testDeps(mondayMorning, enrolled.kioskSlot);
  const repo = createRecordsRepository(db, { ...deps, kiosk: { ...deps.kiosk, kioskId, unitId, kioskSlot: enrolled.kioskSlot } });
  const credentials = (): SyncCredentials => ({ baseUrl: 'http://sync', token: enrolled.token, unitId });
  const transport = injectTransport(() => harness.app);
  const engine = createSyncEngine({
    credentials,
    transport,
    store: createDexieSyncStore(db, deps.now),
    clock: { now: deps.now, sleep: async () => undefined },
    random: () => 0.5,
  });
  return { enrolled, db, deps, repo, engine, center: createCenterClient(transport, credentials) };
}
