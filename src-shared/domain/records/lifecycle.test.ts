import { describe, expect, it } from 'vitest';
import { day, hour, mondayMorning, sampleOfficer, sampleReceipt, sampleUnitId } from './fixtures.testing';
import { allowedTransitions, isFinalStatus, nextStatuses, transition, type TransitionInput } from './lifecycle';
import { administrativeRecordSchema, type AdministrativeRecord } from './record';
import { receive, registerOnline } from './receipt';
import { recordStatuses, type RecordStatus } from './status';

const origin = {
  id: '0195f1c2-0000-7000-8000-000000000001',
  code: '000.00.15.H55-260302-3001',
  unitId: sampleUnitId,
  kioskId: 'kiosk-3',
  counterId: 'quay-1',
  at: mondayMorning,
  actor: sampleOfficer,
};
const processor = { officerId: 'cb-07', name: 'Lê Văn Cường' };

function received(): AdministrativeRecord {
  const r = receive(sampleReceipt(), origin);
  if (!r.ok) throw new Error(r.error.messageEn);
  return r.value.record;
}

function step(record: AdministrativeRecord, input: Omit<TransitionInput, 'actor'> & { actor?: TransitionInput['actor'] }) {
  const r = transition(record, { actor: processor, ...input });
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.messageEn}`);
  return r.value;
}

/** A record sitting in `status`, received or not, built directly: the matrix test checks the table, not paths. */
function sitting(status: RecordStatus, wasReceived: boolean): AdministrativeRecord {
  const base = received();
  if (wasReceived) return { ...base, status };
  const { receivedAt: _r, receivingOfficer: _o, dueAt: _d, ...rest } = base;
  return { ...rest, status };
}

function goodInput(record: AdministrativeRecord, to: RecordStatus): TransitionInput {
  return {
    to,
    at: mondayMorning + hour,
    actor: processor,
    note: 'Lý do ghi rõ',
    ...(to === 2 ? { dueAt: mondayMorning + 3 * day } : {}),
    ...(record.status === to ? { toUnit: 'H55.242' } : {}),
  };
}

describe('the transition table', () => {
  const stages: { status: RecordStatus; wasReceived: boolean }[] = recordStatuses.flatMap((status) => {
    const before = status === 1 || status === 3 || status === 5 || status === 7;
    const after = status !== 1 && status !== 3;
    return [...(before ? [{ status, wasReceived: false }] : []), ...(after ? [{ status, wasReceived: true }] : [])];
  });

  it.each(stages)('from $status (received: $wasReceived) allows exactly the table’s moves for that stage', ({ status, wasReceived }) => {
    const record = sitting(status, wasReceived);
    for (const to of recordStatuses) {
      const result = transition(record, goodInput(record, to));
      const stageAllows = wasReceived ? to !== 2 && to !== 3 : ![4, 6, 8, 9, 10].includes(to);
      const expected = allowedTransitions[status].includes(to) && stageAllows;
      expect({ to, ok: result.ok }).toEqual({ to, ok: expected });
    }
  });

  it('has 3, 7 and 10 as its only final statuses', () => {
    expect(recordStatuses.filter(isFinalStatus)).toEqual([3, 7, 10]);
  });

  it('lists the next statuses an officer may pick', () => {
    expect(nextStatuses(received())).toEqual([4, 5, 6, 7, 8, 9]);
    expect(nextStatuses(sitting(5, false))).toEqual([2, 3, 7]);
    expect(nextStatuses(sitting(5, true))).toEqual([4, 6, 7, 8]);
  });
});

describe('a record’s life at a one-stop counter', () => {
  it('records every hand-over, the supplement pause, completion and return', () => {
    const r0 = received();
    const toAgency = step(r0, { to: 4, at: mondayMorning + hour, toUnit: 'H55.242', note: 'Chuyển phòng Tư pháp' });
    expect(toAgency.event).toMatchObject({ seq: 2, from: 2, to: 4, fromUnit: sampleUnitId, toUnit: 'H55.242', form: '06' });
    expect(toAgency.record.holderUnitId).toBe('H55.242');

    const onward = step(toAgency.record, { to: 4, at: mondayMorning + 2 * hour, toUnit: 'H55.242.1' });
    expect(onward.event).toMatchObject({ seq: 3, from: 4, to: 4, fromUnit: 'H55.242', toUnit: 'H55.242.1', form: '06' });

    const supplement = step(onward.record, { to: 5, at: mondayMorning + day, note: 'Thiếu bản sao giấy kết hôn' });
    expect(supplement.event.form).toBe('02');
    expect(supplement.record.pauses).toEqual([{ kind: 'supplement', from: mondayMorning + day }]);

    const newDue = mondayMorning + 4 * day;
    const resumed = step(supplement.record, { to: 4, at: mondayMorning + 2 * day, dueAt: newDue });
    expect(resumed.record.pauses).toEqual([{ kind: 'supplement', from: mondayMorning + day, to: mondayMorning + 2 * day }]);
    expect(resumed.record.dueAt).toBe(newDue);
    expect(resumed.event).toMatchObject({ dueAt: newDue, previousDueAt: mondayMorning + 2 * day });

    const done = step(resumed.record, { to: 9, at: mondayMorning + 3 * day, toUnit: sampleUnitId });
    expect(done.record.finishedAt).toBe(mondayMorning + 3 * day);
    const returned = step(done.record, { to: 10, at: mondayMorning + 3 * day + hour, actor: sampleOfficer });
    expect(returned.record).toMatchObject({ status: 10, finishedAt: mondayMorning + 3 * day, returnedAt: mondayMorning + 3 * day + hour });
    expect(returned.record.history.map((e) => [e.seq, e.from, e.to])).toEqual([
      [1, null, 2],
      [2, 2, 4],
      [3, 4, 4],
      [4, 4, 5],
      [5, 5, 4],
      [6, 4, 9],
      [7, 9, 10],
    ]);
    expect(returned.record.version).toBe(7);
    expect(administrativeRecordSchema.safeParse(returned.record).success).toBe(true);
  });

  it('receives an online registration after the citizen supplements it', () => {
    const { record } = registerOnline({ ...sampleReceipt({ channel: 2 }) }, { ...origin, at: mondayMorning - day });
    expect(record.status).toBe(1);
    expect(record.receivedAt).toBeUndefined();
    const asked = step(record, { to: 5, at: mondayMorning - hour, note: 'Ảnh chụp tờ khai bị mờ' });
    const got = step(asked.record, { to: 2, at: mondayMorning, dueAt: mondayMorning + 2 * day, actor: sampleOfficer });
    expect(got.record).toMatchObject({ status: 2, receivedAt: mondayMorning, receivingOfficer: sampleOfficer, dueAt: mondayMorning + 2 * day });
    expect(got.event.form).toBe('01');
    expect(got.record.pauses).toEqual([{ kind: 'supplement', from: mondayMorning - hour, to: mondayMorning }]);
  });

  it('moves between payment and supplement pauses, closing one before opening the other', () => {
    const pay = step(received(), { to: 6, at: mondayMorning + hour });
    const more = step(pay.record, { to: 5, at: mondayMorning + 2 * hour, note: 'Bổ sung biên lai' });
    expect(more.record.pauses).toEqual([
      { kind: 'payment', from: mondayMorning + hour, to: mondayMorning + 2 * hour },
      { kind: 'supplement', from: mondayMorning + 2 * hour },
    ]);
  });

  it('marks a withdrawal as finished', () => {
    const out = step(received(), { to: 7, at: mondayMorning + hour });
    expect(out.record.finishedAt).toBe(mondayMorning + hour);
    expect(isFinalStatus(out.record.status)).toBe(true);
  });

  it('prints an extension as form 04 and requires its reason', () => {
    const processing = step(received(), { to: 4, at: mondayMorning + hour }).record;
    const noReason = transition(processing, { to: 4, at: mondayMorning + day, actor: processor, dueAt: mondayMorning + 5 * day });
    expect(!noReason.ok && noReason.error.code).toBe('records.reason-required');
    const extended = step(processing, { to: 4, at: mondayMorning + day, dueAt: mondayMorning + 5 * day, note: 'Chờ xác minh' });
    expect(extended.event).toMatchObject({ form: '04', dueAt: mondayMorning + 5 * day, previousDueAt: mondayMorning + 2 * day });
  });

  it('does not change the record it was given', () => {
    const r0 = received();
    const snapshot = structuredClone(r0);
    step(r0, { to: 5, at: mondayMorning + hour, note: 'Thiếu giấy tờ' });
    expect(r0).toEqual(snapshot);
  });
});

describe('refused transitions explain themselves in both languages', () => {
  const cases: { name: string; record: () => AdministrativeRecord; input: TransitionInput; code: string }[] = [
    { name: 'out of a final status', record: () => sitting(10, true), input: { to: 4, at: mondayMorning, actor: processor }, code: 'records.final-status' },
    { name: 'a move not in the table', record: () => sitting(9, true), input: { to: 4, at: mondayMorning, actor: processor }, code: 'records.transition-not-allowed' },
    { name: 'refusal after receipt', record: () => sitting(5, true), input: { to: 3, at: mondayMorning, actor: processor, note: 'x' }, code: 'records.already-received' },
    { name: 'processing before receipt', record: () => sitting(5, false), input: { to: 4, at: mondayMorning, actor: processor }, code: 'records.not-yet-received' },
    { name: 'a supplement request without reason', record: received, input: { to: 5, at: mondayMorning, actor: processor, note: '  ' }, code: 'records.reason-required' },
    { name: 'a stop without reason', record: received, input: { to: 8, at: mondayMorning, actor: processor }, code: 'records.reason-required' },
    { name: 'receipt without due date', record: () => sitting(1, false), input: { to: 2, at: mondayMorning, actor: processor }, code: 'records.due-date-required' },
    { name: 'receipt due before it', record: () => sitting(1, false), input: { to: 2, at: mondayMorning, actor: processor, dueAt: mondayMorning - 1 }, code: 'records.due-before-receipt' },
    { name: 'a hand-over to nobody', record: () => sitting(4, true), input: { to: 4, at: mondayMorning, actor: processor, toUnit: sampleUnitId }, code: 'records.nothing-changed' },
  ];

  it.each(cases)('$name', ({ record, input, code }) => {
    const result = transition(record(), input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message).toMatch(/hồ sơ|lý do|ngày hẹn|đơn vị/i);
      expect(result.error.messageEn.length).toBeGreaterThan(10);
      expect(result.error.message).not.toBe(result.error.messageEn);
    }
  });

  it('names both statuses', () => {
    const result = transition(sitting(9, true), { to: 4, at: mondayMorning, actor: processor });
    expect(!result.ok && result.error.message).toContain('Đã xử lý xong');
    expect(!result.ok && result.error.messageEn).toContain('"Processing"');
  });
});
