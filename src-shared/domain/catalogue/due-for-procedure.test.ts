import { readFileSync } from 'node:fs';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { computeDue, formatInstant, parseOfficeHours } from '../calendar';
import type { ProcessingDuration, ProcessingTime } from '../calendar';
import { dueForProcedure } from './due-for-procedure';
import type { ProcedureDueRequest } from './due-for-procedure';
import { importCatalogueJson } from './importer';
import type { Procedure, durationSchema } from './procedure';
import { at, testCalendar as calendar } from '../calendar/fixtures.testing';

const report = importCatalogueJson(readFileSync(new URL('../../../assets/catalogue/sample-catalogue.json', import.meta.url), 'utf8'));
const byCode = (code: string): Procedure => {
  const found = report.procedures.find((p) => p.nationalCode === code);
  if (found === undefined) throw new Error(`${code} is not in the sample catalogue`);
  return found;
};
const dueOf = (code: string, received: string, options: Partial<Pick<ProcedureDueRequest, 'verificationNeeded' | 'officeHours'>> = {}) => {
  const result = dueForProcedure({ procedure: byCode(code), receivedAt: at(received), calendar, ...options });
  if (!result.ok) throw new Error(result.error.messageEn);
  return result.value;
};
const dueText = (...args: Parameters<typeof dueOf>): string => formatInstant(dueOf(...args).dueAt);
const tetDays = ['14', '15', '16', '17', '18', '19', '20', '21', '22'].map((d) => `2026-02-${d}`);

describe('one processing-time type for the catalogue and the calendar', () => {
  it("the catalogue's parsed processing time is the calendar's, with the same units", () => {
    expectTypeOf<Procedure['processingTime']>().toExtend<ProcessingTime>();
    expectTypeOf<Procedure['processingTime']['unit']>().toEqualTypeOf<ProcessingTime['unit']>();
    expectTypeOf<z.output<typeof durationSchema>>().toExtend<ProcessingDuration>();
    expectTypeOf<z.output<typeof durationSchema>['unit']>().toEqualTypeOf<ProcessingDuration['unit']>();
  });

  it("a procedure's processing time goes to computeDue as it is", () => {
    const result = computeDue({ receivedAt: at('2026-03-09T10:00+07:00'), processingTime: byCode('1.004222').processingTime, calendar });
    expect(result.ok && formatInstant(result.value.dueAt)).toBe('2026-03-18T10:00:00+07:00');
  });
});

describe('dueForProcedure on the sample catalogue (2026 calendar)', () => {
  it('birth registration 1.001193 after the 15:00 cut-off is due at closing of the next working day', () => {
    // Thu 12 Feb 16:00: Fri 13 Feb is still worked (Tết is 14–22 Feb), so due Fri 13 Feb 17:00.
    expect(dueText('1.001193', '2026-02-12T16:00+07:00')).toBe('2026-02-13T17:00:00+07:00');
    expect(dueOf('1.001193', '2026-02-12T16:00+07:00').skipped).toEqual([]);
    // Fri 13 Feb 16:00, the last working day before Tết: due Mon 23 Feb 17:00, the nine Tết days skipped.
    const beforeTet = dueOf('1.001193', '2026-02-13T16:00+07:00');
    expect(formatInstant(beforeTet.dueAt)).toBe('2026-02-23T17:00:00+07:00');
    expect(beforeTet.skipped.map((d) => `${d.date} ${d.kind}`)).toEqual(tetDays.map((d) => `${d} holiday`));
    expect(beforeTet.processingTime).toEqual({ unit: 'same-day', cutOffHour: 15 });
    // By the cut-off: the same evening.
    expect(dueText('1.001193', '2026-02-12T15:00+07:00')).toBe('2026-02-12T17:00:00+07:00');
  });

  it('marriage 1.000894 is same-day, or 5 working days when the officer says it needs verification', () => {
    expect(dueText('1.000894', '2026-03-09T10:00+07:00')).toBe('2026-03-09T17:00:00+07:00');
    const verified = dueOf('1.000894', '2026-03-09T10:00+07:00', { verificationNeeded: true });
    expect(formatInstant(verified.dueAt)).toBe('2026-03-16T10:00:00+07:00');
    expect(verified.processingTime).toEqual({ unit: 'working-days', amount: 5 });
    // Across Tết: Thu 12 Feb 5 h, Fri 13 8 h, Mon 23 – Wed 25 24 h, Thu 26 07:00 + 3 h.
    const acrossTet = dueOf('1.000894', '2026-02-12T10:00+07:00', { verificationNeeded: true });
    expect(formatInstant(acrossTet.dueAt)).toBe('2026-02-26T10:00:00+07:00');
    expect(acrossTet.skipped.map((d) => d.date)).toEqual(tetDays);
  });

  it('recognition of parents 1.001022: 3 working days, 8 in all with verification', () => {
    expect(dueText('1.001022', '2026-03-09T10:00+07:00')).toBe('2026-03-12T10:00:00+07:00');
    expect(dueText('1.001022', '2026-03-09T10:00+07:00', { verificationNeeded: true })).toBe('2026-03-19T10:00:00+07:00');
  });

  it('a procedure with no verification limit keeps its own time when verification is needed', () => {
    const result = dueOf('1.004873', '2026-03-09T10:00+07:00', { verificationNeeded: true });
    expect(formatInstant(result.dueAt)).toBe('2026-03-12T10:00:00+07:00');
    expect(result.processingTime).toEqual({ unit: 'working-days', amount: 3 });
  });

  it('land dispute mediation 1.013975 counts 30 calendar days, moved off a weekend', () => {
    expect(byCode('1.013975').processingTime).toEqual({ unit: 'calendar-days', amount: 30 });
    const plain = dueOf('1.013975', '2026-03-09T10:00+07:00');
    expect(formatInstant(plain.dueAt)).toBe('2026-04-08T17:00:00+07:00');
    expect(plain.skipped).toEqual([]);
    // Thu 12 Mar + 30 = Sat 11 Apr: due Mon 13 Apr 17:00.
    const moved = dueOf('1.013975', '2026-03-12T10:00+07:00');
    expect(formatInstant(moved.dueAt)).toBe('2026-04-13T17:00:00+07:00');
    expect(moved.skipped.map((d) => `${d.date} ${d.kind}`)).toEqual(['2026-04-11 weekend', '2026-04-12 weekend']);
  });

  it("uses the Center's office hours", () => {
    const hours = parseOfficeHours({ sessions: [{ opens: '07:30', closes: '11:30' }, { opens: '13:00', closes: '16:30' }] });
    if (!hours.ok) throw new Error(hours.error.messageEn);
    expect(dueText('1.001193', '2026-03-09T10:00+07:00', { officeHours: hours.value })).toBe('2026-03-09T16:30:00+07:00');
  });

  it("passes the calendar's failures through, in both languages", () => {
    const result = dueForProcedure({ procedure: byCode('1.001193'), receivedAt: Date.UTC(2300, 0, 1), calendar });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('calendar.out-of-range');
      expect(result.error.message).toContain('2300');
      expect(result.error.messageEn).toContain('2300');
    }
  });
});
