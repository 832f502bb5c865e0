import { failure, type Failure } from '../result';

/** Error codes of the Vietnamese text utilities (citizen ID numbers, CSV). */
export const textErrorCodes = {
  citizenIdEmpty: 'citizen-id.empty',
  citizenIdNotDigits: 'citizen-id.not-digits',
  citizenIdLength: 'citizen-id.length',
  citizenIdUnknownProvince: 'citizen-id.unknown-province',
  citizenIdBirthYearMismatch: 'citizen-id.birth-year-mismatch',
  citizenIdBirthYearInFuture: 'citizen-id.birth-year-in-future',
  citizenIdSexMismatch: 'citizen-id.sex-mismatch',
  citizenIdInvalidDateOfBirth: 'citizen-id.invalid-date-of-birth',
  csvUnterminatedQuote: 'csv.unterminated-quote',
  csvQuoteInUnquotedField: 'csv.quote-in-unquoted-field',
  csvTextAfterClosingQuote: 'csv.text-after-closing-quote',
} as const;

export type TextErrorCode = (typeof textErrorCodes)[keyof typeof textErrorCodes];
export type TextFailure = Failure<TextErrorCode>;

const sexVi = { male: 'nam', female: 'nữ' } as const;

export const citizenIdFailures = {
  empty: (): TextFailure =>
    failure(textErrorCodes.citizenIdEmpty, 'Chưa nhập số định danh cá nhân (số CCCD).', 'The personal ID number (CCCD) is empty.', 'citizenId'),
  notDigits: (): TextFailure =>
    failure(
      textErrorCodes.citizenIdNotDigits,
      'Số định danh cá nhân chỉ gồm chữ số (0–9).',
      'A personal ID number contains digits (0–9) only.',
      'citizenId',
    ),
  length: (digits: number): TextFailure =>
    digits === 9
      ? failure(
          textErrorCodes.citizenIdLength,
          'Số này có 9 chữ số, giống số chứng minh nhân dân cũ; số định danh cá nhân (CCCD) phải có đúng 12 chữ số.',
          'This number has 9 digits, like an old identity card (CMND); a personal ID number (CCCD) has exactly 12 digits.',
          'citizenId',
        )
      : failure(
          textErrorCodes.citizenIdLength,
          `Số định danh cá nhân phải có đúng 12 chữ số (số đã nhập có ${digits} chữ số).`,
          `A personal ID number has exactly 12 digits (this one has ${digits}).`,
          'citizenId',
        ),
  unknownProvince: (code: string): TextFailure =>
    failure(
      textErrorCodes.citizenIdUnknownProvince,
      `Ba chữ số đầu "${code}" không phải mã tỉnh nơi đăng ký khai sinh; vui lòng kiểm tra lại số.`,
      `The first three digits "${code}" are not a known birth-registration province code; please check the number.`,
      'citizenId',
    ),
  birthYearMismatch: (fromId: number, fromDate: number): TextFailure =>
    failure(
      textErrorCodes.citizenIdBirthYearMismatch,
      `Năm sinh theo số định danh là ${fromId}, khác với năm sinh ${fromDate} đã khai.`,
      `The ID number encodes birth year ${fromId}, which differs from the stated birth year ${fromDate}.`,
      'citizenId',
    ),
  birthYearInFuture: (year: number): TextFailure =>
    failure(
      textErrorCodes.citizenIdBirthYearInFuture,
      `Số định danh cho năm sinh ${year}, chưa đến; có thể nhập nhầm chữ số thứ 4 hoặc thứ 5–6.`,
      `The ID number encodes birth year ${year}, which is in the future; the 4th or the 5th–6th digits are probably mistyped.`,
      'citizenId',
    ),
  sexMismatch: (fromId: 'male' | 'female'): TextFailure =>
    failure(
      textErrorCodes.citizenIdSexMismatch,
      `Giới tính theo số định danh là ${sexVi[fromId]}, khác với giới tính đã khai.`,
      `The ID number encodes sex "${fromId}", which differs from the stated sex.`,
      'citizenId',
    ),
  invalidDateOfBirth: (text: string): TextFailure =>
    failure(
      textErrorCodes.citizenIdInvalidDateOfBirth,
      `Ngày sinh "${text}" không đúng dạng (dd/mm/yyyy, yyyy-mm-dd hoặc yyyy).`,
      `Date of birth "${text}" is not in a known form (dd/mm/yyyy, yyyy-mm-dd or yyyy).`,
      'dateOfBirth',
    ),
};

export const csvFailures = {
  unterminatedQuote: (line: number): TextFailure =>
    failure(
      textErrorCodes.csvUnterminatedQuote,
      `Dấu ngoặc kép mở ở dòng ${line} không được đóng đến hết tệp.`,
      `The quote opened on line ${line} is never closed.`,
      `line ${line}`,
    ),
  quoteInUnquotedField: (line: number): TextFailure =>
    failure(
      textErrorCodes.csvQuoteInUnquotedField,
      `Dòng ${line}: dấu ngoặc kép nằm giữa một ô không được bọc trong ngoặc kép; đã giữ nguyên như ký tự thường.`,
      `Line ${line}: a quote inside an unquoted cell; it was kept as a plain character.`,
      `line ${line}`,
    ),
  textAfterClosingQuote: (line: number): TextFailure =>
    failure(
      textErrorCodes.csvTextAfterClosingQuote,
      `Dòng ${line}: có ký tự sau dấu ngoặc kép đóng ô; đã nối vào nội dung ô.`,
      `Line ${line}: characters after a cell's closing quote; they were appended to the cell.`,
      `line ${line}`,
    ),
};
