import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../text/csv';
import type { AdministrativeRecord } from '../records';
import { at, center, counterOfficer, receivedRecord, recordLife, refusedRecord, stoppedRecord } from './fixtures.testing';
import { logBook } from './log-book';
import { logBookCsv, logBookCsvColumns, neutralizeFormula } from './log-book-csv';

const { stages } = recordLife();
const february = { from: { year: 2026, month: 2, day: 1 }, to: { year: 2026, month: 2, day: 28 }, printedAt: at('2026-03-02T08:00+07:00') };

function book(records: readonly AdministrativeRecord[], period = february) {
  const result = logBook(records, center, period);
  if (!result.ok) throw new Error(result.error.messageEn);
  return result.value;
}

describe('form 07, the log book', () => {
  it('lists the records this Center received in the period, in order of receipt', () => {
    const early = { ...receivedRecord('000.00.15.H55-260212-1000'), receivedAt: at('2026-02-12T07:30+07:00') };
    const elsewhere = { ...receivedRecord('000.00.16.H55-260212-1001'), unitId: '000.00.16.H55' };
    const march = { ...receivedRecord('000.00.15.H55-260301-1001'), receivedAt: at('2026-03-01T00:10+07:00') };
    const result = book([stages.returned, stoppedRecord(), refusedRecord(), early, elsewhere, march]);
    expect(result.period.text).toBe('Từ ngày 01/02/2026 đến ngày 28/02/2026');
    expect(result.header).toMatchObject({ title: 'SỔ THEO DÕI HỒ SƠ', placeAndDate: 'Hoà Bình, ngày 02 tháng 03 năm 2026' });
    expect(result.rows.map((r) => r.recordCode)).toEqual(['000.00.15.H55-260212-1000', '000.00.15.H55-260212-1001', '000.00.15.H55-260212-1004']);
    expect(result.rows[1]).toMatchObject({
      index: 2,
      summary: 'Thủ tục đăng ký khai sinh',
      setsCount: 1,
      owner: 'Nguyễn Ngọc Ánh',
      address: 'Số 5 ngõ 12, phường Hoà Bình, tỉnh Lai Châu',
      // The child has no phone of its own: the submitter's is the one to call.
      phone: '0912345678',
      area: 'Hộ tịch',
      receivedAt: { short: '10:00 12/02/2026' },
      dueAt: { short: '09:00 25/02/2026' },
      returnedAt: { short: '15:00 25/02/2026' },
      receivingOfficer: counterOfficer.name,
      logBook: { volume: '01/2026', number: 57 },
    });
    expect(result.rows[2]?.returnedAt).toBeUndefined();
  });

  it('counts the day in Vietnam: 1 March 00:10 (UTC+7) is not in February', () => {
    const lateNight = { ...receivedRecord('000.00.15.H55-260228-1001'), receivedAt: at('2026-02-28T23:50+07:00') };
    const afterMidnight = { ...receivedRecord('000.00.15.H55-260301-1001'), receivedAt: at('2026-03-01T00:10+07:00') };
    expect(book([lateNight, afterMidnight]).rows.map((r) => r.recordCode)).toEqual(['000.00.15.H55-260228-1001']);
  });

  it('refuses an empty or impossible period, and a received record without a due date', () => {
    expect(logBook([], center, { ...february, from: february.to, to: february.from })).toMatchObject({ ok: false, error: { code: 'forms.invalid-period' } });
    expect(logBook([], center, { ...february, to: { year: 2026, month: 2, day: 30 } })).toMatchObject({ ok: false, error: { code: 'forms.invalid-period' } });
    const { dueAt: _d, ...noDue } = stages.received;
    const result = logBook([noDue], center, february);
    expect(result).toMatchObject({ ok: false, error: { code: 'forms.missing-field', path: `records[${stages.received.code}].dueAt` } });
  });
});

describe('form 07 as CSV', () => {
  it('has a header row and one row per record, readable back with the same values', () => {
    const csv = logBookCsv(book([stages.returned, stoppedRecord()]));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const parsed = parseCsv(csv);
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.map((r) => r.fields)).toEqual([
      [...logBookCsvColumns],
      ['1', '000.00.15.H55-260212-1001', 'Thủ tục đăng ký khai sinh', '1', 'Nguyễn Ngọc Ánh', 'Số 5 ngõ 12, phường Hoà Bình, tỉnh Lai Châu', '0912345678', 'Hộ tịch', '10:00 12/02/2026', '09:00 25/02/2026', '15:00 25/02/2026', 'Trần Thị Bình'],
      ['2', '000.00.15.H55-260212-1004', 'Thủ tục đăng ký khai sinh', '1', 'Nguyễn Ngọc Ánh', 'Số 5 ngõ 12, phường Hoà Bình, tỉnh Lai Châu', '0912345678', 'Hộ tịch', '10:00 12/02/2026', '10:00 24/02/2026', '', 'Trần Thị Bình'],
    ]);
  });

  it('keeps a spreadsheet from running a formula typed into a name', () => {
    expect(neutralizeFormula('=HYPERLINK("http://x","y")')).toBe('\'=HYPERLINK("http://x","y")');
    expect(neutralizeFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutralizeFormula('-2+3+cmd|x')).toBe("'-2+3+cmd|x");
    expect(neutralizeFormula('+84 912 345 678')).toBe('+84 912 345 678');
    expect(neutralizeFormula('Nguyễn Văn An')).toBe('Nguyễn Văn An');
    const hostile = { ...stages.returned, submitter: { ...stages.returned.submitter, phone: '=1+1' } };
    const { owner: _o, ...noOwner } = hostile;
    const row = parseCsv(logBookCsv(book([noOwner]))).records[1]?.fields;
    expect(row?.[6]).toBe("'=1+1");
  });
});
