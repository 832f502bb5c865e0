import { describe, expect, it } from 'vitest';
import { DEFAULT_OFFICE_HOURS, parseOfficeHours, workingDayMs } from './office-hours';

describe('office hours', () => {
  it('default to 07:00–11:30 and 13:30–17:00, an 8-hour working day', () => {
    expect(workingDayMs(DEFAULT_OFFICE_HOURS)).toBe(8 * 3_600_000);
    expect(parseOfficeHours({ sessions: [{ opens: '07:00', closes: '11:30' }, { opens: '13:30', closes: '17:00' }] })).toEqual({
      ok: true,
      value: DEFAULT_OFFICE_HOURS,
    });
  });

  it('refuse overlapping, reversed, empty or malformed sessions with a path', () => {
    const bad = [
      { sessions: [] },
      { sessions: [{ opens: '7:00', closes: '11:30' }] },
      { sessions: [{ opens: '11:30', closes: '07:00' }] },
      { sessions: [{ opens: '07:00', closes: '12:00' }, { opens: '11:00', closes: '17:00' }] },
    ];
    for (const input of bad) {
      const parsed = parseOfficeHours(input);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(parsed.error.code).toBe('calendar.invalid-office-hours');
        expect(parsed.error.message).toContain('Giờ làm việc không hợp lệ');
        expect(parsed.error.messageEn).toContain('Invalid office hours');
      }
    }
  });
});
