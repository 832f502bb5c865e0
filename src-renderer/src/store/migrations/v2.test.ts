import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { receive, transition, type AdministrativeRecord, type TransitionInput } from '../../../../src-shared/domain/records';
import { day, hour, mondayMorning, sampleOfficer, sampleReceipt, sampleUnitId } from '../../../../src-shared/domain/records/fixtures.testing';
import { openMotCuaDb } from '../open';
import { openOrThrow, uniqueDbName } from '../fixtures.testing';
import { toEventRow, toRecordRow } from '../record-rows';
import { dailyCountKey } from '../daily-counts';
import { currentSchemaVersion } from './index';
import { v1 } from './v1';

type Step = Omit<TransitionInput, 'actor'>;

function build(id: string, code: string, counterId: string, at: number, receiptOverrides: Parameters<typeof sampleReceipt>[0], steps: Step[]): AdministrativeRecord {
  const created = receive(sampleReceipt(receiptOverrides), { id, code, unitId: sampleUnitId, kioskId: 'kiosk-3', counterId, at, actor: sampleOfficer });
  if (!created.ok) throw new Error(created.error.messageEn);
  return steps.reduce((record, step) => {
    const moved = transition(record, { ...step, actor: sampleOfficer });
    if (!moved.ok) throw new Error(moved.error.messageEn);
    return moved.value.record;
  }, created.value.record);
}

const civil = { code: '1.001193', name: 'Đăng ký khai sinh', fieldCode: 'ho-tich', fieldName: 'Hộ tịch' };
const copies = { code: '2.000815', name: 'Chứng thực bản sao từ bản chính', fieldCode: 'chung-thuc', fieldName: 'Chứng thực' };

// Monday 2026-03-02 (Vietnam), then Tuesday and Wednesday.
const records = [
  build('0195f1c2-0000-7000-8000-00000000000a', '000.00.15.H55-260302-3001', 'quay-1', mondayMorning, { procedure: civil, dueAt: mondayMorning + 2 * day }, [
    { to: 4, at: mondayMorning + hour },
    { to: 9, at: mondayMorning + day },
    { to: 10, at: mondayMorning + day + 2 * hour },
  ]),
  build('0195f1c2-0000-7000-8000-00000000000b', '000.00.15.H55-260302-3002', 'quay-1', mondayMorning + hour / 2, { procedure: civil, dueAt: mondayMorning + 2 * day }, [
    { to: 4, at: mondayMorning + 2 * hour },
  ]),
  build('0195f1c2-0000-7000-8000-00000000000c', '000.00.15.H55-260303-3001', 'quay-2', mondayMorning + day, { procedure: copies, channel: 3, dueAt: mondayMorning + day + 8 * hour }, [
    { to: 7, at: mondayMorning + 2 * day },
  ]),
];

describe('migration v1 → v2', () => {
  it('builds the daily counts from the records already stored, and keeps the data', async () => {
    const name = uniqueDbName();
    const old = await openOrThrow(name, { migrations: [v1] });
    expect(old.verno).toBe(1);
    await old.records.bulkAdd(records.map(toRecordRow));
    await old.recordEvents.bulkAdd(records.flatMap((r) => r.history.map((e) => toEventRow(r.id, e))));
    await old.settings.put({ key: 'outbox.lastMutationId', value: 7 });
    old.close();

    const upgraded = await openMotCuaDb(name);
    expect(upgraded.ok).toBe(true);
    if (!upgraded.ok) return;
    const { db, upgradedFrom } = upgraded.value;
    expect(upgradedFrom).toBe(1);
    expect(db.verno).toBe(currentSchemaVersion);

    const rows = await db.dailyCounts.toArray();
    const byKey = new Map(rows.map((row) => [JSON.stringify(dailyCountKey(row)), row]));
    expect(rows).toHaveLength(4);
    expect(byKey.get(JSON.stringify(['2026-03-02', 'quay-1', 'ho-tich', 1]))).toEqual({
      day: '2026-03-02', counterId: 'quay-1', fieldCode: 'ho-tich', channel: 1,
      entered: { 2: 2, 4: 2 }, inStatus: { 4: 1, 10: 1 }, early: 0, onTime: 0, overdue: 0,
    });
    expect(byKey.get(JSON.stringify(['2026-03-03', 'quay-1', 'ho-tich', 1]))).toEqual({
      day: '2026-03-03', counterId: 'quay-1', fieldCode: 'ho-tich', channel: 1,
      entered: { 9: 1, 10: 1 }, inStatus: {}, early: 1, onTime: 0, overdue: 0,
    });
    expect(byKey.get(JSON.stringify(['2026-03-03', 'quay-2', 'chung-thuc', 3]))).toEqual({
      day: '2026-03-03', counterId: 'quay-2', fieldCode: 'chung-thuc', channel: 3,
      entered: { 2: 1 }, inStatus: { 7: 1 }, early: 0, onTime: 0, overdue: 0,
    });
    expect(byKey.get(JSON.stringify(['2026-03-04', 'quay-2', 'chung-thuc', 3]))).toEqual({
      day: '2026-03-04', counterId: 'quay-2', fieldCode: 'chung-thuc', channel: 3,
      entered: { 7: 1 }, inStatus: {}, early: 0, onTime: 0, overdue: 1,
    });

    expect(await db.records.orderBy('id').toArray()).toEqual(records.map(toRecordRow));
    expect(await db.recordEvents.count()).toBe(4 + 2 + 2);
    expect(await db.settings.get('outbox.lastMutationId')).toEqual({ key: 'outbox.lastMutationId', value: 7 });
    expect((await db.records.where('code').equals('000.00.15.H55-260303-3001').first())?.status).toBe(7);
    db.close();
  });

  it('upgrades an empty v1 database', async () => {
    const name = uniqueDbName();
    (await openOrThrow(name, { migrations: [v1] })).close();
    const db = await openOrThrow(name);
    expect(await db.dailyCounts.count()).toBe(0);
    db.close();
  });
});
