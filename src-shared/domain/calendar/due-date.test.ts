import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeDue } from './due-date';
import type { DueDate } from './due-date';
import { DEFAULT_OFFICE_HOURS, parseOfficeHours } from './office-hours';
import type { OfficeHours } from './office-hours';
import { describeProcessingTime } from './processing-time';
import type { ProcessingTime } from './processing-time';
import { formatInstant, vietnamDayOf, vietnamTimeOfDay } from './vietnam-time';
import { dayStatusOfEpochDay } from './working-calendar';
import { workingTimeBetween } from './working-time';
import { at, testCalendar as calendar } from './fixtures.testing';

const days = (amount: number): ProcessingTime => ({ unit: 'working-days', amount });
const hours = (amount: number): ProcessingTime => ({ unit: 'working-hours', amount });
const calendarDays = (amount: number): ProcessingTime => ({ unit: 'calendar-days', amount });
const sameDay = (cutOffHour?: number): ProcessingTime => (cutOffHour === undefined ? { unit: 'same-day' } : { unit: 'same-day', cutOffHour });

const due = (received: string, processingTime: ProcessingTime, officeHours?: OfficeHours): DueDate => {
  const result = computeDue({ receivedAt: at(received), processingTime, calendar, ...(officeHours ? { officeHours } : {}) });
  if (!result.ok) throw new Error(result.error.messageEn);
  return result.value;
};
const dueText = (received: string, processingTime: ProcessingTime, officeHours?: OfficeHours): string =>
  formatInstant(due(received, processingTime, officeHours).dueAt);
const skippedOf = (received: string, processingTime: ProcessingTime) =>
  due(received, processingTime).skipped.map((s) => `${s.date} ${s.kind}`);

