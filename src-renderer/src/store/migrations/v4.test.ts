import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openMotCuaDb } from '../open';
import { openOrThrow, uniqueDbName } from '../fixtures.testing';
import { currentSchemaVersion } from './index';
import { v1 } from './v1';
import { v2 } from './v2';
import { v3 } from './v3';

describe('migration v3 → v4', () => {
  it('indexes the citizens already stored by phone, and keeps them', async () => {
    const name = uniqueDbName();
    const old = await openOrThrow(name, { migrations: [v1, v2, v3] });
    expect(old.verno).toBe(3);
    await old.citizens.bulkPut([
      { idNumber: '001099012345', fullName: 'Nguyễn Văn A', address: 'Hà Nội', phone: '0912345678', updatedAt: 1 },
      { idNumber: '079203001234', fullName: 'Trần Thị Bình', address: 'TP. Hồ Chí Minh', updatedAt: 2 },
    ]);
    old.close();

    const upgraded = await openMotCuaDb(name);
    if (!upgraded.ok) throw new Error(upgraded.error.messageEn);
    const { db, upgradedFrom } = upgraded.value;
    expect([upgradedFrom, db.verno]).toEqual([3, currentSchemaVersion]);
    expect(await db.citizens.count()).toBe(2);
    expect((await db.citizens.where('phone').equals('0912345678').toArray()).map((c) => c.idNumber)).toEqual(['001099012345']);
    db.close();
  });
});
