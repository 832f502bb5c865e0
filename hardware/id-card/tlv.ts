import { err, ok, type Result } from '../../src-shared/result';
import { concat } from './bytes';
import { idCardErrors, type IdCardFailure } from './errors';

/**
 * BER-TLV as used by ISO 7816-4 and ICAO 9303: tags of up to three bytes (e.g. 7F49, 5F1F), definite lengths
 * in short or long form up to four length bytes. Indefinite lengths are refused: no eMRTD structure uses them
 * and they would let a malformed card make the parser scan for an end that never comes.
 *
 * Decoding never throws on bad input: every problem comes back as an `id-card.tlv-malformed` failure.
 */
export type Tlv = {
  /** Tag bytes as one number, e.g. 0x7F49, 0x30, 0xA0. */
  readonly tag: number;
  readonly constructed: boolean;
  readonly value: Uint8Array;
  /** Header and value together, e.g. to re-hash a certificate or re-tag signed attributes. */
  readonly raw: Uint8Array;
};

const MAX_TAG_BYTES = 3;
const MAX_LENGTH_BYTES = 4;

type Decoded = { readonly tlv: Tlv; readonly next: number };

export function decodeTlvAt(bytes: Uint8Array, offset: number): Result<Decoded, IdCardFailure> {
  let pos = offset;
  const first = bytes[pos];
  if (first === undefined) return err(idCardErrors.tlvMalformed('missing tag', pos));
  if (first === 0x00 || first === 0xff) return err(idCardErrors.tlvMalformed(`invalid tag byte ${first}`, pos));
  let tag = first;
  pos += 1;
  if ((first & 0x1f) === 0x1f) {
    // Multi-byte tag: continuation bytes have bit 8 set, the last one has it clear.
    let count = 1;
    for (;;) {
      const next = bytes[pos];
      if (next === undefined) return err(idCardErrors.tlvMalformed('truncated tag', pos));
      tag = tag * 256 + next;
      pos += 1;
      count += 1;
      if (count > MAX_TAG_BYTES) return err(idCardErrors.tlvMalformed('tag longer than 3 bytes', offset));
      if ((next & 0x80) === 0) break;
    }
  }
  const lengthByte = bytes[pos];
  if (lengthByte === undefined) return err(idCardErrors.tlvMalformed('missing length', pos));
  pos += 1;
  let length = lengthByte;
  if (lengthByte === 0x80) return err(idCardErrors.tlvMalformed('indefinite length', pos - 1));
  if (lengthByte > 0x80) {
    const count = lengthByte & 0x7f;
    if (count > MAX_LENGTH_BYTES) return err(idCardErrors.tlvMalformed(`${count} length bytes`, pos - 1));
    length = 0;
    for (let i = 0; i < count; i += 1) {
      const next = bytes[pos];
      if (next === undefined) return err(idCardErrors.tlvMalformed('truncated length', pos));
      length = length * 256 + next;
      pos += 1;
    }
  }
  if (length > bytes.length - pos) return err(idCardErrors.tlvMalformed(`length ${length} exceeds the ${bytes.length - pos} bytes left`, pos));
  const value = bytes.subarray(pos, pos + length);
  const raw = bytes.subarray(offset, pos + length);
  return ok({ tlv: { tag, constructed: (first & 0x20) !== 0, value, raw }, next: pos + length });
}

/** Exactly one TLV, nothing after it (a file's outer template). Trailing padding is refused. */
export function decodeTlv(bytes: Uint8Array): Result<Tlv, IdCardFailure> {
  const decoded = decodeTlvAt(bytes, 0);
  if (!decoded.ok) return decoded;
  if (decoded.value.next !== bytes.length) return err(idCardErrors.tlvMalformed('trailing bytes after the TLV', decoded.value.next));
  return ok(decoded.value.tlv);
}

/** A run of TLVs filling `bytes` entirely, e.g. the value of a constructed TLV. */
export function decodeTlvList(bytes: Uint8Array): Result<readonly Tlv[], IdCardFailure> {
  const out: Tlv[] = [];
  let pos = 0;
  while (pos < bytes.length) {
    const decoded = decodeTlvAt(bytes, pos);
    if (!decoded.ok) return decoded;
    out.push(decoded.value.tlv);
    pos = decoded.value.next;
  }
  return ok(out);
}

export function children(tlv: Tlv): Result<readonly Tlv[], IdCardFailure> {
  if (!tlv.constructed) return err(idCardErrors.tlvMalformed(`tag ${tagHex(tlv.tag)} is primitive`, 0));
  return decodeTlvList(tlv.value);
}

/**
 * The number of bytes the TLV that starts `prefix` will occupy, from its header alone: how a reader learns a
 * file's size from its first few bytes. `undefined` when the prefix is too short to tell.
 */
export function totalLengthFromHeader(prefix: Uint8Array): Result<number | undefined, IdCardFailure> {
  let pos = 0;
  const first = prefix[pos];
  if (first === undefined) return ok(undefined);
  pos += 1;
  if ((first & 0x1f) === 0x1f) {
    for (;;) {
      const next = prefix[pos];
      if (next === undefined) return ok(undefined);
      pos += 1;
      if (pos > MAX_TAG_BYTES) return err(idCardErrors.tlvMalformed('tag longer than 3 bytes', 0));
      if ((next & 0x80) === 0) break;
    }
  }
  const lengthByte = prefix[pos];
  if (lengthByte === undefined) return ok(undefined);
  pos += 1;
  if (lengthByte < 0x80) return ok(pos + lengthByte);
  const count = lengthByte & 0x7f;
  if (count === 0 || count > MAX_LENGTH_BYTES) return err(idCardErrors.tlvMalformed('unsupported length form', pos - 1));
  if (prefix.length < pos + count) return ok(undefined);
  let length = 0;
  for (let i = 0; i < count; i += 1) length = length * 256 + (prefix[pos + i] ?? 0);
  return ok(pos + count + length);
}

export function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length);
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return Uint8Array.of(0x80 | bytes.length, ...bytes);
}

export function encodeTag(tag: number): Uint8Array {
  const bytes: number[] = [];
  for (let n = tag; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return Uint8Array.from(bytes.length === 0 ? [0] : bytes);
}

export function encodeTlv(tag: number, value: Uint8Array): Uint8Array {
  return concat(encodeTag(tag), encodeLength(value.length), value);
}

export function findTlv(list: readonly Tlv[], tag: number): Tlv | undefined {
  return list.find((tlv) => tlv.tag === tag);
}

export const tagHex = (tag: number): string => tag.toString(16).toUpperCase().padStart(2, '0');

/**
 * Multi-step parsers (SOD, DG13, certificates) read best as straight-line code. `parseWith` lets them
 * unwrap each step with `must`; the first failure stops the parse and becomes the Result. The private
 * error class never leaves this function.
 */
export type Must = <T>(result: Result<T, IdCardFailure>) => T;

class ParseStop extends Error {
  constructor(readonly failure: IdCardFailure) {
    super(failure.messageEn);
  }
}

export function parseWith<T>(parse: (must: Must) => T): Result<T, IdCardFailure> {
  const must: Must = (result) => {
    if (!result.ok) throw new ParseStop(result.error);
    return result.value;
  };
  try {
    return ok(parse(must));
  } catch (caught) {
    if (caught instanceof ParseStop) return err(caught.failure);
    throw caught;
  }
}
