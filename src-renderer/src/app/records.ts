import type { Settings } from '../../../src-shared/api/settings';
import { createIdGenerator } from '../../../src-shared/domain/records';
import { createRecordsRepository, type MotCuaDb, type RecordsRepository } from '../store';

const kioskIdKey = 'kiosk.id';
const defaultIds = createIdGenerator({ now: () => Date.now(), fillRandom: (bytes) => crypto.getRandomValues(bytes) });

/** This browser profile's kiosk id: made once, kept in the database, sent with every synced mutation. */
export async function kioskIdOf(db: MotCuaDb, newId: () => string = defaultIds): Promise<string> {
  return db.transaction('rw', db.settings, async () => {
    const existing = await db.settings.get(kioskIdKey);
    if (typeof existing?.value === 'string') return existing.value;
    const id = newId();
    await db.settings.put({ key: kioskIdKey, value: id });
    return id;
  });
}

/** A records repository for the counter as the settings describe it now (unit, counter, kiosk slot). */
export async function recordsRepositoryFor(db: MotCuaDb, settings: Settings): Promise<RecordsRepository> {
  const newId = createIdGenerator({ now: () => Date.now(), fillRandom: (bytes) => crypto.getRandomValues(bytes) });
  return createRecordsRepository(db, {
    kiosk: { kioskId: await kioskIdOf(db, newId), unitId: settings.centerUnitId, kioskSlot: settings.kioskSlot, counterId: String(settings.counterNumber) },
    now: () => Date.now(),
    newId,
  });
}
