import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openOrThrow, uniqueDbName } from './fixtures.testing';
import type { MotCuaDb } from './schema';
import { createTicketsRepository } from './tickets-repository';

let db: MotCuaDb | undefined;
afterEach(() => db?.close());

async function setup(slot = 1, day = () => '2026-03-02') {
  db = await openOrThrow(uniqueDbName());
  let clock = Date.UTC(2026, 2, 2, 1, 0);
  let id = 0;
  const repo = createTicketsRepository(db, { now: () => (clock += 1000), newId: () => `t-${++id}`, kioskSlot: slot, day });
  return repo;
}

describe('queue tickets in the local store', () => {
  it('remembers Center requests to withdraw until forgotten, and only for the day they were made', async () => {
    let today = '2026-03-02';
    const repo = await setup(1, () => today);
    expect((await repo.rememberWithdrawal('req-1')).ok).toBe(true);
    await repo.rememberWithdrawal('req-2');
    expect(await repo.pendingWithdrawals()).toEqual(['req-1', 'req-2']);
    await repo.forgetWithdrawals(['req-1']);
    expect(await repo.pendingWithdrawals()).toEqual(['req-2']);
    // The next day yesterday's waiting tickets are never called: nothing is left to withdraw.
    today = '2026-03-03';
    expect(await repo.pendingWithdrawals()).toEqual([]);
  });

  it('issues numbered tickets per kiosk slot and calls them priority first, finishing the previous one', async () => {
    const repo = await setup(2);
    const a = await repo.issue({ fieldCode: 'ho-tich', fieldName: 'Hộ tịch', priority: false });
    const b = await repo.issue({ fieldCode: 'ho-tich', fieldName: 'Hộ tịch', priority: true });
    expect(a.ok && a.value.number).toBe(2001);
    expect(b.ok && b.value.number).toBe(2002);
    const first = await repo.callNext('1', ['ho-tich']);
    expect(first.ok && first.value?.number).toBe(2002);
    const second = await repo.callNext('1', ['ho-tich']);
    expect(second.ok && second.value?.number).toBe(2001);
    const none = await repo.callNext('1', ['ho-tich']);
    expect(none.ok && none.value).toBeUndefined();
    expect(await repo.waiting()).toHaveLength(0);
  });

  it('skips an absent citizen and transfers a ticket to another counter', async () => {
    const repo = await setup();
    await repo.issue({ fieldCode: 'ho-tich', fieldName: 'Hộ tịch', priority: false });
    const called = await repo.callNext('1', []);
    if (!called.ok || !called.value) throw new Error('called');
    const moved = await repo.settle(called.value.id, { kind: 'transfer', toCounter: '3' });
    expect(moved.ok && moved.value.state).toBe('waiting');
    const atOne = await repo.callNext('1', []);
    expect(atOne.ok && atOne.value).toBeUndefined();
    const atThree = await repo.callNext('3', []);
    expect(atThree.ok && atThree.value?.number).toBe(1001);
    if (!atThree.ok || !atThree.value) throw new Error('three');
    const skipped = await repo.settle(atThree.value.id, { kind: 'skip' });
    expect(skipped.ok && skipped.value.state).toBe('skipped');
  });

  it('keeps copies of Center tickets beside its own without ever calling them itself', async () => {
    const repo = await setup(0);
    const own = await repo.issue({ fieldCode: 'ho-tich', fieldName: 'Hộ tịch', priority: false });
    const copy = { id: 'center-1', day: '2026-03-02', number: 10001, issuedAt: 1, fieldCode: 'ho-tich', fieldName: 'Hộ tịch', priority: true, state: 'waiting' as const };
    expect((await repo.recordCenter(copy)).ok).toBe(true);
    expect((await repo.waiting()).map((t) => t.number)).toEqual([1]);
    expect((await repo.today()).map((t) => [t.number, t.source])).toEqual([
      [1, undefined],
      [10001, 'center'],
    ]);
    // The Center calls its ticket to counter 1: the copy becomes current; the counter's next Center call serves it.
    await repo.recordCenterCall('1', { ...copy, state: 'called', counterId: '1', calledAt: 5 });
    expect((await repo.current('1'))?.id).toBe('center-1');
    await repo.recordCenterCall('1', undefined);
    expect((await repo.get('center-1'))?.state).toBe('served');
    expect(own.ok && (await repo.get(own.value.id))?.state).toBe('waiting');
    // A copy whose number a new Center ticket holds (the server's database was replaced) is dropped, not a clash.
    expect((await repo.recordCenter({ ...copy, id: 'center-2' })).ok).toBe(true);
    expect(await repo.get('center-1')).toBeUndefined();
  });
});
