import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { birthProvinces } from './birth-provinces';
import { canFromCitizenId, validateCitizenId } from './citizen-id';

const codeOf = (result: { ok: boolean; error?: { code: string } }): string | undefined => result.error?.code;

describe('validateCitizenId', () => {
  it('decodes province, sex and birth year', () => {
    const result = validateCitizenId('001085012345');
    expect(result).toEqual({
      ok: true,
      value: {
        id: '001085012345',
        provinceCode: '001',
        provinceName: 'Hà Nội',
        currentProvinceCode: '01',
        sex: 'male',
        century: 20,
        birthYearTwoDigits: '85',
        birthYearRange: { from: 1900, to: 1999 },
        birthYear: 1985,
      },
    });
  });

  it('decodes the century and sex digit per Decree 137/2015 art. 7', () => {
    const decode = (digit: number) => {
      const result = validateCitizenId(`079${digit}01000123`);
      if (!result.ok) throw new Error(result.error.messageEn);
      return [result.value.sex, result.value.birthYear, result.value.century];
    };
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(decode)).toEqual([
      ['male', 1901, 20],
      ['female', 1901, 20],
      ['male', 2001, 21],
      ['female', 2001, 21],
      ['male', 2101, 22],
      ['female', 2101, 22],
      ['male', 2201, 23],
      ['female', 2201, 23],
      ['male', 2301, 24],
      ['female', 2301, 24],
    ]);
  });

  it('accepts spaces between digit groups', () => {
    const result = validateCitizenId(' 079 301 000123 ');
    expect(result.ok && result.value.id).toBe('079301000123');
  });

  it('reports each malformed input with its own code and both languages', () => {
    expect(codeOf(validateCitizenId(''))).toBe('citizen-id.empty');
    expect(codeOf(validateCitizenId('00108501234A'))).toBe('citizen-id.not-digits');
    expect(codeOf(validateCitizenId('0010850123'))).toBe('citizen-id.length');
    const old = validateCitizenId('012345678');
    expect(old.ok).toBe(false);
    if (!old.ok) {
      expect(old.error.code).toBe('citizen-id.length');
      expect(old.error.message).toContain('chứng minh nhân dân');
      expect(old.error.messageEn).toContain('CMND');
      expect(old.error.path).toBe('citizenId');
    }
  });

  it('rejects codes that are not a province (e.g. the gaps 003, 097, 000)', () => {
    for (const prefix of ['000', '003', '097', '999']) {
      const result = validateCitizenId(`${prefix}085012345`);
      expect(codeOf(result)).toBe('citizen-id.unknown-province');
    }
  });

  it('accepts extra codes a deployment documents (e.g. births registered abroad)', () => {
    const extra = new Map([['999', { code: '999', name: 'Test abroad', current: '00' }]]);
    const result = validateCitizenId('999085012345', { extraProvinces: extra });
    expect(result.ok && result.value.provinceName).toBe('Test abroad');
  });

  it('checks a stated date of birth against the encoded year', () => {
    expect(validateCitizenId('001185012345', { dateOfBirth: '1985-03-09' }).ok).toBe(true);
    expect(validateCitizenId('001185012345', { dateOfBirth: '09/03/1985' }).ok).toBe(true);
    expect(validateCitizenId('001185012345', { dateOfBirth: '1985' }).ok).toBe(true);
    const mismatch = validateCitizenId('001185012345', { dateOfBirth: '09/03/1986' });
    expect(codeOf(mismatch)).toBe('citizen-id.birth-year-mismatch');
    expect(mismatch.ok ? '' : mismatch.error.messageEn).toContain('1985');
    expect(codeOf(validateCitizenId('001185012345', { dateOfBirth: '31/02/1985' }))).toBe('citizen-id.invalid-date-of-birth');
    expect(codeOf(validateCitizenId('001185012345', { dateOfBirth: 'tháng 3' }))).toBe('citizen-id.invalid-date-of-birth');
  });

  it('checks a stated sex', () => {
    expect(validateCitizenId('001185012345', { sex: 'female' }).ok).toBe(true);
    expect(codeOf(validateCitizenId('001185012345', { sex: 'male' }))).toBe('citizen-id.sex-mismatch');
  });

  it('flags a birth year in the future as a typo', () => {
    expect(codeOf(validateCitizenId('001485012345', { asOfYear: 2026 }))).toBe('citizen-id.birth-year-in-future');
    expect(validateCitizenId('001225012345', { asOfYear: 2026 }).ok).toBe(true);
  });
});

describe('birth province codes', () => {
  it('lists the 63 pre-2025 provinces', () => {
    expect(birthProvinces.size).toBe(63);
    expect(birthProvinces.get('079')?.name).toBe('Hồ Chí Minh');
    expect(birthProvinces.get('096')?.name).toBe('Cà Mau');
  });

  it('maps each to one of the 34 provinces in the official 2026 list', () => {
    const csv = readFileSync(new URL('../../../shared/data/provinces_2026.csv', import.meta.url), 'utf8');
    const current = new Set(
      csv
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((line) => line.split(',')[0]),
    );
    expect(current.size).toBe(34);
    const targets = new Set([...birthProvinces.values()].map((p) => p.current));
    expect([...targets].sort()).toEqual([...current].sort());
    // Each merged province kept the code of one of the provinces it absorbed.
    for (const code of current) expect(birthProvinces.get(`0${code}`)?.current).toBe(code);
  });
});

describe('canFromCitizenId', () => {
  it('is the last six digits', () => {
    expect(canFromCitizenId('001 085 012345')).toEqual({ ok: true, value: '012345' });
    expect(codeOf(canFromCitizenId('12345'))).toBe('citizen-id.length');
  });
});
