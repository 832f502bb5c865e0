import { err, failure, ok, type Failure, type Result } from '../../result';
import { normalizeName, normalizeText } from '../../text/normalize';
import { validateCitizenId } from '../../text/citizen-id';

/** What the QR on the front of a chip ID card says (DOMAIN.md §10). */
export type CccdQr = {
  readonly idNumber: string;
  readonly oldIdNumber?: string;
  readonly fullName: string;
  /** ISO `yyyy-mm-dd`. */
  readonly dateOfBirth: string;
  readonly sex: 'male' | 'female';
  readonly address: string;
  readonly issueDate?: string;
};

const isoDate = (ddmmyyyy: string): string | undefined => {
  const match = /^(\d{2})(\d{2})(\d{4})$/.exec(ddmmyyyy.trim());
  return match ? `${match[3]}-${match[2]}-${match[1]}` : undefined;
};

const sexOf = (text: string): 'male' | 'female' | undefined => {
  const folded = text.trim().toLowerCase();
  if (folded === 'nam' || folded === 'male') return 'male';
  if (folded === 'nữ' || folded === 'nu' || folded === 'female') return 'female';
  return undefined;
};

const bad = (vi: string, en: string): Result<never, Failure> => err(failure('citizen.qr-format', `Mã QR trên thẻ không đọc được: ${vi}`, `The card's QR code cannot be read: ${en}`));

/**
 * Parses `ID12|oldID9|name|DDMMYYYY|sex|address|DDMMYYYY` and the 6-field variant without the old ID. It
 * arrives typed by a barcode scanner, so stray whitespace and NFD text are tolerated; the ID is validated.
 */
export function parseCccdQr(text: string): Result<CccdQr, Failure> {
  const fields = normalizeText(text).split('|').map((f) => f.trim());
  if (fields.length !== 7 && fields.length !== 6) return bad(`cần 6 hoặc 7 trường, có ${fields.length}.`, `expected 6 or 7 fields, got ${fields.length}.`);
  const withOld = fields.length === 7;
  const [idNumber = '', maybeOld = '', ...rest] = fields;
  const [fullName = '', dob = '', sexText = '', address = '', issue = ''] = withOld ? rest : [maybeOld, ...rest];
  const id = validateCitizenId(idNumber);
  if (!id.ok) return err(id.error);
  const dateOfBirth = isoDate(dob);
  if (!dateOfBirth) return bad('ngày sinh sai dạng.', 'the date of birth is malformed.');
  const sex = sexOf(sexText);
  if (!sex) return bad('giới tính không rõ.', 'the sex field is unclear.');
  if (normalizeName(fullName) === '') return bad('thiếu họ tên.', 'the name is missing.');
  const issueDate = issue === '' ? undefined : isoDate(issue);
  return ok({
    idNumber: id.value.id,
    ...(withOld && maybeOld !== '' ? { oldIdNumber: maybeOld } : {}),
    fullName: normalizeName(fullName),
    dateOfBirth,
    sex,
    address: normalizeText(address),
    ...(issueDate === undefined ? {} : { issueDate }),
  });
}
