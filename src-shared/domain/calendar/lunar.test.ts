import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newMoonJde } from './astronomy';
import { dateOfEpochDay, epochDayOf } from './civil-date';
import { leapMonthOf, lunarMonthLength, lunarToSolar, solarToLunar } from './lunar';

const tet = (year: number) => lunarToSolar({ year, month: 1, day: 1, leap: false });
const hungKings = (year: number) => lunarToSolar({ year, month: 3, day: 10, leap: false });
const solar = (text: string) => {
  const [year = 0, month = 0, day = 0] = text.split('-').map(Number);
  return { year, month, day };
};

describe('astronomy', () => {
  it('matches Meeus example 49.a: new moon of February 1977 at JDE 2443192.65118', () => {
    expect(newMoonJde(-283)).toBeCloseTo(2443192.65118, 4);
  });
});

describe('Vietnamese lunar calendar (UTC+7)', () => {
  it.each([
    [2000, '2000-02-05'],
    [2001, '2001-01-24'],
    [2008, '2008-02-07'],
    [2017, '2017-01-28'],
    [2020, '2020-01-25'],
    [2023, '2023-01-22'],
    [2024, '2024-02-10'],
    [2025, '2025-01-29'],
    [2026, '2026-02-17'],
    [2027, '2027-02-06'],
    [2050, '2050-01-23'],
  ])('Tết %i is %s', (year, date) => {
    expect(tet(year)).toEqual(solar(date));
    expect(solarToLunar(solar(date))).toEqual({ year, month: 1, day: 1, leap: false });
  });

  // UTC+7 moves these new moons to the day before Beijing's (UTC+8): Tết a day — in 1985 a month — earlier.
  it.each([
    [1985, '1985-01-21', 'China: 20 Feb 1985'],
    [2007, '2007-02-17', 'China: 18 Feb 2007'],
    [2030, '2030-02-02', 'China: 3 Feb 2030'],
    [2053, '2053-02-18', 'China: 19 Feb 2053'],
  ])('Vietnamese Tết %i is %s (%s)', (year, date) => {
    expect(tet(year)).toEqual(solar(date));
  });

  it.each([
    [2024, '2024-04-18'],
    [2025, '2025-04-07'],
    [2026, '2026-04-26'],
  ])("Hùng Kings' day (10/3) %i is %s", (year, date) => {
    expect(hungKings(year)).toEqual(solar(date));
  });

  it('places leap months: 2020 month 4, 2023 month 2, 2025 month 6, 2033 month 11; none in 2024 and 2026', () => {
    expect(leapMonthOf(2020)).toBe(4);
    expect(leapMonthOf(2023)).toBe(2);
    expect(leapMonthOf(2025)).toBe(6);
    expect(leapMonthOf(2033)).toBe(11);
    expect(leapMonthOf(2024)).toBeUndefined();
    expect(leapMonthOf(2026)).toBeUndefined();
    // Leap 2nd month of 2023 began on 22 March 2023; leap 6th month of 2025 on 25 July 2025.
    expect(lunarToSolar({ year: 2023, month: 2, day: 1, leap: true })).toEqual(solar('2023-03-22'));
    expect(lunarToSolar({ year: 2025, month: 6, day: 1, leap: true })).toEqual(solar('2025-07-25'));
    expect(solarToLunar(solar('2025-07-25'))).toEqual({ year: 2025, month: 6, day: 1, leap: true });
    expect(lunarToSolar({ year: 2024, month: 6, day: 1, leap: true })).toBeUndefined();
  });

  it('has no 30th of the 12th month from Tết 2025 to Tết 2032 (the last was 9 Feb 2024)', () => {
    expect(solarToLunar(solar('2024-02-09'))).toEqual({ year: 2023, month: 12, day: 30, leap: false });
    for (let year = 2024; year <= 2031; year += 1) expect(lunarMonthLength(year, 12, false)).toBe(29);
    expect(lunarMonthLength(2032, 12, false)).toBe(30);
    expect(lunarToSolar({ year: 2025, month: 12, day: 30, leap: false })).toBeUndefined();
  });

  it('names the days around Tết 2026: 14 Feb is 27 Chạp, 16 Feb is 29 Chạp (last day of Ất Tỵ)', () => {
    expect(solarToLunar(solar('2026-02-14'))).toEqual({ year: 2025, month: 12, day: 27, leap: false });
    expect(solarToLunar(solar('2026-02-16'))).toEqual({ year: 2025, month: 12, day: 29, leap: false });
    expect(solarToLunar(solar('2026-02-22'))).toEqual({ year: 2026, month: 1, day: 6, leap: false });
  });

  it('answers undefined outside 1900–2199 and for impossible inputs', () => {
    expect(solarToLunar({ year: 1899, month: 6, day: 1 })).toBeUndefined();
    expect(solarToLunar({ year: 2026, month: 2, day: 30 })).toBeUndefined();
    expect(lunarToSolar({ year: 2026, month: 13, day: 1, leap: false })).toBeUndefined();
    expect(lunarToSolar({ year: 2026, month: 1, day: 31, leap: false })).toBeUndefined();
  });

  it('is consistent: consecutive solar days are consecutive lunar days, months of 29 or 30 days (2000–2100)', () => {
    let previous = solarToLunar({ year: 2000, month: 1, day: 1 });
    const last = epochDayOf({ year: 2100, month: 12, day: 31 });
    for (let day = epochDayOf({ year: 2000, month: 1, day: 2 }); day <= last; day += 1) {
      const current = solarToLunar(dateOfEpochDay(day));
      if (previous === undefined || current === undefined) throw new Error('out of range');
      if (current.day === 1) {
        expect([29, 30]).toContain(previous.day);
      } else {
        expect(current).toEqual({ ...previous, day: previous.day + 1 });
      }
      previous = current;
    }
  });

  it('round-trips lunar → solar → lunar and solar → lunar → solar for 2000–2100 (property)', () => {
    const first = epochDayOf({ year: 2000, month: 1, day: 1 });
    const last = epochDayOf({ year: 2100, month: 12, day: 31 });
    fc.assert(
      fc.property(fc.integer({ min: first, max: last }), (day) => {
        const date = dateOfEpochDay(day);
        const lunar = solarToLunar(date);
        expect(lunar).toBeDefined();
        if (lunar === undefined) return;
        expect(lunarToSolar(lunar)).toEqual(date);
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 30 }), fc.boolean(), (year, month, day, leap) => {
        const date = lunarToSolar({ year, month, day, leap });
        if (date === undefined) {
          // Only two reasons a lunar date does not exist: no such leap month, or day 30 of a 29-day month.
          expect(leap ? leapMonthOf(year) !== month || day === 30 : day === 30).toBe(true);
          return;
        }
        expect(solarToLunar(date)).toEqual({ year, month, day, leap });
      }),
      { numRuns: 2000 },
    );
  });
});
