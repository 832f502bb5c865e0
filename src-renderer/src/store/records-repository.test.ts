import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { nextStatuses, type RecordStatus } from '../../../src-shared/domain/records';
import { day, hour, mondayMorning, sampleOfficer, sampleReceipt } from '../../../src-shared/domain/records/fixtures.testing';
import { countingDayOf, sumDailyCounts } from './daily-counts';
import { openOrThrow, testDeps, uniqueDbName, type TestClock } from './fixtures.testing';
import { createRecordsRepository, type ReceiveRecordInput, type RecordsRepository } from './records-repository';
import type { MotCuaDb } from './schema';

const processor = { officerId: 'cb-07', name: 'Lê Văn Cường' };
const open: MotCuaDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function setup(slot = 3): Promise<{ db: MotCuaDb; repo: RecordsRepository; clock: TestClock }> {
  const db = await openOrThrow(uniqueDbName());
  open.push(db);
  const clock = testDeps(mondayMorning, slot);
  return { db, repo: createRecordsRepository(db, clock), clock };
}

const input = (overrides: Partial<ReceiveRecordInput> = {}): ReceiveRecordInput => ({ ...sampleReceipt(), officer: sampleOfficer, ...overrides });

async function receiveOk(repo: RecordsRepository, overrides: Partial<ReceiveRecordInput> = {}) {
  const result = await repo.receiveRecord(input(overrides));
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.messageEn}`);
  return result.value;
}

async function snapshot(db: MotCuaDb) {
  return {
    records: await db.records.toArray(),
    recordEvents: await db.recordEvents.toArray(),
    documents: await db.documents.toArray(),
    citizens: await db.citizens.toArray(),
    outbox: await db.outbox.toArray(),
    audit: await db.audit.toArray(),
    settings: await db.settings.toArray(),
    dailyCounts: await db.dailyCounts.toArray(),
  };
}

describe('receiving a record', () => {
  it('writes the record with its history, documents, citizen, outbox row, audit entry and counts', async () => {
    const { db, repo } = await setup();
    const record = await receiveOk(repo);
    expect(record.code).toBe('000.00.15.H55-260302-3001');
    expect(record.status).toBe(2);

    const stored = await db.records.get(record.id);
    expect(stored).toMatchObject({ code: record.code, citizenId: '001090012345', nameKey: 'nguyen van an' });
    expect(await db.recordEvents.toArray()).toEqual([{ ...record.history[0], recordId: record.id }]);
    expect(await db.documents.count()).toBe(2);
    expect(await db.citizens.get('001090012345')).toMatchObject({ fullName: 'Nguyễn Văn An', updatedAt: mondayMorning });
    expect(await db.outbox.toArray()).toEqual([
      { mutationId: 1, kind: 'record.receive', entity: 'record', entityId: record.id, payload: { record }, createdAt: mondayMorning },
    ]);
    const audit = await db.audit.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'record.receive', entityId: record.id, detail: { code: record.code, from: null, to: 2 } });
    expect(JSON.stringify(audit)).not.toContain('Nguyễn');

    const counts = await repo.dailyCounts('2026-03-02');
    expect(counts.ok && counts.value).toEqual([
      { day: '2026-03-02', counterId: 'quay-1', fieldCode: 'ho-tich', channel: 1, entered: { 2: 1 }, inStatus: { 2: 1 }, early: 0, onTime: 0, overdue: 0 },
    ]);
  });

  it('numbers codes per kiosk slot and day, continuing after a reopen', async () => {
    const { db, repo, clock } = await setup(7);
    expect((await receiveOk(repo)).code).toBe('000.00.15.H55-260302-7001');
    expect((await receiveOk(repo)).code).toBe('000.00.15.H55-260302-7002');
    clock.advance(day);
    expect((await receiveOk(repo, { dueAt: mondayMorning + 3 * day })).code).toBe('000.00.15.H55-260303-7001');

    db.close();
    const reopened = await openOrThrow(db.name);
    open.push(reopened);
    const again = createRecordsRepository(reopened, clock);
    expect((await receiveOk(again, { dueAt: mondayMorning + 3 * day })).code).toBe('000.00.15.H55-260303-7002');
  });

  it('skips a code already on disk when the remembered sequence was lost', async () => {
    const { db, repo } = await setup();
    await receiveOk(repo);
    await db.settings.delete('records.codeSequence');
    expect((await receiveOk(repo)).code).toBe('000.00.15.H55-260302-3002');
  });

  it('refuses invalid input without writing anything', async () => {
    const { db, repo } = await setup();
    const before = await snapshot(db);
    const result = await repo.receiveRecord(input({ setsCount: 0 }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('records.invalid-input');
      expect(result.error.path).toBe('setsCount');
    }
    const dueBefore = await repo.receiveRecord(input({ dueAt: mondayMorning - hour }));
    expect(!dueBefore.ok && dueBefore.error.code).toBe('records.due-before-receipt');
    expect(await snapshot(db)).toEqual(before);
  });

  it('reports an exhausted daily sequence and writes nothing', async () => {
    const { db, repo } = await setup();
    await db.settings.put({ key: 'records.codeSequence', value: { lastByDay: { '260302': 999 } } });
    const before = await snapshot(db);
    const result = await repo.receiveRecord(input());
    expect(!result.ok && result.error.code).toBe('records.sequence-exhausted');
    expect(await snapshot(db)).toEqual(before);
  });

  it('reports a corrupt sequence setting instead of guessing', async () => {
    const { db, repo } = await setup();
    await db.settings.put({ key: 'records.codeSequence', value: 'garbage' });
    const result = await repo.receiveRecord(input());
    expect(!result.ok && result.error.code).toBe('store.corrupt-setting');
  });
});

describe('atomicity', () => {
  it('leaves nothing written when the audit write fails mid-transaction, and ids stay gap-free', async () => {
    const { db, repo } = await setup();
    const first = await receiveOk(repo);
    const before = await snapshot(db);

    const failAudit = () => {
      throw new Error('disk on fire');
    };
    db.audit.hook('creating', failAudit);
    const failedReceive = await repo.receiveRecord(input());
    const failedMove = await repo.transitionRecord(first.id, { to: 4, actor: processor });
    db.audit.hook('creating').unsubscribe(failAudit);

    for (const failed of [failedReceive, failedMove]) {
      expect(failed.ok).toBe(false);
      if (!failed.ok) {
        expect(failed.error.code).toBe('store.write-failed');
        expect(failed.error.message).toContain('không có thay đổi nào được ghi');
        expect(failed.error.messageEn).toContain('disk on fire');
      }
    }
    expect(await snapshot(db)).toEqual(before);

    const second = await receiveOk(repo);
    expect(second.code).toBe('000.00.15.H55-260302-3002');
    const moved = await repo.transitionRecord(first.id, { to: 4, actor: processor });
    expect(moved.ok).toBe(true);
    expect((await db.outbox.toArray()).map((row) => row.mutationId)).toEqual([1, 2, 3]);
  });

  it('keeps mutation ids gap-free through refused transitions and concurrent receipts', async () => {
    const { db, repo } = await setup();
    const concurrent = await Promise.all(Array.from({ length: 20 }, () => repo.receiveRecord(input())));
    const records = concurrent.map((r) => {
      if (!r.ok) throw new Error(r.error.messageEn);
      return r.value;
    });
    expect(new Set(records.map((r) => r.code)).size).toBe(20);
    expect(records.map((r) => r.code).sort()).toEqual(Array.from({ length: 20 }, (_, i) => `000.00.15.H55-260302-${3001 + i}`));

    const [a, b] = records;
    if (a === undefined || b === undefined) throw new Error('setup');
    expect((await repo.transitionRecord(a.id, { to: 10, actor: processor })).ok).toBe(false);
    expect((await repo.transitionRecord(a.id, { to: 5, actor: processor })).ok).toBe(false); // no reason
    expect((await repo.transitionRecord('missing', { to: 4, actor: processor })).ok).toBe(false);
    expect((await repo.transitionRecord(b.id, { to: 4, actor: processor })).ok).toBe(true);
    expect((await repo.transitionRecord(a.id, { to: 7, actor: processor })).ok).toBe(true);

    const ids = (await db.outbox.orderBy('mutationId').toArray()).map((row) => row.mutationId);
    expect(ids).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
  });
});

describe('moving a record', () => {
  it('writes the new status, its history row, outbox row, audit entry and counts together', async () => {
    const { db, repo, clock } = await setup();
    const record = await receiveOk(repo);
    clock.advance(hour);
    const moved = await repo.transitionRecord(record.id, { to: 4, actor: processor, toUnit: 'H55.242', expectedVersion: 1 });
    expect(moved.ok).toBe(true);
    if (!moved.ok) return;
    expect(moved.value).toMatchObject({ status: 4, version: 2, holderUnitId: 'H55.242' });
    expect((await db.records.get(record.id))?.status).toBe(4);

    const history = await repo.getHistory(record.id);
    expect(history.ok && history.value.map((e) => [e.seq, e.from, e.to, e.toUnit])).toEqual([
      [1, null, 2, undefined],
      [2, 2, 4, 'H55.242'],
    ]);
    const outbox = await db.outbox.toArray();
    expect(outbox[1]).toMatchObject({ mutationId: 2, kind: 'record.transition', payload: { baseVersion: 1, event: { seq: 2, to: 4 } } });
    expect(await db.audit.count()).toBe(2);
    const counts = await repo.dailyCounts('2026-03-02');
    expect(counts.ok && sumDailyCounts(counts.value)).toEqual({ entered: { 2: 1, 4: 1 }, inStatus: { 4: 1 }, early: 0, onTime: 0, overdue: 0 });
  });

  it('refuses a stale screen and a missing record, bilingually', async () => {
    const { repo } = await setup();
    const record = await receiveOk(repo);
    await repo.transitionRecord(record.id, { to: 4, actor: processor });
    const stale = await repo.transitionRecord(record.id, { to: 9, actor: processor, expectedVersion: 1 });
    expect(!stale.ok && stale.error.code).toBe('store.stale-record');
    expect(!stale.ok && stale.error.message).toContain('phiên bản 2');
    const missing = await repo.transitionRecord('nope', { to: 4, actor: processor });
    expect(!missing.ok && missing.error.code).toBe('store.record-not-found');
  });

  it('passes the lifecycle’s refusal through', async () => {
    const { repo } = await setup();
    const record = await receiveOk(repo);
    const refused = await repo.transitionRecord(record.id, { to: 10, actor: processor });
    expect(!refused.ok && refused.error.code).toBe('records.transition-not-allowed');
    expect(!refused.ok && refused.error.message).toContain('Đã trả kết quả');
  });
});

describe('finding records', () => {
  it('gets a record by code, whatever the case typed', async () => {
    const { repo } = await setup();
    const record = await receiveOk(repo);
    const found = await repo.getRecordByCode(' 000.00.15.h55-260302-3001 ');
    expect(found.ok && found.value).toEqual(record);
    const none = await repo.getRecordByCode('000.00.15.H55-260302-3999');
    expect(none.ok && none.value).toBeNull();
  });

  it('pages through records due before a time, earliest first, across ties', async () => {
    const { repo } = await setup();
    const dues = [3, 1, 2, 2, 2, 2, 5, 9].map((d) => mondayMorning + d * day);
    const received = [];
    for (const dueAt of dues) received.push(await receiveOk(repo, { dueAt }));
    const seen: string[] = [];
    let after: { dueAt: number; id: string } | undefined;
    for (let page = 0; page < 10; page += 1) {
      const result = await repo.listByStatusDueBefore(2, mondayMorning + 5 * day, { limit: 2, ...(after === undefined ? {} : { after }) });
      if (!result.ok) throw new Error(result.error.messageEn);
      seen.push(...result.value.records.map((r) => r.id));
      if (result.value.next === null) break;
      after = result.value.next;
    }
    const expected = received
      .filter((r) => (r.dueAt ?? 0) < mondayMorning + 5 * day)
      .sort((x, y) => (x.dueAt ?? 0) - (y.dueAt ?? 0) || (x.id < y.id ? -1 : 1))
      .map((r) => r.id);
    expect(seen).toEqual(expected);
    expect(seen).toHaveLength(6);
    const other = await repo.listByStatusDueBefore(4, mondayMorning + 30 * day);
    expect(other.ok && other.value).toEqual({ records: [], next: null });
  });

  it('finds a citizen’s files newest first, by the file owner', async () => {
    const { repo, clock } = await setup();
    const older = await receiveOk(repo);
    clock.advance(hour);
    const newer = await receiveOk(repo);
    const forGrandma = await receiveOk(repo, { owner: { fullName: 'Phạm Thị Dung', idNumber: '001150099999' } });
    const mine = await repo.findByCitizenId('001090012345');
    expect(mine.ok && mine.value.map((r) => r.id)).toEqual([newer.id, older.id]);
    const hers = await repo.findByCitizenId('001150099999');
    expect(hers.ok && hers.value.map((r) => r.id)).toEqual([forGrandma.id]);
    const limited = await repo.findByCitizenId('001090012345', { limit: 1 });
    expect(limited.ok && limited.value).toHaveLength(1);
  });

  it('searches by folded name prefix, whatever tones, case or tone placement', async () => {
    const { repo } = await setup();
    const submitter = sampleReceipt().submitter;
    await receiveOk(repo, { submitter: { ...submitter, fullName: 'Nguyễn Văn An' } });
    await receiveOk(repo, { submitter: { ...submitter, fullName: 'Lê Thị Hoà', idNumber: '001190000001' } });
    await receiveOk(repo, { submitter: { ...submitter, fullName: 'Đỗ Đức Hòa', idNumber: '001190000002' } });
    const names = async (q: string) => {
      const r = await repo.searchByName(q);
      return r.ok ? r.value.map((x) => x.submitter.fullName) : [];
    };
    expect(await names('nguyen van')).toEqual(['Nguyễn Văn An']);
    expect(await names('NGUYỄN')).toEqual(['Nguyễn Văn An']);
    expect(await names('le thi hoa')).toEqual(['Lê Thị Hoà']);
    expect(await names('lê thị hòa')).toEqual(['Lê Thị Hoà']);
    expect(await names('do duc')).toEqual(['Đỗ Đức Hòa']);
    expect(await names('   ')).toEqual([]);
  });
});

describe('daily counts', () => {
  it('counts early, on-time and overdue finishes on the finishing day', async () => {
    const { repo, clock } = await setup();
    const early = await receiveOk(repo, { dueAt: mondayMorning + 2 * day });
    const onTime = await receiveOk(repo, { dueAt: mondayMorning + day });
    const late = await receiveOk(repo, { dueAt: mondayMorning + 2 * hour });
    clock.set(mondayMorning + day + hour);
    for (const r of [early, onTime, late]) expect((await repo.transitionRecord(r.id, { to: 9, actor: processor })).ok).toBe(true);
    const tuesday = await repo.dailyCounts(countingDayOf(mondayMorning + day));
    expect(tuesday.ok && sumDailyCounts(tuesday.value)).toEqual({ entered: { 9: 3 }, inStatus: {}, early: 1, onTime: 1, overdue: 1 });
    const monday = await repo.dailyCounts('2026-03-02');
    expect(monday.ok && sumDailyCounts(monday.value)).toEqual({ entered: { 2: 3 }, inStatus: { 9: 3 }, early: 0, onTime: 0, overdue: 0 });
  });

  it('incremental counts always equal a rebuild from the records', async () => {
    // Weighted towards moves so most runs walk records deep into their lifecycle.
    const operation = fc.oneof(
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('receive' as const), dueDays: fc.integer({ min: 0, max: 5 }), channel: fc.constantFrom<1 | 2 | 3>(1, 2, 3), field: fc.constantFrom('ho-tich', 'chung-thuc') }) },
      { weight: 6, arbitrary: fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), choice: fc.nat(), dueDays: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }) }) },
      { weight: 2, arbitrary: fc.record({ kind: fc.constant('wait' as const), hours: fc.integer({ min: 1, max: 30 }) }) },
    );
    let transitions = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 10, maxLength: 40, size: 'max' }), async (ops) => {
        const { db, repo, clock } = await setup();
        const ids: string[] = [];
        for (const op of ops) {
          if (op.kind === 'wait') clock.advance(op.hours * hour);
          else if (op.kind === 'receive') {
            const base = sampleReceipt();
            const r = await receiveOk(repo, {
              dueAt: clock.now() + op.dueDays * day,
              channel: op.channel,
              procedure: { ...base.procedure, fieldCode: op.field },
            });
            ids.push(r.id);
          } else if (ids.length > 0) {
            const id = ids[op.pick % ids.length] ?? '';
            const current = await repo.getRecord(id);
            if (!current.ok || current.value === null) throw new Error('lost record');
            const options = nextStatuses(current.value);
            const to: RecordStatus | undefined = options[op.choice % Math.max(options.length, 1)];
            if (to === undefined) continue;
            const moved = await repo.transitionRecord(id, {
              to,
              actor: processor,
              note: 'Lý do',
              ...(to === current.value.status ? { toUnit: `H55.${op.choice % 1000}` } : {}),
              ...(op.dueDays === undefined || to === current.value.status ? {} : { dueAt: clock.now() + op.dueDays * day }),
            });
            if (!moved.ok && moved.error.code !== 'records.nothing-changed') throw new Error(moved.error.messageEn);
            if (moved.ok) transitions += 1;
          }
        }
        const incremental = (await db.dailyCounts.toArray()).sort(byKey);
        const rebuilt = await repo.repairDailyCounts();
        expect(rebuilt.ok).toBe(true);
        expect((await db.dailyCounts.toArray()).sort(byKey)).toEqual(incremental);
        // Every record is counted exactly once in its current status.
        expect(sumDailyCounts(incremental).inStatus).toEqual(
          (await db.records.toArray()).reduce<Partial<Record<RecordStatus, number>>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {}),
        );
        db.close();
      }),
      { numRuns: 40 },
    );
    // Guards against a generator that stops exercising transitions (observed: ~7 per run).
    expect(transitions).toBeGreaterThan(40 * 2);
  });
});

function byKey(a: { day: string; counterId: string; fieldCode: string; channel: number }, b: typeof a): number {
  return JSON.stringify([a.day, a.counterId, a.fieldCode, a.channel]) < JSON.stringify([b.day, b.counterId, b.fieldCode, b.channel]) ? -1 : 1;
}

describe('log book period query', () => {
  it('lists the files received in a half-open period, in receipt order', async () => {
    const { repo } = await setup();
    const first = await receiveOk(repo, { at: mondayMorning });
    const second = await receiveOk(repo, { at: mondayMorning + hour });
    await receiveOk(repo, { at: mondayMorning + day, dueAt: mondayMorning + 3 * day });
    const monday = await repo.listReceivedBetween(mondayMorning - hour, mondayMorning + day);
    expect(monday.ok && monday.value.map((r) => r.code)).toEqual([first.code, second.code]);
  });
});

describe('refusing a file at the counter', () => {
  const refusal = () => {
    const { dueAt: _dueAt, ...registration } = sampleReceipt();
    return { ...registration, officer: sampleOfficer, reason: 'Thủ tục không thuộc thẩm quyền của xã' };
  };

  it('registers and refuses in one transaction: a code, two history rows, two outbox rows, counted as refused', async () => {
    const { db, repo } = await setup();
    const result = await repo.refuseRecord(refusal());
    if (!result.ok) throw new Error(result.error.messageEn);
    const record = result.value;
    expect(record.status).toBe(3);
    expect(record.code).toBe('000.00.15.H55-260302-3001');
    expect(record.history.map((e) => [e.from, e.to, e.note ?? null])).toEqual([
      [null, 1, null],
      [1, 3, 'Thủ tục không thuộc thẩm quyền của xã'],
    ]);
    expect((await db.outbox.toArray()).map((row) => [row.mutationId, row.kind])).toEqual([
      [1, 'record.receive'],
      [2, 'record.transition'],
    ]);
    expect((await db.records.get(record.id))?.status).toBe(3);
    const counts = await repo.dailyCounts('2026-03-02');
    expect(counts.ok && counts.value[0]?.entered).toMatchObject({ 3: 1 });
  });

  it('refuses without a reason and writes nothing', async () => {
    const { db, repo } = await setup();
    const before = await snapshot(db);
    const result = await repo.refuseRecord({ ...refusal(), reason: '  ' });
    expect(result.ok).toBe(false);
    expect(await snapshot(db)).toEqual(before);
  });
});

describe('statistics over a period', () => {
  it('sums the aggregates of the days in the period, and only those', async () => {
    const { repo, clock } = await setup();
    await receiveOk(repo);
    clock.advance(day);
    await receiveOk(repo, { dueAt: mondayMorning + 3 * day });
    clock.advance(day);
    await receiveOk(repo, { dueAt: mondayMorning + 4 * day });
    const period = await repo.dailyCountsBetween('2026-03-02', '2026-03-03');
    expect(period.ok && period.value.map((row) => row.day)).toEqual(['2026-03-02', '2026-03-03']);
    const all = await repo.dailyCountsBetween('2026-03-01', '2026-03-31');
    expect(all.ok && sumDailyCounts(all.value).entered[2]).toBe(3);
    const none = await repo.dailyCountsBetween('2026-04-01', '2026-04-30');
    expect(none.ok && none.value).toEqual([]);
  });
});

describe('storage full', () => {
  it('a QuotaExceededError while receiving: a clear bilingual failure, nothing half-written, and the next try succeeds', async () => {
    const { db, repo } = await setup();
    await receiveOk(repo);
    const before = await snapshot(db);
    let full = true;
    db.close();
    // The browser refuses the write the way IndexedDB does when the origin's quota is used up.
    db.use({
      stack: 'dbcore',
      name: 'quota-exhausted',
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return { ...table, mutate: (req) => (full && name === 'records' ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : table.mutate(req)) };
        },
      }),
    });
    await db.open();
    const refused = await repo.receiveRecord(input());
    expect(!refused.ok && refused.error.code).toBe('store.quota-exceeded');
    expect(!refused.ok && refused.error.message).toMatch(/Bộ nhớ của máy đã đầy/);
    expect(!refused.ok && refused.error.messageEn.length).toBeGreaterThan(10);
    expect(await snapshot(db)).toEqual(before);
    full = false;
    const saved = await repo.receiveRecord(input());
    expect(saved.ok).toBe(true);
  });
});

describe('finding files by phone', () => {
  it('finds the files of the citizen who left the phone number, however it is written', async () => {
    const { repo } = await setup();
    const receipt = sampleReceipt();
    const record = await receiveOk(repo, { submitter: { ...receipt.submitter, phone: '0912345678' } });
    for (const typed of ['0912345678', '0912 345 678', '+84912345678']) {
      const found = await repo.findByPhone(typed);
      expect(found.ok && found.value.map((r) => r.code)).toEqual([record.code]);
    }
    const none = await repo.findByPhone('0987654321');
    expect(none.ok && none.value).toEqual([]);
  });
});
