import { describe, expect, it } from 'vitest';
import { encodeCodePage } from './code-page';
import { encodeCalibrationSlip, encodeTextJob, type TextModeConfig } from './text-mode';

const config: TextModeConfig = { calibrated: true, codePage: 'windows-1258', codePageNumber: 52 };

describe('text mode (opt-in, calibrated printers only)', () => {
  it('refuses a printer that has not passed the calibration slip', () => {
    const result = encodeTextJob(['Xin chào'], { ...config, calibrated: false });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('printer.text-mode-uncalibrated');
      expect(result.error.message).toContain('hiệu chỉnh');
    }
  });

  it('selects the calibrated code page, prints lines, cuts', () => {
    const result = encodeTextJob(['Ab'], config);
    expect(result.ok && [...result.value]).toEqual([0x1b, 0x40, 0x1b, 0x74, 52, 0x41, 0x62, 0x0a, 0x1d, 0x56, 66, 0]);
  });

  it('writes Vietnamese in Windows-1258 as letter + combining tone', () => {
    // "ễ" = ê (0xEA) + combining tilde (0xDE); "ặ" = ă (0xE3) + dot below (0xF2); "Đ" and "ơ" have their own bytes.
    const result = encodeCodePage('Nguyễn Đặng Hơn', 'windows-1258');
    expect(result.ok && [...result.value]).toEqual([
      0x4e, 0x67, 0x75, 0x79, 0xea, 0xde, 0x6e, 0x20, 0xd0, 0xe3, 0xf2, 0x6e, 0x67, 0x20, 0x48, 0xf5, 0x6e,
    ]);
    const back = result.ok ? new TextDecoder('windows-1258').decode(result.value).normalize('NFC') : '';
    expect(back).toBe('Nguyễn Đặng Hơn');
  });

  it('refuses characters the code page cannot hold, and control bytes that would become commands', () => {
    for (const text of ['Hà Nội 中', 'tab\there', '\u001b@']) {
      const result = encodeCodePage(text, 'windows-1258');
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('printer.unencodable-text');
    }
  });

  it('windows-1252 has no Vietnamese tones beyond Latin-1', () => {
    expect(encodeCodePage('café', 'windows-1252').ok).toBe(true);
    expect(encodeCodePage('Nguyễn', 'windows-1252').ok).toBe(false);
  });

  it('prints the calibration slip even before calibration', () => {
    const result = encodeCalibrationSlip(['Tiếng Việt'], { codePage: 'windows-1258', codePageNumber: 30 });
    expect(result.ok).toBe(true);
  });
});
