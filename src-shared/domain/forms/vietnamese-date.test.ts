import { afterEach, describe, expect, it } from 'vitest';
import { at } from './fixtures.testing';
import { placeAndDate, printInstant, shortLocalDate, vietnameseDateTime } from './vietnamese-date';

describe('dates printed the Vietnamese way, in UTC+7', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it('spells hour, minute and date with two digits', () => {
    expect(vietnameseDateTime(at('2026-02-24T10:00+07:00'))).toBe('10 giờ 00 phút, ngày 24 tháng 02 năm 2026');
    expect(printInstant(at('2026-03-05T07:05+07:00'))).toMatchObject({
      long: '07 giờ 05 phút, ngày 05 tháng 03 năm 2026',
      short: '07:05 05/03/2026',
      date: 'ngày 05 tháng 03 năm 2026',
      shortDate: '05/03/2026',
    });
  });

  it('uses the Vietnamese day even when it is still yesterday in UTC', () => {
    // 2026-03-01 17:30 UTC is already 2 March 00:30 in Vietnam.
    expect(printInstant(Date.UTC(2026, 2, 1, 17, 30)).short).toBe('00:30 02/03/2026');
  });

  it.each(['UTC', 'America/New_York', 'Asia/Tokyo', 'Pacific/Kiritimati'])('does not depend on the host zone (TZ=%s)', (zone) => {
    process.env.TZ = zone;
    expect(vietnameseDateTime(at('2026-02-24T23:59+07:00'))).toBe('23 giờ 59 phút, ngày 24 tháng 02 năm 2026');
  });

  it('writes the place-and-date line and period dates', () => {
    expect(placeAndDate('Hoà Bình', at('2026-02-12T10:00+07:00'))).toBe('Hoà Bình, ngày 12 tháng 02 năm 2026');
    expect(shortLocalDate({ year: 2026, month: 3, day: 1 })).toBe('01/03/2026');
  });
});
