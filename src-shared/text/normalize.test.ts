import { describe, expect, it } from 'vitest';
import { normalizeName, normalizeText } from './normalize';

describe('normalizeText', () => {
  it('stores NFC whatever the input form', () => {
    const nfd = 'Nguyễn Thị Hoà'.normalize('NFD');
    expect(nfd).not.toBe('Nguyễn Thị Hoà');
    expect(normalizeText(nfd)).toBe('Nguyễn Thị Hoà'.normalize('NFC'));
  });

  it('keeps the tone placement as written', () => {
    expect(normalizeText('Hoà')).not.toBe(normalizeText('Hòa'));
  });

  it('trims and drops invisible characters pasted from web pages', () => {
    expect(normalizeText('\uFEFF  Đăng\u200B ký khai sinh \n')).toBe('Đăng ký khai sinh');
  });

  it('keeps inner line breaks of ordinary text', () => {
    expect(normalizeText('dòng 1\ndòng 2')).toBe('dòng 1\ndòng 2');
  });
});

describe('normalizeName', () => {
  it('collapses every run of whitespace, including no-break spaces and tabs', () => {
    expect(normalizeName('  Trần\u00A0\u00A0Văn \t Đào ')).toBe('Trần Văn Đào');
  });
});
