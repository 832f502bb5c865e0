import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dateOfEpochDay, epochDayOf, formatLocalDate, parseLocalDate, weekdayOfEpochDay } from './civil-date';

describe('civil dates as epoch days', () => {
  it('counts days from 1970-01-01 like Date.UTC does', () => {
    expect(epochDayOf({ year: 1970, month: 1, day: 1 })).toBe(0);
    expect(epochDayOf({ year: 2026, month: 2, day: 17 })).toBe(Date.UTC(2026, 1, 17) / 86_400_000);
    expect(epochDayOf({ year: 2000, month: 2, day: 29 })).toBe(Date.UTC(2000, 1, 29) / 86_400_000);
  });

  it('round-trips every day from 1900 to 2200', () => {
    fc.assert(
      fc.property(fc.integer({ min: epochDayOf({ year: 1900, month: 1, day: 1 }), max: epochDayOf({ year: 2200, month: 12, day: 31 }) }), (day) => {
        expect(epochDayOf(dateOfEpochDay(day))).toBe(day);
      }),
    );
  });

  it('knows the weekday: 17 Feb 2026 is a Tuesday, 1 Jan 2000 a Saturday', () => {
    expect(weekdayOfEpochDay(epochDayOf({ year: 2026, month: 2, day: 17 }))).toBe(2);
    expect(weekdayOfEpochDay(epochDayOf({ year: 2000, month: 1, day: 1 }))).toBe(6);
    expect(weekdayOfEpochDay(epochDayOf({ year: 1969, month: 12, day: 28 }))).toBe(0);
  });

  it('parses and formats YYYY-MM-DD, refusing dates that do not exist', () => {
    expect(parseLocalDate('2024-02-29')).toEqual({ ok: true, value: { year: 2024, month: 2, day: 29 } });
    expect(formatLocalDate({ year: 2026, month: 1, day: 2 })).toBe('2026-01-02');
    for (const bad of ['2025-02-29', '2026-13-01', '2026-1-2', '02/01/2026', '']) {
      const parsed = parseLocalDate(bad);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(parsed.error.code).toBe('calendar.invalid-date');
        expect(parsed.error.message).toContain('Ngày không hợp lệ');
        expect(parsed.error.messageEn).toContain('Invalid date');
      }
    }
  });
});
