import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { sampleKeptDocument } from '../../../../src-shared/domain/citizens/fixtures.testing';
import { openMotCuaDb } from '../open';
import { openOrThrow, uniqueDbName } from '../fixtures.testing';
import { currentSchemaVersion } from './index';
import { v1 } from './v1';
import { v2 } from './v2';
import { v3 } from './v3';
import { v4 } from './v4';
import { v5 } from './v5';
import { v6 } from './v6';

describe('migration v6 → v7', () => {
  it('adds an empty table of kept documents, found by citizen and time, and keeps the upload queue and outbox', async () => {
    const name = uniqueDbName();
    const old = await openOrThrow(name, { migrations: [v1, v2, v3, v4, v5, v6] });
    expect(old.verno).toBe(6);
    await old.syncUploads.put({ hash: 'b'.repeat(64), queuedAt: 1 });
    await old.settings.put({ key: 'outbox.lastMutationId', value: 1 });
    await old.outbox.add({ mutationId: 1, createdAt: 1, kind: 'record.transition', entity: 'record', entityId: 'r1', payload: { event: { seq: 2, from: 2, to: 4, at: 1, actor: { officerId: 'a', name: 'A' } }, baseVersion: 1 } });
    old.close();

    const upgraded = await openMotCuaDb(name);
    if (!upgraded.ok) throw new Error(upgraded.error.messageEn);
    const { db, upgradedFrom } = upgraded.value;
    expect([upgradedFrom, db.verno]).toEqual([6, currentSchemaVersion]);
    expect(await db.syncUploads.count()).toBe(1);
    expect((await db.outbox.toArray()).map((r) => r.mutationId)).toEqual([1]);
    expect(await db.citizenDocuments.count()).toBe(0);
    const doc = sampleKeptDocument();
    await db.citizenDocuments.add(doc);
    expect(await db.citizenDocuments.where('[citizenId+keptAt]').between([doc.citizenId, 0], [doc.citizenId, Number.MAX_SAFE_INTEGER]).toArray()).toEqual([doc]);
    expect(await db.citizenDocuments.where('hash').equals(doc.hash).count()).toBe(1);
    db.close();
  });
});
