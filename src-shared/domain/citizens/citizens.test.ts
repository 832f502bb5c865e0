import { describe, expect, it } from 'vitest';
import { parseCccdQr } from './cccd-qr';
import { createKeyboardWedge } from './keyboard-wedge';

// The synthetic card of ../shared/reference/icao9303-test-vectors.md §4.
const synthetic = '001099012345|123456789|Nguyễn Văn A|15011999|Nam|Số 1 Đường Mẫu, Phường Thử, Quận Giả, Hà Nội|01022021';

describe('CCCD QR', () => {
  it('parses the 7-field layout', () => {
    const parsed = parseCccdQr(synthetic);
    expect(parsed).toEqual({
      ok: true,
      value: { idNumber: '001099012345', oldIdNumber: '123456789', fullName: 'Nguyễn Văn A', dateOfBirth: '1999-01-15', sex: 'male', address: 'Số 1 Đường Mẫu, Phường Thử, Quận Giả, Hà Nội', issueDate: '2021-02-01' },
    });
  });

  it('parses the 6-field layout and NFD text', () => {
    const parsed = parseCccdQr('001099012345|Nguyễn Văn A|15011999|Nam|Hà Nội|01022021'.normalize('NFD'));
    expect(parsed.ok && parsed.value.fullName).toBe('Nguyễn Văn A');
    expect(parsed.ok && parsed.value.oldIdNumber).toBeUndefined();
  });

  it('refuses a bad ID or a malformed date with a bilingual error', () => {
    const badId = parseCccdQr(synthetic.replace('001099012345', '00109901234'));
    expect(badId.ok).toBe(false);
    const badDate = parseCccdQr(synthetic.replace('15011999', '1501199'));
    expect(!badDate.ok && badDate.error.messageEn).toMatch(/date of birth/);
    expect(parseCccdQr('hello').ok).toBe(false);
  });
});

describe('keyboard-wedge scanner detection', () => {
  const feed = (text: string, gapMs: number, start = 0) => {
    const wedge = createKeyboardWedge();
    let at = start;
    let out: string | undefined;
    for (const char of [...text, 'Enter']) {
      out = wedge.key(char, at);
      at += gapMs;
    }
    return out;
  };
  it('reports a fast burst ended by Enter as a scan', () => {
    expect(feed(synthetic, 8)).toBe(synthetic);
    expect(feed(synthetic, 60)).toBe(synthetic);
  });
  it('ignores human typing', () => {
    expect(feed('001099012345 Nguyen Van A', 180)).toBeUndefined();
  });
});
