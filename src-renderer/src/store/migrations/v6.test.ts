import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openMotCuaDb } from '../open';
import { openOrThrow, uniqueDbName } from '../fixtures.testing';
import { currentSchemaVersion } from './index';
import { v1 } from './v1';
import { v2 } from './v2';
import { v3 } from './v3';
import { v4 } from './v4';
import { v5 } from './v5';

describe('migration v5 → v6', () => {
  it('adds an empty attachment upload queue and keeps the pending outbox untouched', async () => {
    const name = uniqueDbName();
    const old = await openOrThrow(name, { migrations: [v1, v2, v3, v4, v5] });
    expect(old.verno).toBe(5);
    await old.settings.put({ key: 'outbox.lastMutationId', value: 2 });
    await old.outbox.bulkAdd([
      { mutationId: 1, createdAt: 1, kind: 'record.transition', entity: 'record', entityId: 'r1', payload: { event: { seq: 2, from: 2, to: 4, at: 1, actor: { officerId: 'a', name: 'A' } }, baseVersion: 1 } },
      { mutationId: 2, createdAt: 2, kind: 'record.transition', entity: 'record', entityId: 'r1', payload: { event: { seq: 3, from: 4, to: 9, at: 2, actor: { officerId: 'a', name: 'A' } }, baseVersion: 2 } },
    ]);
    old.close();

    const upgraded = await openMotCuaDb(name);
    if (!upgraded.ok) throw new Error(upgraded.error.messageEn);
    const { db, upgradedFrom } = upgraded.value;
    expect([upgradedFrom, db.verno]).toEqual([5, currentSchemaVersion]);
    expect((await db.outbox.toArray()).map((r) => r.mutationId)).toEqual([1, 2]);
    expect(await db.syncUploads.count()).toBe(0);
    await db.syncUploads.put({ hash: 'a'.repeat(64), queuedAt: 3 });
    expect(await db.syncUploads.get('a'.repeat(64))).toEqual({ hash: 'a'.repeat(64), queuedAt: 3 });
    db.close();
  });
});
