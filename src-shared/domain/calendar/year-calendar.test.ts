import { describe, expect, it } from 'vitest';
import { calendar2026 } from './calendar-2026';
import { parseYearCalendar, yearCalendarSchema } from './year-calendar';

describe('year calendar JSON', () => {
  it('accepts the shipped 2026 calendar after a JSON round trip', () => {
    const parsed = parseYearCalendar(JSON.parse(JSON.stringify(calendar2026)));
    expect(parsed).toEqual({ ok: true, value: calendar2026 });
    expect(yearCalendarSchema.safeParse(calendar2026).success).toBe(true);
  });

  it('reports each bad field with its path, in Vietnamese and English', () => {
    const parsed = parseYearCalendar({
      year: 2026,
      daysOff: [{ date: '2026-02-30', kind: 'holiday', holiday: 'christmas', reason: '  ', reasonEn: 'x' }, { date: '2026-03-02', kind: 'holiday' }],
      workingDays: [],
      note: 'unexpected',
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const byPath = new Map(parsed.error.map((failure) => [failure.path ?? '', failure]));
    expect([...byPath.keys()].sort()).toEqual(['', 'daysOff[0].date', 'daysOff[0].holiday', 'daysOff[0].reason', 'daysOff[1].reason', 'daysOff[1].reasonEn'].sort());
    expect(byPath.get('daysOff[0].date')).toMatchObject({
      code: 'calendar.invalid-year-calendar',
      message: 'Lịch năm không hợp lệ: ngày phải có thật và viết dạng YYYY-MM-DD (daysOff[0].date)',
      messageEn: 'Invalid year calendar: must be a real date written YYYY-MM-DD (daysOff[0].date)',
    });
    expect(byPath.get('daysOff[0].reason')?.messageEn).toContain('a reason is required');
    expect(byPath.get('daysOff[1].reason')?.message).toContain('thiếu trường bắt buộc');
    expect(byPath.get('')?.messageEn).toContain('unknown field(s): note');
  });

  it('refuses dates outside the year and dates listed twice', () => {
    const parsed = parseYearCalendar({
      year: 2026,
      daysOff: [
        { date: '2027-01-01', kind: 'holiday', reason: 'a', reasonEn: 'a' },
        { date: '2026-05-04', kind: 'announced-off', reason: 'b', reasonEn: 'b' },
      ],
      workingDays: [{ date: '2026-05-04', reason: 'c', reasonEn: 'c' }],
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.error.map((f) => [f.path, f.messageEn])).toEqual([
      ['daysOff[0].date', 'Invalid year calendar: date 2027-01-01 is not in year 2026 (daysOff[0].date)'],
      ['workingDays[0].date', 'Invalid year calendar: date 2026-05-04 is already listed at daysOff[1].date (workingDays[0].date)'],
    ]);
  });

  it('refuses a year outside the supported range', () => {
    const parsed = parseYearCalendar({ year: 1850, daysOff: [], workingDays: [] });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error[0]?.message).toContain('năm phải là số nguyên từ 1900 đến 2199');
  });
});
