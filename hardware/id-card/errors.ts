import { failure, type Failure } from '../../src-shared/result';

/** Every failure the chip ID card reader can report; one place so callers can switch on them. */
export type IdCardErrorCode =
  | 'id-card.apdu-invalid'
  | 'id-card.response-malformed'
  | 'id-card.status'
  | 'id-card.tlv-malformed'
  | 'id-card.mrz-invalid'
  | 'id-card.crypto'
  | 'id-card.card-access-malformed'
  | 'id-card.wrong-password'
  | 'id-card.password-blocked'
  | 'id-card.authentication-failed'
  | 'id-card.no-access-key'
  | 'id-card.secure-messaging'
  | 'id-card.card-removed'
  | 'id-card.transport'
  | 'id-card.transient'
  | 'id-card.file-not-found'
  | 'id-card.lds-malformed'
  | 'id-card.sod-malformed';

/**
 * `sw` carries the card's status word when one caused the failure; `file` names the elementary file
 * (e.g. "DG2") being read, so a log line says where a read broke without any personal data.
 */
export type IdCardFailure = Failure<IdCardErrorCode> & { readonly sw?: number; readonly file?: string };

const hex4 = (sw: number): string => sw.toString(16).toUpperCase().padStart(4, '0');

export const idCardErrors = {
  apduInvalid: (detail: string): IdCardFailure =>
    failure('id-card.apdu-invalid', `Lệnh gửi thẻ không hợp lệ: ${detail}.`, `Invalid command APDU: ${detail}.`),
  responseMalformed: (detail: string): IdCardFailure =>
    failure('id-card.response-malformed', `Phản hồi của thẻ không đúng định dạng: ${detail}.`, `Malformed card response: ${detail}.`),
  status: (sw: number, nameEn: string, nameVi: string, command: string): IdCardFailure => ({
    ...failure(
      'id-card.status',
      `Thẻ từ chối lệnh ${command}: ${nameVi} (SW ${hex4(sw)}).`,
      `The card refused ${command}: ${nameEn} (SW ${hex4(sw)}).`,
    ),
    sw,
  }),
  tlvMalformed: (detail: string, offset: number): IdCardFailure =>
    failure(
      'id-card.tlv-malformed',
      `Dữ liệu TLV hỏng tại vị trí ${offset}: ${detail}.`,
      `Malformed TLV data at offset ${offset}: ${detail}.`,
    ),
  mrzInvalid: (detailVi: string, detailEn: string): IdCardFailure =>
    failure('id-card.mrz-invalid', `Vùng MRZ không hợp lệ: ${detailVi}.`, `Invalid MRZ: ${detailEn}.`, 'mrz'),
  crypto: (detail: string): IdCardFailure =>
    failure('id-card.crypto', `Lỗi mật mã: ${detail}.`, `Cryptographic error: ${detail}.`),
  cardAccessMalformed: (detail: string): IdCardFailure =>
    failure('id-card.card-access-malformed', `EF.CardAccess không hợp lệ: ${detail}.`, `Malformed EF.CardAccess: ${detail}.`),
  wrongPassword: (method: string, sw: number, triesLeft: number | undefined): IdCardFailure => ({
    ...failure(
      'id-card.wrong-password',
      `Thẻ không chấp nhận khoá truy cập (${method}); kiểm tra lại số CAN hoặc MRZ` +
        (triesLeft === undefined ? '.' : ` (còn ${triesLeft} lần thử).`),
      `The card rejected the access key (${method}); check the CAN or MRZ` + (triesLeft === undefined ? '.' : ` (${triesLeft} tries left).`),
    ),
    sw,
  }),
  passwordBlocked: (method: string, sw: number): IdCardFailure => ({
    ...failure(
      'id-card.password-blocked',
      `Khoá truy cập (${method}) đã bị thẻ khoá do nhập sai nhiều lần.`,
      `The card has blocked this access key (${method}) after too many wrong attempts.`,
    ),
    sw,
  }),
  authenticationFailed: (method: string, detail: string): IdCardFailure =>
    failure(
      'id-card.authentication-failed',
      `Xác thực với chip thất bại (${method}): ${detail}.`,
      `Authentication with the chip failed (${method}): ${detail}.`,
    ),
  noAccessKey: (): IdCardFailure =>
    failure(
      'id-card.no-access-key',
      'Cần số CAN (6 số cuối của số CCCD) hoặc dữ liệu MRZ để mở chip.',
      'A CAN (the last 6 digits of the ID number) or the MRZ data is needed to open the chip.',
    ),
  secureMessaging: (detail: string): IdCardFailure =>
    failure(
      'id-card.secure-messaging',
      `Kênh bảo mật với chip bị lỗi: ${detail}.`,
      `Secure messaging with the chip failed: ${detail}.`,
    ),
  cardRemoved: (file: string | undefined): IdCardFailure => ({
    ...failure(
      'id-card.card-removed',
      file === undefined ? 'Thẻ đã bị rút ra khỏi đầu đọc; vui lòng đặt lại thẻ.' : `Thẻ đã bị rút ra khi đang đọc ${file}; vui lòng đặt lại thẻ và đọc lại.`,
      file === undefined ? 'The card was removed from the reader; please place it again.' : `The card was removed while reading ${file}; please place it again and retry.`,
    ),
    ...(file === undefined ? {} : { file }),
  }),
  transport: (detail: string): IdCardFailure =>
    failure('id-card.transport', `Lỗi kết nối với đầu đọc thẻ: ${detail}.`, `Card reader connection error: ${detail}.`),
  transient: (detail: string): IdCardFailure =>
    failure('id-card.transient', `Lỗi liên lạc tạm thời với thẻ: ${detail}.`, `Transient communication error with the card: ${detail}.`),
  fileNotFound: (file: string): IdCardFailure => ({
    ...failure('id-card.file-not-found', `Chip không có tệp ${file}.`, `The chip has no ${file} file.`),
    file,
  }),
  ldsMalformed: (file: string, detail: string): IdCardFailure => ({
    ...failure('id-card.lds-malformed', `Tệp ${file} trên chip không đúng định dạng: ${detail}.`, `${file} on the chip is malformed: ${detail}.`),
    file,
  }),
  sodMalformed: (detail: string): IdCardFailure => ({
    ...failure('id-card.sod-malformed', `Tệp EF.SOD không đúng định dạng: ${detail}.`, `EF.SOD is malformed: ${detail}.`),
    file: 'EF.SOD',
  }),
} as const;
