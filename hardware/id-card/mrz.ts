import { err, ok, type Result } from '../../src-shared/result';
import { ascii } from './bytes';
import { sha1 } from './crypto/kdf';
import { idCardErrors, type IdCardFailure } from './errors';

/**
 * Machine readable zones of Doc 9303-3/-4/-5: TD1 (ID cards, 3 × 30, the CCCD's back) and TD3 (passports,
 * 2 × 44), with every check digit verified, and the MRZ information that seeds the BAC/PACE-MRZ keys.
 */
export type MrzSex = 'M' | 'F' | '<';

export type Mrz = {
  readonly format: 'TD1' | 'TD3';
  readonly documentCode: string;
  readonly issuingState: string;
  readonly documentNumber: string;
  readonly documentNumberCheckDigit: string;
  /** YYMMDD as printed. */
  readonly dateOfBirth: string;
  readonly sex: MrzSex;
  readonly dateOfExpiry: string;
  readonly nationality: string;
  readonly optionalData: string;
  readonly surname: string;
  readonly givenNames: string;
  /** CCCD: the 12-digit personal ID number from the TD1 optional data, when present. */
  readonly citizenId: string | undefined;
};

const VALUES = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Weights 7, 3, 1 repeating; digits as themselves, A–Z as 10–35, '<' as 0. */
export function checkDigit(field: string): number | undefined {
  let sum = 0;
  for (let i = 0; i < field.length; i += 1) {
    const char = field[i] ?? '';
    const value = char === '<' ? 0 : VALUES.indexOf(char);
    if (value < 0) return undefined;
    sum += value * ([7, 3, 1][i % 3] ?? 1);
  }
  return sum % 10;
}

const checks = (field: string, digit: string): boolean => {
  const computed = checkDigit(field);
  // '<' as a check digit stands for 0 in an empty optional field (Doc 9303-3 §4.9).
  return computed !== undefined && (String(computed) === digit || (digit === '<' && computed === 0 && /^<*$/u.test(field)));
};

function badCheck(fieldVi: string, fieldEn: string): Result<never, IdCardFailure> {
  return err(idCardErrors.mrzInvalid(`sai số kiểm tra của ${fieldVi}`, `the ${fieldEn} check digit does not match`));
}

/** Scanners and OCR hand over lines with spaces, lower case or CR/LF; the MRZ alphabet is A–Z, 0–9 and '<'. */
function normaliseLines(input: string | readonly string[]): string[] {
  const text = typeof input === 'string' ? input : input.join('\n');
  return text
    .toUpperCase()
    .split(/\r?\n|\r/u)
    .map((line) => line.replace(/\s+/gu, ''))
    .filter((line) => line.length > 0);
}

function names(field: string): { surname: string; givenNames: string } {
  const [surname = '', ...rest] = field.replace(/<+$/u, '').split('<<');
  return { surname: surname.replace(/</gu, ' ').trim(), givenNames: rest.join(' ').replace(/</gu, ' ').trim() };
}

const isDate = (yymmdd: string): boolean => {
  if (!/^\d{6}$/u.test(yymmdd)) return false;
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
};

const asSex = (char: string): MrzSex | undefined => (char === 'M' || char === 'F' || char === '<' ? char : undefined);

export function parseMrz(input: string | readonly string[]): Result<Mrz, IdCardFailure> {
  const lines = normaliseLines(input);
  if (lines.some((line) => !/^[A-Z0-9<]+$/u.test(line)))
    return err(idCardErrors.mrzInvalid('có ký tự ngoài A–Z, 0–9 và <', 'characters outside A–Z, 0–9 and <'));
  if (lines.length === 3 && lines.every((line) => line.length === 30)) return parseTd1(lines);
  if (lines.length === 2 && lines.every((line) => line.length === 44)) return parseTd3(lines);
  return err(
    idCardErrors.mrzInvalid(
      'cần 3 dòng × 30 ký tự (thẻ căn cước) hoặc 2 dòng × 44 ký tự (hộ chiếu)',
      'expected 3 lines of 30 characters (ID card) or 2 lines of 44 (passport)',
    ),
  );
}

