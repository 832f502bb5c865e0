import { describe, expect, it } from 'vitest';
import { calendar2026 } from './calendar-2026';
import { parseLocalDate } from './civil-date';
import type { LocalDate } from './civil-date';
import { labourCode2019Rules } from './rules-2019';
import { createWorkingCalendar, dayStatus, daysOffInYear, makeUpWorkingDaysInYear } from './working-calendar';
import type { WorkingCalendar, WorkingCalendarOptions } from './working-calendar';
import type { YearCalendar } from './year-calendar';

const date = (text: string): LocalDate => {
  const parsed = parseLocalDate(text);
  if (!parsed.ok) throw new Error(parsed.error.messageEn);
  return parsed.value;
};
const calendarWith = (options: WorkingCalendarOptions = {}): WorkingCalendar => {
  const created = createWorkingCalendar(options);
  if (!created.ok) throw new Error(created.error.messageEn);
  return created.value;
};
const shipped = calendarWith();
const status = (text: string, calendar = shipped) => dayStatus(calendar, date(text));
const offDates = (calendar: WorkingCalendar, year: number) => daysOffInYear(calendar, year).map((d) => `${d.date} ${d.kind}`);

describe('2026 as announced', () => {
  it.each([
    ['2026-01-01', 'holiday', 'Tết Dương lịch'],
    ['2026-01-02', 'announced-off', 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)'],
    ['2026-02-14', 'holiday', 'Nghỉ Tết Nguyên đán'],
    ['2026-02-16', 'holiday', 'Nghỉ Tết Nguyên đán'],
    ['2026-02-17', 'holiday', 'Nghỉ Tết Nguyên đán'],
    ['2026-02-20', 'holiday', 'Nghỉ Tết Nguyên đán'],
    ['2026-02-22', 'holiday', 'Nghỉ Tết Nguyên đán'],
    ['2026-04-26', 'holiday', 'Giỗ Tổ Hùng Vương (10/3 âm lịch)'],
    ['2026-04-27', 'compensatory', 'Nghỉ bù Giỗ Tổ Hùng Vương'],
    ['2026-04-30', 'holiday', 'Ngày Chiến thắng (30/4)'],
    ['2026-05-01', 'holiday', 'Ngày Quốc tế Lao động (1/5)'],
    ['2026-08-31', 'announced-off', 'Nghỉ hoán đổi dịp lễ Quốc khánh (làm bù thứ Bảy 22/08/2026)'],
    ['2026-09-01', 'holiday', 'Nghỉ lễ Quốc khánh (2/9)'],
    ['2026-09-02', 'holiday', 'Nghỉ lễ Quốc khánh (2/9)'],
  ])('%s is a day off (%s: %s)', (text, kind, reason) => {
    expect(status(text)).toMatchObject({ working: false, kind, reason });
  });

  it('lists exactly the announced days off, in order, with a reason in both languages', () => {
    const days = daysOffInYear(shipped, 2026);
    expect(days).toHaveLength(calendar2026.daysOff.length);
    expect(days.map((d) => d.date)).toEqual([...calendar2026.daysOff.map((d) => d.date)].sort());
    for (const day of days) {
      expect(day.reason.length).toBeGreaterThan(0);
      expect(day.reasonEn.length).toBeGreaterThan(0);
    }
  });

  it('works the make-up Saturdays 10 Jan and 22 Aug', () => {
    expect(status('2026-01-10')).toMatchObject({ working: true, makeUp: { reason: 'Làm bù cho ngày nghỉ thứ Sáu 02/01/2026' } });
    expect(status('2026-08-22')).toMatchObject({ working: true });
    expect(makeUpWorkingDaysInYear(shipped, 2026)).toEqual(['2026-01-10', '2026-08-22']);
    expect(status('2026-01-17')).toEqual({ working: false, kind: 'weekend', reason: 'Thứ Bảy', reasonEn: 'Saturday' });
  });

  it('keeps ordinary days as working days and weekends as weekends', () => {
    expect(status('2026-02-13')).toEqual({ working: true });
    expect(status('2026-02-23')).toEqual({ working: true });
    expect(status('2026-09-03')).toEqual({ working: true });
    expect(status('2026-03-08')).toEqual({ working: false, kind: 'weekend', reason: 'Chủ nhật', reasonEn: 'Sunday' });
  });
});

