import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant, vietnamDateOf, vietnamTimeOfDay } from './vietnam-time';

const instant = (text: string): number => {
  const parsed = parseInstant(text);
  if (!parsed.ok) throw new Error(parsed.error.messageEn);
  return parsed.value;
};

describe('Vietnamese time (UTC+7, no DST), independent of the host zone', () => {
  it('reads offsets, Z, and bare wall time as UTC+7', () => {
    const expected = Date.UTC(2026, 1, 12, 3, 0);
    expect(instant('2026-02-12T10:00+07:00')).toBe(expected);
    expect(instant('2026-02-12T10:00:00+0700')).toBe(expected);
    expect(instant('2026-02-12T03:00:00Z')).toBe(expected);
    expect(instant('2026-02-12T10:00')).toBe(expected);
    expect(instant('2026-02-11T22:00-05:00')).toBe(expected);
    expect(instant('2026-02-12T10:00:00.250+07:00')).toBe(expected + 250);
  });

  it('formats with the +07:00 offset', () => {
    expect(formatInstant(Date.UTC(2026, 1, 12, 3, 0))).toBe('2026-02-12T10:00:00+07:00');
    expect(formatInstant(Date.UTC(2026, 1, 11, 17, 0))).toBe('2026-02-12T00:00:00+07:00');
    expect(formatInstant(Date.UTC(2026, 1, 12, 3, 0, 0, 5))).toBe('2026-02-12T10:00:00.005+07:00');
  });

  it('puts 23:30 UTC on the next Vietnamese date', () => {
    expect(vietnamDateOf(Date.UTC(2026, 0, 31, 23, 30))).toEqual({ year: 2026, month: 2, day: 1 });
    expect(vietnamTimeOfDay(Date.UTC(2026, 0, 31, 23, 30))).toBe(6.5 * 3_600_000);
  });

  it('refuses malformed or impossible instants with bilingual messages', () => {
    for (const bad of ['2026-02-30T10:00+07:00', '2026-02-12T24:00+07:00', '2026-02-12 10h', '12/02/2026 10:00', '2026-02-12T10:00+15:00']) {
      const parsed = parseInstant(bad);
      expect(parsed.ok, bad).toBe(false);
      if (!parsed.ok) {
        expect(parsed.error.code).toBe('calendar.invalid-instant');
        expect(parsed.error.message).toContain('Thời điểm không hợp lệ');
      }
    }
  });
});