describe('due dates in working time (2026 calendar, 07:00–11:30 and 13:30–17:00)', () => {
  it('Mon 10:00 + 3 working days = Thu 10:00 in an ordinary week', () => {
    expect(dueText('2026-03-09T10:00+07:00', days(3))).toBe('2026-03-12T10:00:00+07:00');
    expect(due('2026-03-09T10:00+07:00', days(3)).skipped).toEqual([]);
  });

  it('a receipt after closing starts the next morning: Mon 17:30 + 1 day = Tue 17:00 (landing on closing stays there)', () => {
    const result = due('2026-03-09T17:30+07:00', days(1));
    expect(formatInstant(result.effectiveStart)).toBe('2026-03-10T07:00:00+07:00');
    expect(formatInstant(result.dueAt)).toBe('2026-03-10T17:00:00+07:00');
    expect(dueText('2026-03-09T17:00+07:00', days(1))).toBe('2026-03-10T17:00:00+07:00');
  });

  it('a receipt before opening starts at 07:00 the same day', () => {
    expect(dueText('2026-03-09T06:30+07:00', days(1))).toBe('2026-03-09T17:00:00+07:00');
  });

  it('a receipt at lunch starts at 13:30; ending exactly at 11:30 stays at 11:30', () => {
    const result = due('2026-03-09T12:00+07:00', days(1));
    expect(formatInstant(result.effectiveStart)).toBe('2026-03-09T13:30:00+07:00');
    // Mon 13:30–17:00 = 3.5 h, Tue 07:00–11:30 = 4.5 h: 8 h.
    expect(formatInstant(result.dueAt)).toBe('2026-03-10T11:30:00+07:00');
  });

  it('a receipt on Sunday starts Monday morning and lists the Sunday as skipped', () => {
    expect(dueText('2026-03-08T09:00+07:00', days(2))).toBe('2026-03-10T17:00:00+07:00');
    expect(due('2026-03-08T09:00+07:00', days(2)).skipped).toEqual([{ date: '2026-03-08', kind: 'weekend', reason: 'Chủ nhật', reasonEn: 'Sunday' }]);
  });

  it('jumps over Tết: Thu 12 Feb 10:00 + 3 days = Tue 24 Feb 10:00', () => {
    // Thu 12 10:00–17:00 = 5 h; Fri 13 = 8 h (13 h); 14–22 Feb off; Mon 23 = 8 h (21 h); Tue 24 07:00 + 3 h.
    expect(dueText('2026-02-12T10:00+07:00', days(3))).toBe('2026-02-24T10:00:00+07:00');
    expect(skippedOf('2026-02-12T10:00+07:00', days(3))).toEqual(
      ['14', '15', '16', '17', '18', '19', '20', '21', '22'].map((d) => `2026-02-${d} holiday`),
    );
    expect(due('2026-02-12T10:00+07:00', days(3)).skipped[3]).toEqual({
      date: '2026-02-17',
      kind: 'holiday',
      reason: 'Nghỉ Tết Nguyên đán',
      reasonEn: 'Lunar New Year holiday',
    });
  });

  it("jumps over Hùng Kings' day and its day in lieu: Fri 24 Apr 08:00 + 1 day = Tue 28 Apr 08:00", () => {
    // Fri 08:00–17:00 = 7 h; Sat 25, Sun 26 (Giỗ Tổ), Mon 27 (in lieu) off; Tue 07:00 + 1 h.
    expect(dueText('2026-04-24T08:00+07:00', days(1))).toBe('2026-04-28T08:00:00+07:00');
    expect(due('2026-04-24T08:00+07:00', days(1)).skipped.map((s) => [s.date, s.kind, s.reason])).toEqual([
      ['2026-04-25', 'weekend', 'Thứ Bảy'],
      ['2026-04-26', 'holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
      ['2026-04-27', 'compensatory', 'Nghỉ bù Giỗ Tổ Hùng Vương'],
    ]);
  });

  it('jumps over 30 Apr – 1 May: Wed 29 Apr 09:00 + 2 days = Tue 5 May 09:00', () => {
    // Wed 09:00–17:00 = 6 h; 30 Apr – 3 May off; Mon 4 May = 8 h (14 h); Tue 07:00 + 2 h.
    expect(dueText('2026-04-29T09:00+07:00', days(2))).toBe('2026-05-05T09:00:00+07:00');
    expect(skippedOf('2026-04-29T09:00+07:00', days(2))).toEqual([
      '2026-04-30 holiday',
      '2026-05-01 holiday',
      '2026-05-02 weekend',
      '2026-05-03 weekend',
    ]);
  });

  it('jumps over National Day with its swapped Monday: Fri 28 Aug 14:00 + 2 days = Fri 4 Sep 14:00', () => {
    // Fri 14:00–17:00 = 3 h; 29 Aug – 2 Sep off; Thu 3 Sep = 8 h (11 h); Fri 4 Sep 07:00–11:30 (15.5 h) + 0.5 h.
    expect(dueText('2026-08-28T14:00+07:00', days(2))).toBe('2026-09-04T14:00:00+07:00');
    expect(skippedOf('2026-08-28T14:00+07:00', days(2))).toEqual([
      '2026-08-29 weekend',
      '2026-08-30 weekend',
      '2026-08-31 announced-off',
      '2026-09-01 holiday',
      '2026-09-02 holiday',
    ]);
  });

  it('counts make-up Saturdays as working days', () => {
    // Fri 21 Aug 10:00–17:00 = 5 h; Sat 22 Aug is worked: 07:00 + 3 h.
    expect(dueText('2026-08-21T10:00+07:00', days(1))).toBe('2026-08-22T10:00:00+07:00');
    // Fri 9 Jan 13:30–17:00 = 3.5 h; Sat 10 Jan 07:00–11:30 = 4.5 h.
    expect(dueText('2026-01-09T13:30+07:00', days(1))).toBe('2026-01-10T11:30:00+07:00');
  });

  it("crosses New Year's: Wed 31 Dec 2025 15:00 + 1 day = Mon 5 Jan 2026 15:00", () => {
    expect(dueText('2025-12-31T15:00+07:00', days(1))).toBe('2026-01-05T15:00:00+07:00');
    expect(skippedOf('2025-12-31T15:00+07:00', days(1))).toEqual([
      '2026-01-01 holiday',
      '2026-01-02 announced-off',
      '2026-01-03 weekend',
      '2026-01-04 weekend',
    ]);
  });

  it('counts working hours and fractions of a day the same way', () => {
    expect(dueText('2026-03-09T16:00+07:00', hours(4))).toBe('2026-03-10T10:00:00+07:00');
    expect(dueText('2026-03-09T07:00+07:00', days(0.5))).toBe('2026-03-09T11:00:00+07:00');
    expect(dueText('2026-03-09T07:00+07:00', hours(8))).toBe('2026-03-09T17:00:00+07:00');
  });

  it('uses configured office hours: one session 08:00–16:00 makes a day 8 h', () => {
    const parsed = parseOfficeHours({ sessions: [{ opens: '08:00', closes: '16:00' }] });
    if (!parsed.ok) throw new Error(parsed.error.messageEn);
    expect(dueText('2026-03-09T10:00+07:00', days(1), parsed.value)).toBe('2026-03-10T10:00:00+07:00');
    expect(dueText('2026-03-09T07:30+07:00', days(1), parsed.value)).toBe('2026-03-09T16:00:00+07:00');
  });
});

describe('same-day procedures', () => {
  it('are due at closing of the receipt day when received by the cut-off (15:00 inclusive)', () => {
    expect(dueText('2026-03-09T10:00+07:00', sameDay())).toBe('2026-03-09T17:00:00+07:00');
    expect(dueText('2026-03-09T15:00+07:00', sameDay())).toBe('2026-03-09T17:00:00+07:00');
    expect(dueText('2026-03-09T06:45+07:00', sameDay())).toBe('2026-03-09T17:00:00+07:00');
    expect(dueText('2026-03-09T12:15+07:00', sameDay())).toBe('2026-03-09T17:00:00+07:00');
  });

  it('go to closing of the next working day after the cut-off, after closing, or on a day off', () => {
    expect(dueText('2026-03-09T15:01+07:00', sameDay())).toBe('2026-03-10T17:00:00+07:00');
    expect(dueText('2026-03-09T17:30+07:00', sameDay())).toBe('2026-03-10T17:00:00+07:00');
    expect(dueText('2026-03-08T09:00+07:00', sameDay())).toBe('2026-03-09T17:00:00+07:00');
    expect(dueText('2026-03-09T11:15+07:00', sameDay(11))).toBe('2026-03-10T17:00:00+07:00');
  });

  it('skip Tết when received late on the last day before it', () => {
    expect(dueText('2026-02-13T16:00+07:00', sameDay())).toBe('2026-02-23T17:00:00+07:00');
    expect(due('2026-02-13T16:00+07:00', sameDay()).skipped).toHaveLength(9);
  });
});

describe('calendar days ("không quá N ngày")', () => {
  it('count from the day after receipt, through weekends, to closing of the Nth day: Mon 9 Mar + 30 = Wed 8 Apr 17:00', () => {
    const result = due('2026-03-09T10:00+07:00', calendarDays(30));
    expect(formatInstant(result.effectiveStart)).toBe('2026-03-09T10:00:00+07:00');
    expect(formatInstant(result.dueAt)).toBe('2026-04-08T17:00:00+07:00');
    // The eight weekend days inside the period did not push anything, so none is listed.
    expect(result.skipped).toEqual([]);
  });

  it('have no cut-off: a receipt at 16:59 still counts that day as day 0', () => {
    expect(dueText('2026-03-09T16:59+07:00', calendarDays(1))).toBe('2026-03-10T17:00:00+07:00');
  });

  it('move an Nth day that is off to closing of the next working day, listing the days that pushed it', () => {
    // Mon 9 Mar + 5 = Sat 14 Mar.
    expect(dueText('2026-03-09T10:00+07:00', calendarDays(5))).toBe('2026-03-16T17:00:00+07:00');
    expect(skippedOf('2026-03-09T10:00+07:00', calendarDays(5))).toEqual(['2026-03-14 weekend', '2026-03-15 weekend']);
    // Thu 5 Feb + 10 = Sun 15 Feb, inside Tết (14–22 Feb): the count ran through Sat 14, which is not listed.
    expect(dueText('2026-02-05T10:00+07:00', calendarDays(10))).toBe('2026-02-23T17:00:00+07:00');
    expect(skippedOf('2026-02-05T10:00+07:00', calendarDays(10))).toEqual(
      ['15', '16', '17', '18', '19', '20', '21', '22'].map((d) => `2026-02-${d} holiday`),
    );
    // Wed 31 Dec 2025 + 1 = Thu 1 Jan: New Year's Day, the swapped Friday and the weekend.
    expect(dueText('2025-12-31T15:00+07:00', calendarDays(1))).toBe('2026-01-05T17:00:00+07:00');
    expect(skippedOf('2025-12-31T15:00+07:00', calendarDays(1))).toEqual([
      '2026-01-01 holiday',
      '2026-01-02 announced-off',
      '2026-01-03 weekend',
      '2026-01-04 weekend',
    ]);
  });

  it('end on a make-up Saturday, which is a working day', () => {
    expect(dueText('2026-01-05T10:00+07:00', calendarDays(5))).toBe('2026-01-10T17:00:00+07:00');
  });

  it('start counting from the date of the next opening when received after closing or on a day off', () => {
    // After closing on Mon 9 Mar: the clock starts Tue 10 Mar, so day 1 is Wed 11 Mar.
    expect(dueText('2026-03-09T17:30+07:00', calendarDays(1))).toBe('2026-03-11T17:00:00+07:00');
    // Sat 7 Mar: the clock starts Mon 9 Mar; the weekend before it delayed the count and is listed.
    const result = due('2026-03-07T09:00+07:00', calendarDays(2));
    expect(formatInstant(result.effectiveStart)).toBe('2026-03-09T07:00:00+07:00');
    expect(formatInstant(result.dueAt)).toBe('2026-03-11T17:00:00+07:00');
    expect(result.skipped.map((d) => `${d.date} ${d.kind}`)).toEqual(['2026-03-07 weekend', '2026-03-08 weekend']);
  });

  it('close at the configured closing time', () => {
    const parsed = parseOfficeHours({ sessions: [{ opens: '08:00', closes: '16:30' }] });
    if (!parsed.ok) throw new Error(parsed.error.messageEn);
    expect(dueText('2026-03-09T10:00+07:00', calendarDays(3), parsed.value)).toBe('2026-03-12T16:30:00+07:00');
  });

  it('are described as plain days', () => {
    expect(describeProcessingTime(calendarDays(30))).toEqual({ vi: '30 ngày', en: '30 calendar days' });
    expect(describeProcessingTime(calendarDays(1))).toEqual({ vi: '1 ngày', en: '1 calendar day' });
  });
});

describe('invalid requests', () => {
  const fail = (processingTime: ProcessingTime, receivedAt = at('2026-03-09T10:00+07:00')) => {
    const result = computeDue({ receivedAt, processingTime, calendar });
    expect(result.ok).toBe(false);
    return result.ok ? undefined : result.error;
  };

  it('refuses non-positive or absurd processing times and bad cut-offs, in both languages', () => {
    for (const bad of [days(0), days(-1), days(Number.NaN), hours(1_000_000), sameDay(25), calendarDays(0), calendarDays(1.5), calendarDays(1001)]) {
      const error = fail(bad);
      expect(error?.code).toBe('calendar.invalid-processing-time');
      expect(error?.message).toContain('Thời hạn giải quyết không hợp lệ');
      expect(error?.messageEn).toContain('Invalid processing time');
    }
  });

  it('refuses an unusable receipt instant', () => {
    expect(fail(days(1), Number.NaN)?.code).toBe('calendar.invalid-instant');
    expect(fail(days(1), Date.UTC(2300, 0, 1))?.code).toBe('calendar.out-of-range');
  });
});

describe('properties', () => {
  const from = Date.UTC(2024, 0, 1);
  const to = Date.UTC(2029, 0, 1);
  const processingTimes = fc.oneof(
    fc.integer({ min: 1, max: 40 }).map(days),
    fc.integer({ min: 1, max: 200 }).map(hours),
    fc.option(fc.integer({ min: 8, max: 17 }), { nil: undefined }).map(sameDay),
    fc.integer({ min: 1, max: 90 }).map(calendarDays),
  );

  it('a due date is never on a non-working day, never before the receipt, and inside office hours', () => {
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), processingTimes, (receivedAt, processingTime) => {
        const result = computeDue({ receivedAt, processingTime, calendar });
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const { dueAt, effectiveStart, skipped } = result.value;
        expect(dueAt).toBeGreaterThan(receivedAt);
        expect(effectiveStart).toBeGreaterThanOrEqual(receivedAt);
        expect(dayStatusOfEpochDay(calendar, vietnamDayOf(dueAt)).working).toBe(true);
        const time = vietnamTimeOfDay(dueAt);
        expect(DEFAULT_OFFICE_HOURS.sessions.some((s) => time > s.opensMs && time <= s.closesMs)).toBe(true);
        for (const day of skipped) expect(day.date < formatInstant(dueAt).slice(0, 10)).toBe(true);
        if (processingTime.unit === 'calendar-days') {
          // Closing of the Nth day after the start date, or of the first working day after it.
          const lastDay = vietnamDayOf(effectiveStart) + processingTime.amount;
          expect(vietnamDayOf(dueAt)).toBeGreaterThanOrEqual(lastDay);
          expect(time).toBe(DEFAULT_OFFICE_HOURS.sessions.at(-1)?.closesMs);
          for (let day = lastDay; day < vietnamDayOf(dueAt); day += 1) expect(dayStatusOfEpochDay(calendar, day).working).toBe(false);
        } else if (processingTime.unit !== 'same-day') {
          const expectedMs = processingTime.unit === 'working-days' ? processingTime.amount * 8 * 3_600_000 : processingTime.amount * 3_600_000;
          expect(workingTimeBetween({ calendar, officeHours: DEFAULT_OFFICE_HOURS }, receivedAt, dueAt)).toBe(expectedMs);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('computes thousands of due dates per second', () => {
    const start = performance.now();
    let count = 0;
    for (let i = 0; i < 20_000; i += 1) {
      const result = computeDue({ receivedAt: from + i * 7_919_000, processingTime: days(1 + (i % 20)), calendar });
      if (result.ok) count += 1;
    }
    const perSecond = count / ((performance.now() - start) / 1000);
    expect(count).toBe(20_000);
    expect(perSecond).toBeGreaterThan(5_000);
  });
});