function parseTd1([l1 = '', l2 = '', l3 = '']: readonly string[]): Result<Mrz, IdCardFailure> {
  let documentNumber = l1.slice(5, 14);
  let documentNumberCheckDigit = l1.slice(14, 15);
  let optionalData = l1.slice(15, 30);
  if (documentNumberCheckDigit === '<') {
    // Long document number: the rest and its check digit open the optional data (Doc 9303-5 §4.2.2 note j).
    const match = /^([A-Z0-9]*?)([0-9])</u.exec(optionalData);
    if (match === null) return err(idCardErrors.mrzInvalid('số giấy tờ dài không đúng dạng', 'malformed long document number'));
    documentNumber += match[1] ?? '';
    documentNumberCheckDigit = match[2] ?? '';
    optionalData = optionalData.slice((match[0] ?? '').length);
  }
  if (!checks(documentNumber, documentNumberCheckDigit)) return badCheck('số giấy tờ', 'document number');
  const dateOfBirth = l2.slice(0, 6);
  const dateOfExpiry = l2.slice(8, 14);
  if (!isDate(dateOfBirth) || !checks(dateOfBirth, l2.slice(6, 7))) return badCheck('ngày sinh', 'date of birth');
  if (!isDate(dateOfExpiry) || !checks(dateOfExpiry, l2.slice(14, 15))) return badCheck('ngày hết hạn', 'date of expiry');
  const composite = l1.slice(5, 30) + l2.slice(0, 7) + l2.slice(8, 15) + l2.slice(18, 29);
  if (!checks(composite, l2.slice(29, 30))) return badCheck('toàn dòng (composite)', 'composite');
  const sex = asSex(l2.slice(7, 8));
  if (sex === undefined) return err(idCardErrors.mrzInvalid('giới tính không hợp lệ', 'invalid sex'));
  const idMatch = /^(\d{12})/u.exec(l1.slice(15, 30));
  return ok({
    format: 'TD1',
    documentCode: l1.slice(0, 2).replace(/</gu, ''),
    issuingState: l1.slice(2, 5),
    documentNumber: documentNumber.replace(/<+$/u, ''),
    documentNumberCheckDigit,
    dateOfBirth,
    sex,
    dateOfExpiry,
    nationality: l2.slice(15, 18),
    optionalData: (optionalData + l2.slice(18, 29)).replace(/<+$/u, ''),
    ...names(l3),
    citizenId: l1.slice(2, 5) === 'VNM' ? idMatch?.[1] : undefined,
  });
}

function parseTd3([l1 = '', l2 = '']: readonly string[]): Result<Mrz, IdCardFailure> {
  const documentNumber = l2.slice(0, 9);
  if (!checks(documentNumber, l2.slice(9, 10))) return badCheck('số hộ chiếu', 'document number');
  const dateOfBirth = l2.slice(13, 19);
  const dateOfExpiry = l2.slice(21, 27);
  if (!isDate(dateOfBirth) || !checks(dateOfBirth, l2.slice(19, 20))) return badCheck('ngày sinh', 'date of birth');
  if (!isDate(dateOfExpiry) || !checks(dateOfExpiry, l2.slice(27, 28))) return badCheck('ngày hết hạn', 'date of expiry');
  if (!checks(l2.slice(28, 42), l2.slice(42, 43))) return badCheck('dữ liệu cá nhân', 'personal number');
  const composite = l2.slice(0, 10) + l2.slice(13, 20) + l2.slice(21, 43);
  if (!checks(composite, l2.slice(43, 44))) return badCheck('toàn dòng (composite)', 'composite');
  const sex = asSex(l2.slice(20, 21));
  if (sex === undefined) return err(idCardErrors.mrzInvalid('giới tính không hợp lệ', 'invalid sex'));
  return ok({
    format: 'TD3',
    documentCode: l1.slice(0, 2).replace(/</gu, ''),
    issuingState: l1.slice(2, 5),
    documentNumber: documentNumber.replace(/<+$/u, ''),
    documentNumberCheckDigit: l2.slice(9, 10),
    dateOfBirth,
    sex,
    dateOfExpiry,
    nationality: l2.slice(10, 13),
    optionalData: l2.slice(28, 42).replace(/<+$/u, ''),
    ...names(l1.slice(5, 44)),
    citizenId: undefined,
  });
}

export type MrzKeyFields = { readonly documentNumber: string; readonly dateOfBirth: string; readonly dateOfExpiry: string };

/**
 * MRZ information for BAC and PACE-MRZ (Doc 9303-11 §9.7.2): document number (padded to 9 with '<', or the
 * full long number) + check digit + date of birth + check digit + date of expiry + check digit.
 */
export function mrzInformation(fields: MrzKeyFields): Result<string, IdCardFailure> {
  const number = fields.documentNumber.toUpperCase().replace(/\s+/gu, '').padEnd(9, '<');
  if (!/^[A-Z0-9<]+$/u.test(number)) return err(idCardErrors.mrzInvalid('số giấy tờ không hợp lệ', 'invalid document number'));
  if (!isDate(fields.dateOfBirth)) return err(idCardErrors.mrzInvalid('ngày sinh cần dạng YYMMDD', 'date of birth must be YYMMDD'));
  if (!isDate(fields.dateOfExpiry)) return err(idCardErrors.mrzInvalid('ngày hết hạn cần dạng YYMMDD', 'date of expiry must be YYMMDD'));
  const withDigit = (field: string): string => `${field}${checkDigit(field) ?? 0}`;
  return ok(withDigit(number) + withDigit(fields.dateOfBirth) + withDigit(fields.dateOfExpiry));
}

/** Kseed = first 16 bytes of SHA-1(MRZ information), from which BAC derives KEnc and KMAC (bac.ts). */
export function mrzKeySeed(fields: MrzKeyFields): Result<Uint8Array, IdCardFailure> {
  const information = mrzInformation(fields);
  return information.ok ? ok(sha1(ascii(information.value)).slice(0, 16)) : information;
}

/** CCCD: the TD1 document number is the last 9 digits of the 12-digit personal ID number. */
export function cccdDocumentNumber(citizenId: string): string {
  return citizenId.replace(/\s+/gu, '').slice(-9);
}
