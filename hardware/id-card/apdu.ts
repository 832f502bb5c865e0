import { err, ok, type Result } from '../../src-shared/result';
import { concat } from './bytes';
import { idCardErrors, type IdCardFailure } from './errors';

/**
 * ISO/IEC 7816-4 command and response APDUs. `ne` is the number of response bytes expected
 * (1..65536; 256 and 65536 are the "as many as available" maxima of short and extended Le); omit it when
 * no data is expected. Encoding chooses short or extended length from the sizes, and refuses extended
 * length when the reader or card has not announced support for it.
 */
export type CommandApdu = {
  readonly cla: number;
  readonly ins: number;
  readonly p1: number;
  readonly p2: number;
  readonly data?: Uint8Array;
  readonly ne?: number;
};

export type ResponseApdu = {
  readonly data: Uint8Array;
  readonly sw: number;
};

export type EncodeOptions = { readonly extendedLength?: boolean };

const CHAINING_BIT = 0x10;
const SHORT_MAX_LC = 255;
const SHORT_MAX_NE = 256;
const EXTENDED_MAX = 65_535;
const EXTENDED_MAX_NE = 65_536;

function isByte(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= 0xff;
}

export function encodeCommand(command: CommandApdu, options: EncodeOptions = {}): Result<Uint8Array, IdCardFailure> {
  const { cla, ins, p1, p2 } = command;
  if (![cla, ins, p1, p2].every(isByte)) return err(idCardErrors.apduInvalid('header bytes must be 0..255'));
  const data = command.data ?? new Uint8Array(0);
  const ne = command.ne;
  if (data.length > EXTENDED_MAX) return err(idCardErrors.apduInvalid(`data too long (${data.length} bytes)`));
  if (ne !== undefined && (!Number.isInteger(ne) || ne < 1 || ne > EXTENDED_MAX_NE))
    return err(idCardErrors.apduInvalid(`Ne out of range (${ne})`));

  const extended = data.length > SHORT_MAX_LC || (ne !== undefined && ne > SHORT_MAX_NE);
  if (extended && options.extendedLength !== true) return err(idCardErrors.apduInvalid('extended length needed but not enabled'));

  const header = Uint8Array.of(cla, ins, p1, p2);
  if (!extended) {
    const lc = data.length > 0 ? Uint8Array.of(data.length) : new Uint8Array(0);
    const le = ne === undefined ? new Uint8Array(0) : Uint8Array.of(ne === SHORT_MAX_NE ? 0 : ne);
    return ok(concat(header, lc, data, le));
  }
  // Extended: a single 00 byte introduces the first two-byte length field, whichever it is (ISO 7816-4 §5.1).
  const twoBytes = (n: number): Uint8Array => Uint8Array.of((n >> 8) & 0xff, n & 0xff);
  const lc = data.length > 0 ? concat(Uint8Array.of(0), twoBytes(data.length)) : new Uint8Array(0);
  const leValue = ne === undefined ? undefined : twoBytes(ne === EXTENDED_MAX_NE ? 0 : ne);
  const le = leValue === undefined ? new Uint8Array(0) : data.length > 0 ? leValue : concat(Uint8Array.of(0), leValue);
  return ok(concat(header, lc, data, le));
}

export type DecodedCommand = CommandApdu & { readonly extended: boolean };

/** The card side of encodeCommand, used by the virtual card; every ISO case 1, 2S/E, 3S/E, 4S/E. */
export function decodeCommand(bytes: Uint8Array): Result<DecodedCommand, IdCardFailure> {
  if (bytes.length < 4) return err(idCardErrors.apduInvalid('shorter than a header'));
  const [cla = 0, ins = 0, p1 = 0, p2 = 0] = bytes;
  const header = { cla, ins, p1, p2 };
  const body = bytes.subarray(4);
  if (body.length === 0) return ok({ ...header, extended: false });
  const first = body[0] ?? 0;
  if (body.length === 1) return ok({ ...header, ne: first === 0 ? SHORT_MAX_NE : first, extended: false });
  if (first !== 0 || body.length === 2) {
    // Short Lc (or a lone short Le handled above).
    const lc = first;
    if (lc === 0) return err(idCardErrors.apduInvalid('Lc = 0'));
    if (body.length === 1 + lc) return ok({ ...header, data: body.slice(1, 1 + lc), extended: false });
    if (body.length === 2 + lc) {
      const le = body[1 + lc] ?? 0;
      return ok({ ...header, data: body.slice(1, 1 + lc), ne: le === 0 ? SHORT_MAX_NE : le, extended: false });
    }
    return err(idCardErrors.apduInvalid('body length does not match Lc'));
  }
  const n = ((body[1] ?? 0) << 8) | (body[2] ?? 0);
  if (body.length === 3) return ok({ ...header, ne: n === 0 ? EXTENDED_MAX_NE : n, extended: true });
  if (n === 0) return err(idCardErrors.apduInvalid('extended Lc = 0'));
  const data = body.slice(3, 3 + n);
  if (body.length === 3 + n) return ok({ ...header, data, extended: true });
  if (body.length === 5 + n) {
    const le = ((body[3 + n] ?? 0) << 8) | (body[4 + n] ?? 0);
    return ok({ ...header, data, ne: le === 0 ? EXTENDED_MAX_NE : le, extended: true });
  }
  return err(idCardErrors.apduInvalid('body length does not match extended Lc'));
}

/**
 * Splits a command whose data exceeds what the card accepts in one APDU into a chain (ISO 7816-4 §5.3.3):
 * every part but the last carries the chaining bit in CLA; only the last one asks for a response.
 */