describe('default rules when no announcement exists', () => {
  const rulesOnly = calendarWith({ announcements: [] });

  it('2026 by the Labour Code alone: Tết = last day of Ất Tỵ + 4 days (16–20 Feb); Hùng Kings on Sunday → Monday off', () => {
    expect(offDates(rulesOnly, 2026)).toEqual([
      '2026-01-01 holiday',
      '2026-02-16 holiday',
      '2026-02-17 holiday',
      '2026-02-18 holiday',
      '2026-02-19 holiday',
      '2026-02-20 holiday',
      '2026-04-26 holiday',
      '2026-04-27 compensatory',
      '2026-04-30 holiday',
      '2026-05-01 holiday',
      '2026-09-01 holiday',
      '2026-09-02 holiday',
    ]);
    expect(status('2026-04-27', rulesOnly)).toMatchObject({ kind: 'compensatory', reason: 'Nghỉ bù Giỗ Tổ Hùng Vương' });
    expect(status('2026-01-02', rulesOnly)).toEqual({ working: true });
    expect(status('2026-01-10', rulesOnly)).toMatchObject({ working: false, kind: 'weekend' });
  });

  it('2027: Tết (Sat 6 Feb) spans a weekend, so the two weekend days give Wed 10 and Thu 11 Feb in lieu; 1 May on Saturday gives Mon 3 May', () => {
    expect(offDates(shipped, 2027)).toEqual([
      '2027-01-01 holiday',
      '2027-02-05 holiday',
      '2027-02-06 holiday',
      '2027-02-07 holiday',
      '2027-02-08 holiday',
      '2027-02-09 holiday',
      '2027-02-10 compensatory',
      '2027-02-11 compensatory',
      '2027-04-16 holiday',
      '2027-04-30 holiday',
      '2027-05-01 holiday',
      '2027-05-03 compensatory',
      '2027-09-01 holiday',
      '2027-09-02 holiday',
    ]);
    expect(status('2027-02-10')).toMatchObject({ reason: 'Nghỉ bù Tết Nguyên đán', reasonEn: 'Day off in lieu of the Lunar New Year holiday' });
  });

  it('2020 falls under the Labour Code 2012: National Day was one day (2 Sep), 1 Sep was worked', () => {
    expect(status('2020-09-02')).toMatchObject({ working: false, kind: 'holiday' });
    expect(status('2020-09-01')).toEqual({ working: true });
    expect(status('2021-09-01')).toMatchObject({ working: false, kind: 'holiday' });
  });

  it('has no public holidays before any rule took effect, only weekends', () => {
    expect(status('2010-01-01')).toEqual({ working: true });
    expect(status('2019-09-02', calendarWith({ rules: labourCode2019Rules }))).toEqual({ working: true });
  });

  it('gives one day in lieu per holiday when two holidays share a date', () => {
    const sameDay = calendarWith({
      announcements: [],
      rules: [
        ...labourCode2019Rules,
        { ...labourCode2019Rules[4]!, holiday: 'reunification-day', reason: 'Test', reasonEn: 'Test' },
      ],
    });
    // 1 May 2029 is a Tuesday: the duplicate holiday on it moves to Wednesday 2 May.
    expect(status('2029-05-01', sameDay)).toMatchObject({ kind: 'holiday' });
    expect(status('2029-05-02', sameDay)).toMatchObject({ kind: 'compensatory' });
  });
});

describe('announcements as data', () => {
  const extra2027: YearCalendar = {
    year: 2027,
    daysOff: [
      { date: '2027-02-04', kind: 'holiday', holiday: 'lunar-new-year', reason: 'Nghỉ Tết Nguyên đán', reasonEn: 'Lunar New Year holiday' },
      { date: '2027-02-05', kind: 'holiday', holiday: 'lunar-new-year', reason: 'Nghỉ Tết Nguyên đán', reasonEn: 'Lunar New Year holiday' },
      { date: '2027-02-08', kind: 'holiday', holiday: 'lunar-new-year', reason: 'Nghỉ Tết Nguyên đán', reasonEn: 'Lunar New Year holiday' },
      { date: '2027-03-15', kind: 'announced-off', reason: 'Nghỉ đặc biệt', reasonEn: 'Special day off' },
    ],
    workingDays: [{ date: '2027-02-20', reason: 'Làm bù', reasonEn: 'Make-up day' }],
  };
  const withExtra = calendarWith({ announcements: [calendar2026, extra2027] });

  it('replaces only the holidays it names; the others keep their default days', () => {
    expect(status('2027-02-04', withExtra)).toMatchObject({ kind: 'holiday' });
    expect(status('2027-02-09', withExtra)).toEqual({ working: true });
    expect(status('2027-02-10', withExtra)).toEqual({ working: true });
    expect(status('2027-03-15', withExtra)).toMatchObject({ kind: 'announced-off', reasonEn: 'Special day off' });
    expect(status('2027-02-20', withExtra)).toMatchObject({ working: true });
    expect(status('2027-05-03', withExtra)).toMatchObject({ kind: 'compensatory' });
  });

  it('refuses two announcements for one year', () => {
    const created = createWorkingCalendar({ announcements: [calendar2026, calendar2026] });
    expect(created.ok).toBe(false);
    if (!created.ok) expect(created.error.code).toBe('calendar.duplicate-year');
  });
});
