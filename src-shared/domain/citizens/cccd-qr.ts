import { err, failure, ok, type Failure, type Result } from '../../result';
import { canFromCitizenId } from '../../text/citizen-id';

/**
 * The QR code on the front of a CCCD: `ID12|oldID9|full name|DDMMYYYY|sex|address|DDMMYYYY(issue)`, and a
 * 6-field variant (without the old ID, or without the issue date: both are accepted). It usually arrives through a barcode scanner that types like a keyboard,
 * so the parser forgives stray whitespace, CR/LF, a BOM, decomposed diacritics and extra trailing fields, but
 * never guesses a date or an ID number. The QR gives the CAN (PACE password) but not the MRZ expiry date.
 */
export type CccdQr = {
  readonly citizenId: string;
  /** The 9-digit identity card (CMND) number, when the card carries one. */
  readonly oldId: string | undefined;
  readonly fullName: string;
  /** ISO 'YYYY-MM-DD'. */
  readonly dateOfBirth: string;
  readonly sex: 'male' | 'female' | undefined;
  /** As printed ("Nam", "Nữ"), NFC. */
  readonly sexText: string;
  readonly address: string;
  readonly issueDate: string | undefined;
  /** Card access number for PACE: the last 6 digits of the ID. */
  readonly can: string;
  readonly layout: '7-field' | '6-field';
};

function isoDate(text: string): string | undefined {
  const match = /^(\d{2})(\d{2})(\d{4})$/u.exec(text);
  if (match === null) return undefined;
  const [, dd = '', mm = '', yyyy = ''] = match;
  const day = Number(dd);
  const month = Number(mm);
  const year = Number(yyyy);
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  return `${yyyy}-${mm}-${dd}`;
}

function sexOf(text: string): 'male' | 'female' | undefined {
  const folded = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  if (folded === 'nam' || folded === 'male' || folded === 'm') return 'male';
  if (folded === 'nu' || folded === 'female' || folded === 'f') return 'female';
  return undefined;
}

const invalid = (vi: string, en: string): Result<never, Failure> =>
  err(failure('citizen.qr-format', `Mã QR trên thẻ không đọc được: ${vi}.`, `The card's QR code cannot be read: ${en}.`));

export function parseCccdQr(raw: string): Result<CccdQr, Failure> {
  const text = raw
    .normalize('NFC')
    .replace(/[\uFEFF\u200B-\u200D]/gu, '')
    .replace(/[\r\n\t]+/gu, ' ')
    .trim();
  if (text === '') return invalid('nội dung trống', 'the content is empty');
  const fields = text.split('|').map((field) => field.trim().replace(/\s{2,}/gu, ' '));
  if (fields.length < 6)
    return invalid(`chỉ có ${fields.length} trường, cần 6 hoặc 7 trường phân cách bởi "|"`, `only ${fields.length} fields, expected 6 or 7 separated by "|"`);

  // The second field is the old 9-digit ID (possibly empty) when it is digits or blank; otherwise the name
  // follows the ID directly. The issue date is the last field when there is room for it.
  const second = fields[1] ?? '';
  const hasOldId = second === '' || /^\d{9}$|^\d{12}$/u.test(second);
  const [citizenIdText = '', oldIdText, name = '', dob = '', sexText = '', address = '', issue = ''] = hasOldId
    ? fields
    : [fields[0], undefined, ...fields.slice(1)];

  const can = canFromCitizenId(citizenIdText);
  if (!can.ok) return invalid(can.error.message, can.error.messageEn);
  const dateOfBirth = isoDate(dob);
  if (dateOfBirth === undefined) return invalid(`ngày sinh "${dob}" không đúng dạng ngày tháng năm (DDMMYYYY)`, `date of birth "${dob}" is not a DDMMYYYY date`);
  if (name === '') return invalid('thiếu họ và tên', 'the full name is missing');
  const issueDate = issue === '' ? undefined : isoDate(issue);
  if (issue !== '' && issueDate === undefined) return invalid(`ngày cấp "${issue}" không đúng dạng DDMMYYYY`, `issue date "${issue}" is not a DDMMYYYY date`);

  return ok({
    citizenId: citizenIdText.replace(/\s+/gu, ''),
    oldId: oldIdText === undefined || oldIdText === '' ? undefined : oldIdText,
    fullName: name,
    dateOfBirth,
    sex: sexOf(sexText),
    sexText,
    address,
    issueDate,
    can: can.value,
    layout: fields.length >= 7 ? '7-field' : '6-field',
  });
}