export function chainCommand(command: CommandApdu, maxDataPerApdu: number): readonly CommandApdu[] {
  const data = command.data ?? new Uint8Array(0);
  if (data.length <= maxDataPerApdu) return [command];
  const parts: CommandApdu[] = [];
  for (let offset = 0; offset < data.length; offset += maxDataPerApdu) {
    const last = offset + maxDataPerApdu >= data.length;
    const chunk = data.slice(offset, offset + maxDataPerApdu);
    parts.push(
      last
        ? { ...command, data: chunk }
        : { cla: command.cla | CHAINING_BIT, ins: command.ins, p1: command.p1, p2: command.p2, data: chunk },
    );
  }
  return parts;
}

export const isChained = (cla: number): boolean => (cla & CHAINING_BIT) !== 0;

export function parseResponse(bytes: Uint8Array): Result<ResponseApdu, IdCardFailure> {
  if (bytes.length < 2) return err(idCardErrors.responseMalformed(`${bytes.length} bytes, no status word`));
  const sw = ((bytes[bytes.length - 2] ?? 0) << 8) | (bytes[bytes.length - 1] ?? 0);
  return ok({ data: bytes.slice(0, bytes.length - 2), sw });
}

export function encodeResponse(response: ResponseApdu): Uint8Array {
  return concat(response.data, Uint8Array.of((response.sw >> 8) & 0xff, response.sw & 0xff));
}

export const SW = {
  success: 0x9000,
  endOfFile: 0x6282,
  wrongLength: 0x6700,
  securityStatusNotSatisfied: 0x6982,
  authenticationBlocked: 0x6983,
  referenceDataNotUsable: 0x6984,
  conditionsNotSatisfied: 0x6985,
  smObjectsMissing: 0x6987,
  smObjectsIncorrect: 0x6988,
  wrongData: 0x6a80,
  fileNotFound: 0x6a82,
  wrongP1P2: 0x6a86,
  referenceNotFound: 0x6a88,
  wrongOffset: 0x6b00,
  insNotSupported: 0x6d00,
  claNotSupported: 0x6e00,
  noPreciseDiagnosis: 0x6f00,
} as const;

export type StatusName = { readonly en: string; readonly vi: string };

/** Names of the status words an eMRTD reader meets, for logs and bilingual errors. */
export function statusName(sw: number): StatusName {
  const sw1 = sw >> 8;
  const sw2 = sw & 0xff;
  if (sw1 === 0x61) return { en: `${sw2} more bytes available`, vi: `còn ${sw2} byte dữ liệu` };
  if (sw1 === 0x6c) return { en: `wrong Le, ${sw2} bytes available`, vi: `Le sai, thẻ có ${sw2} byte` };
  if (sw1 === 0x63 && (sw2 & 0xf0) === 0xc0)
    return { en: `verification failed, ${sw2 & 0x0f} tries left`, vi: `xác thực sai, còn ${sw2 & 0x0f} lần thử` };
  const known: Readonly<Record<number, StatusName>> = {
    0x9000: { en: 'success', vi: 'thành công' },
    0x6281: { en: 'part of the returned data may be corrupted', vi: 'một phần dữ liệu trả về có thể bị hỏng' },
    0x6282: { en: 'end of file reached before Le bytes', vi: 'đã hết tệp trước khi đủ số byte yêu cầu' },
    0x6300: { en: 'verification failed', vi: 'xác thực sai' },
    0x6581: { en: 'memory failure', vi: 'lỗi bộ nhớ thẻ' },
    0x6700: { en: 'wrong length', vi: 'sai độ dài' },
    0x6882: { en: 'secure messaging not supported', vi: 'không hỗ trợ kênh bảo mật' },
    0x6982: { en: 'security status not satisfied', vi: 'chưa đủ điều kiện bảo mật' },
    0x6983: { en: 'authentication method blocked', vi: 'phương thức xác thực đã bị khoá' },
    0x6984: { en: 'reference data not usable', vi: 'dữ liệu tham chiếu không dùng được' },
    0x6985: { en: 'conditions of use not satisfied', vi: 'chưa đủ điều kiện sử dụng' },
    0x6986: { en: 'command not allowed (no current EF)', vi: 'lệnh không được phép (chưa chọn tệp)' },
    0x6987: { en: 'expected secure messaging data objects missing', vi: 'thiếu đối tượng dữ liệu của kênh bảo mật' },
    0x6988: { en: 'incorrect secure messaging data objects', vi: 'đối tượng dữ liệu của kênh bảo mật không đúng' },
    0x6a80: { en: 'incorrect data field', vi: 'trường dữ liệu không đúng' },
    0x6a82: { en: 'file or application not found', vi: 'không tìm thấy tệp hoặc ứng dụng' },
    0x6a86: { en: 'incorrect P1-P2', vi: 'tham số P1-P2 không đúng' },
    0x6a88: { en: 'referenced data not found', vi: 'không tìm thấy dữ liệu tham chiếu' },
    0x6b00: { en: 'offset outside the file', vi: 'vị trí đọc nằm ngoài tệp' },
    0x6d00: { en: 'instruction not supported', vi: 'lệnh không được hỗ trợ' },
    0x6e00: { en: 'class not supported', vi: 'lớp lệnh không được hỗ trợ' },
    0x6f00: { en: 'no precise diagnosis', vi: 'lỗi không xác định' },
  };
  return known[sw] ?? { en: 'unknown status', vi: 'trạng thái không xác định' };
}

export function statusFailure(sw: number, command: string): IdCardFailure {
  const name = statusName(sw);
  return idCardErrors.status(sw, name.en, name.vi, command);
}
