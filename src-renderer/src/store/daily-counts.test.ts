import { describe, expect, it } from 'vitest';
import { classifyTimeliness } from '../../../src-shared/domain/calendar';
import { receive, transition, type AdministrativeRecord } from '../../../src-shared/domain/records';
import { hour, mondayMorning, sampleOfficer, sampleReceipt, sampleUnitId } from '../../../src-shared/domain/records/fixtures.testing';
import { contributionOf, countingDayOf } from './daily-counts';

/** Received Monday 08:00, due `dueAt`, done at `finishedAt`. */
function finished(dueAt: number, finishedAt: number): AdministrativeRecord {
  const origin = { id: '0195f1c2-0000-7000-8000-000000000001', code: '000.00.15.H55-260302-3001', unitId: sampleUnitId, kioskId: 'kiosk-3', counterId: 'quay-1', at: mondayMorning, actor: sampleOfficer };
  const created = receive(sampleReceipt({ dueAt }), origin);
  if (!created.ok) throw new Error(created.error.messageEn);
  const processing = transition(created.value.record, { to: 4, at: mondayMorning + hour, actor: sampleOfficer });
  if (!processing.ok) throw new Error(processing.error.messageEn);
  const done = transition(processing.value.record, { to: 9, at: finishedAt, actor: sampleOfficer });
  if (!done.ok) throw new Error(done.error.messageEn);
  return done.value.record;
}

describe('the counting day', () => {
  it('is the Vietnamese (UTC+7) date, whatever the host zone', () => {
    const vnMidnight = Date.UTC(2026, 2, 1, 17, 0); // 2026-03-02 00:00 in Vietnam
    expect(countingDayOf(vnMidnight - 1)).toBe('2026-03-01');
    expect(countingDayOf(vnMidnight)).toBe('2026-03-02');
  });
});

// Daily counts classify finishes with the working-day calendar's classifyTimeliness (there is no second copy).
describe('punctuality', () => {
  it('compares Vietnamese days, not instants', () => {
    const due = Date.UTC(2026, 2, 4, 9, 0); // 16:00 in Vietnam
    expect(classifyTimeliness(Date.UTC(2026, 2, 3, 9, 0), due)).toBe('early');
    expect(classifyTimeliness(Date.UTC(2026, 2, 4, 10, 30), due)).toBe('on-time');
    expect(classifyTimeliness(Date.UTC(2026, 2, 4, 16, 59), due)).toBe('on-time');
    expect(classifyTimeliness(Date.UTC(2026, 2, 4, 17, 0), due)).toBe('overdue');
  });

  it('counts each finish in its column, on the finishing day', () => {
    const due = Date.UTC(2026, 2, 4, 9, 0);
    const cases = [
      { finishedAt: Date.UTC(2026, 2, 3, 9, 0), day: '2026-03-03', early: 1, onTime: 0, overdue: 0 },
      { finishedAt: Date.UTC(2026, 2, 4, 16, 59), day: '2026-03-04', early: 0, onTime: 1, overdue: 0 },
      { finishedAt: Date.UTC(2026, 2, 4, 17, 0), day: '2026-03-05', early: 0, onTime: 0, overdue: 1 },
    ];
    for (const { finishedAt, day, early, onTime, overdue } of cases) {
      const row = [...contributionOf(finished(due, finishedAt)).values()].find((r) => r.day === day);
      expect(row && { early: row.early, onTime: row.onTime, overdue: row.overdue }).toEqual({ early, onTime, overdue });
    }
  });
});
