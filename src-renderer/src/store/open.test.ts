import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openOrThrow, uniqueDbName } from './fixtures.testing';
import { currentSchemaVersion, migrations, type Migration } from './migrations';
import { openMotCuaDb } from './open';
import type { MotCuaDb } from './schema';

const opened: MotCuaDb[] = [];
afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});
const track = (db: MotCuaDb): MotCuaDb => {
  opened.push(db);
  return db;
};

const future: Migration = {
  version: currentSchemaVersion + 1, stores: { signatures: 'id' } };

describe('opening the kiosk database', () => {
  it('creates a new database at the current version and reports persistence', async () => {
    const result = await openMotCuaDb(uniqueDbName());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { db, upgradedFrom, persistentStorage } = result.value;
    track(db);
    expect(upgradedFrom).toBe(0);
    expect(db.verno).toBe(currentSchemaVersion);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      ['audit', 'citizenDocuments', 'citizens', 'dailyCounts', 'documents', 'officers', 'outbox', 'pages', 'procedures', 'ratings', 'recordEvents', 'records', 'settings', 'syncUploads', 'tickets'],
    );
    // Node 20 has no navigator.storage.
    expect(persistentStorage).toBe('unsupported');
  });

  it('passes the persistence answer through', async () => {
    const result = await openMotCuaDb(uniqueDbName(), { requestPersistence: () => Promise.resolve('granted') });
    expect(result.ok && result.value.persistentStorage).toBe('granted');
    if (result.ok) track(result.value.db);
  });

  it('reports the version it upgraded from when reopened', async () => {
    const name = uniqueDbName();
    (await openOrThrow(name)).close();
    const again = await openMotCuaDb(name);
    expect(again.ok && again.value.upgradedFrom).toBe(currentSchemaVersion);
    if (again.ok) track(again.value.db);
  });

  it('refuses a database from the future, bilingually, and leaves it untouched', async () => {
    const name = uniqueDbName();
    const newer = await openOrThrow(name, { migrations: [...migrations, future] });
    await newer.settings.put({ key: 'written-by', value: 'v3' });
    newer.close();

    const refused = await openMotCuaDb(name);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('store.future-version');
    expect(refused.error.message).toContain('phiên bản phần mềm mới hơn');
    expect(refused.error.messageEn).toContain('newer version');

    const back = track(await openOrThrow(name, { migrations: [...migrations, future] }));
    expect(back.verno).toBe(currentSchemaVersion + 1);
    expect(await back.settings.get('written-by')).toEqual({ key: 'written-by', value: 'v3' });
    expect(back.tables.map((t) => t.name)).toContain('signatures');
  });

  it('keeps the previous version intact when an upgrade fails', async () => {
    const name = uniqueDbName();
    const current = await openOrThrow(name);
    await current.settings.put({ key: 'kept', value: 1 });
    current.close();

    const broken: Migration = {
      version: currentSchemaVersion + 1,
      stores: { signatures: 'id' },
      upgrade: () => Promise.reject(new Error('upgrade bug')),
    };
    const failed = await openMotCuaDb(name, { migrations: [...migrations, broken] });
    expect(failed.ok).toBe(false);
    if (!failed.ok) expect(failed.error.code).toBe('store.upgrade-failed');

    const again = await openMotCuaDb(name);
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    track(again.value.db);
    expect(again.value.upgradedFrom).toBe(currentSchemaVersion);
    expect(await again.value.db.settings.get('kept')).toEqual({ key: 'kept', value: 1 });
  });

  it('keeps the audit log append-only', async () => {
    const db = track(await openOrThrow(uniqueDbName()));
    const entry = {
      id: '0195f1c2-0000-7000-8000-000000000001',
      at: 1,
      actor: { officerId: 'cb-01', name: 'Trần Thị Bình' },
      action: 'record.receive' as const,
      entity: 'record' as const,
      entityId: 'r1',
      detail: { code: 'X' },
    };
    await db.audit.add(entry);
    await expect(db.audit.put({ ...entry, detail: { code: 'Y' } })).rejects.toThrow(/append-only/);
    await expect(db.audit.delete(entry.id)).rejects.toThrow(/append-only/);
    await expect(db.audit.clear()).rejects.toThrow(/append-only/);
    expect(await db.audit.toArray()).toEqual([entry]);
  });
});
