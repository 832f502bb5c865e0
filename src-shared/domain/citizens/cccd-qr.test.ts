import { describe, expect, it } from 'vitest';
import { parseCccdQr } from './cccd-qr';

const synthetic = '001099012345|123456789|Nguyễn Văn A|15011999|Nam|Số 1 Đường Mẫu, Phường Thử, Quận Giả, Hà Nội|01022021';

describe('CCCD front QR', () => {
  it('parses the 7-field layout of the synthetic card and gives the CAN', () => {
    expect(parseCccdQr(synthetic)).toEqual({
      ok: true,
      value: {
        citizenId: '001099012345',
        oldId: '123456789',
        fullName: 'Nguyễn Văn A',
        dateOfBirth: '1999-01-15',
        sex: 'male',
        sexText: 'Nam',
        address: 'Số 1 Đường Mẫu, Phường Thử, Quận Giả, Hà Nội',
        issueDate: '2021-02-01',
        can: '012345',
        layout: '7-field',
      },
    });
  });
  it('parses the 6-field layout (no old ID) and an empty old ID', () => {
    const six = parseCccdQr('001099012345|Nguyễn Văn A|15011999|Nam|Hà Nội|01022021');
    expect(six.ok && [six.value.layout, six.value.oldId, six.value.fullName, six.value.issueDate]).toEqual(['6-field', undefined, 'Nguyễn Văn A', '2021-02-01']);
    const noIssue = parseCccdQr('001099012345|123456789|Nguyễn Văn A|15011999|Nam|Hà Nội');
    expect(noIssue.ok && [noIssue.value.layout, noIssue.value.oldId, noIssue.value.issueDate, noIssue.value.address]).toEqual(['6-field', '123456789', undefined, 'Hà Nội']);
    const empty = parseCccdQr('001099012345||Trần Thị B|01012000|Nữ|Hà Nội|01022021');
    expect(empty.ok && [empty.value.layout, empty.value.oldId, empty.value.sex]).toEqual(['7-field', undefined, 'female']);
  });
  it('forgives what keyboard-wedge scanners add: CR/LF, BOM, NFD text, spaces', () => {
    const messy = `\uFEFF ${synthetic.normalize('NFD').replace('|Nam|', '| Nam |')}\r\n`;
    const r = parseCccdQr(messy);
    expect(r.ok && [r.value.fullName, r.value.sex]).toEqual(['Nguyễn Văn A', 'male']);
    expect(r.ok && r.value.fullName === r.value.fullName.normalize('NFC')).toBe(true);
  });
  it('refuses bad content with bilingual reasons', () => {
    const cases: [string, string][] = [
      ['', 'empty'],
      ['001099012345|Nguyễn Văn A', 'fields'],
      ['00109901234|123456789|Nguyễn Văn A|15011999|Nam|Hà Nội|01022021', '12 digits'],
      ['001099012345|123456789|Nguyễn Văn A|31021999|Nam|Hà Nội|01022021', 'date of birth'],
      ['001099012345|123456789|Nguyễn Văn A|15011999|Nam|Hà Nội|2021', 'issue date'],
    ];
    for (const [input, reason] of cases) {
      const r = parseCccdQr(input);
      expect(r.ok, input).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe('citizen.qr-format');
        expect(r.error.messageEn).toContain(reason);
        expect(r.error.message.length).toBeGreaterThan(10);
      }
    }
  });
});
