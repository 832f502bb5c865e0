import { err, ok, type Result } from '../result';
import { birthProvinces, type BirthProvince } from './birth-provinces';
import { citizenIdFailures, type TextFailure } from './errors';

export type Sex = 'male' | 'female';

export type CitizenIdInfo = {
  /** The 12 digits, spaces removed. */
  readonly id: string;
  /** Three digits: the province where the birth was registered (pre-2025 coding). */
  readonly provinceCode: string;
  readonly provinceName: string;
  /** Two digits: the province covering that area since 1 July 2025 (see birth-provinces.ts). */
  readonly currentProvinceCode: string;
  readonly sex: Sex;
  /** e.g. 20 for 1900–1999, as the law names centuries. */
  readonly century: number;
  readonly birthYearTwoDigits: string;
  readonly birthYearRange: { readonly from: number; readonly to: number };
  /** Century and the two year digits together give the exact year. */
  readonly birthYear: number;
};

export type CitizenIdCheck = {
  /** 'yyyy-mm-dd', 'dd/mm/yyyy' (as printed on the card) or 'yyyy'. */
  readonly dateOfBirth?: string;
  readonly sex?: Sex;
  /** Reject IDs whose birth year is after this year (a typo in the 4th–6th digits). */
  readonly asOfYear?: number;
  /** Codes for births registered abroad, if a deployment has an official list. */
  readonly extraProvinces?: ReadonlyMap<string, BirthProvince>;
};

/**
 * The 4th digit codes century and sex (Decree 137/2015/NĐ-CP art. 7(2), kept by Circular 59/2021/TT-BCA):
 * even = male, odd = female; 0/1 → 1900–1999, 2/3 → 2000–2099, 4/5 → 2100–2199, 6/7 → 2200–2299 and
 * 8/9 → 2300–2399 (the 24th century, not 1800–1899).
 */
function decodeCenturyDigit(digit: number): { sex: Sex; firstYear: number } {
  return { sex: digit % 2 === 0 ? 'male' : 'female', firstYear: 1900 + Math.floor(digit / 2) * 100 };
}

/** Validates a 12-digit personal ID number (số định danh cá nhân, the CCCD number) and decodes it. */
export function validateCitizenId(input: string, check: CitizenIdCheck = {}): Result<CitizenIdInfo, TextFailure> {
  const digits = twelveDigits(input);
  if (!digits.ok) return digits;
  const id = digits.value;
  const provinceCode = id.slice(0, 3);
  const province = birthProvinces.get(provinceCode) ?? check.extraProvinces?.get(provinceCode);
  if (province === undefined) return err(citizenIdFailures.unknownProvince(provinceCode));

  const { sex, firstYear } = decodeCenturyDigit(Number(id[3]));
  const birthYearTwoDigits = id.slice(4, 6);
  const birthYear = firstYear + Number(birthYearTwoDigits);

  if (check.asOfYear !== undefined && birthYear > check.asOfYear) return err(citizenIdFailures.birthYearInFuture(birthYear));
  if (check.dateOfBirth !== undefined) {
    const statedYear = yearOfBirthDate(check.dateOfBirth);
    if (statedYear === undefined) return err(citizenIdFailures.invalidDateOfBirth(check.dateOfBirth));
    if (statedYear !== birthYear) return err(citizenIdFailures.birthYearMismatch(birthYear, statedYear));
  }
  if (check.sex !== undefined && check.sex !== sex) return err(citizenIdFailures.sexMismatch(sex));

  return ok({
    id,
    provinceCode,
    provinceName: province.name,
    currentProvinceCode: province.current,
    sex,
    century: firstYear / 100 + 1,
    birthYearTwoDigits,
    birthYearRange: { from: firstYear, to: firstYear + 99 },
    birthYear,
  });
}

function yearOfBirthDate(text: string): number | undefined {
  const trimmed = text.trim();
  const match =
    /^(\d{4})-(\d{2})-(\d{2})$/u.exec(trimmed) ?? /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/u.exec(trimmed) ?? /^(\d{4})$/u.exec(trimmed);
  if (match === null) return undefined;
  const [, first = '', second, third] = match;
  if (second === undefined || third === undefined) return Number(first);
  const isoOrder = first.length === 4;
  const year = Number(isoOrder ? first : third);
  const month = Number(second);
  const day = Number(isoOrder ? third : first);
  const valid = month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  return valid ? year : undefined;
}

/**
 * The card access number (CAN) that unlocks the chip with PACE: on Vietnamese chip ID cards it is the last six
 * digits of the personal ID number, so a reader can open the chip without reading the MRZ.
 */
export function canFromCitizenId(input: string): Result<string, TextFailure> {
  const digits = twelveDigits(input);
  return digits.ok ? ok(digits.value.slice(6)) : digits;
}

/** Officers type IDs in groups ("001 085 012345"), so inner spaces are removed before counting digits. */
function twelveDigits(input: string): Result<string, TextFailure> {
  const id = input.replace(/\s+/gu, '');
  if (id === '') return err(citizenIdFailures.empty());
  if (!/^\d+$/u.test(id)) return err(citizenIdFailures.notDigits());
  if (id.length !== 12) return err(citizenIdFailures.length(id.length));
  return ok(id);
}
