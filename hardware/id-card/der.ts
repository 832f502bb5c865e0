import { err, ok, type Result } from '../../src-shared/result';
import { bigIntFromBytes, concat } from './bytes';
import { idCardErrors, type IdCardFailure } from './errors';
import { children, encodeTlv, tagHex, type Tlv } from './tlv';

/**
 * The DER subset that EF.SOD, EF.CardAccess, DG13 and X.509 certificates need: universal tags, readers that
 * check the tag they expect, and writers for the virtual card and the test PKI.
 */
export const DER = {
  boolean: 0x01,
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utf8String: 0x0c,
  printableString: 0x13,
  ia5String: 0x16,
  utcTime: 0x17,
  generalizedTime: 0x18,
  sequence: 0x30,
  set: 0x31,
} as const;

/** Context-specific tag number n: [n] IMPLICIT/EXPLICIT, constructed (A0+n) or primitive (80+n). */
export const contextTag = (n: number, constructed = true): number => (constructed ? 0xa0 : 0x80) + n;

export function expectTag(tlv: Tlv | undefined, tag: number, what: string): Result<Tlv, IdCardFailure> {
  if (tlv === undefined) return err(idCardErrors.tlvMalformed(`${what} missing`, 0));
  if (tlv.tag !== tag) return err(idCardErrors.tlvMalformed(`${what}: expected tag ${tagHex(tag)}, found ${tagHex(tlv.tag)}`, 0));
  return ok(tlv);
}

/** Children of a constructed TLV of the expected tag (SEQUENCE, SET or a context tag). */
export function expectConstructed(tlv: Tlv | undefined, tag: number, what: string): Result<readonly Tlv[], IdCardFailure> {
  const checked = expectTag(tlv, tag, what);
  return checked.ok ? children(checked.value) : checked;
}

export function readOid(tlv: Tlv | undefined, what = 'OID'): Result<string, IdCardFailure> {
  const checked = expectTag(tlv, DER.oid, what);
  if (!checked.ok) return checked;
  const bytes = checked.value.value;
  if (bytes.length === 0) return err(idCardErrors.tlvMalformed(`${what}: empty`, 0));
  const arcs: bigint[] = [];
  let current = 0n;
  for (let i = 0; i < bytes.length; i += 1) {
    const byte = bytes[i] ?? 0;
    current = (current << 7n) | BigInt(byte & 0x7f);
    if ((byte & 0x80) === 0) {
      arcs.push(current);
      current = 0n;
    } else if (i === bytes.length - 1) {
      return err(idCardErrors.tlvMalformed(`${what}: truncated arc`, i));
    }
  }
  const [first = 0n, ...rest] = arcs;
  const head = first < 40n ? [0n, first] : first < 80n ? [1n, first - 40n] : [2n, first - 80n];
  return ok([...head, ...rest].map(String).join('.'));
}

export function readInteger(tlv: Tlv | undefined, what = 'INTEGER'): Result<bigint, IdCardFailure> {
  const checked = expectTag(tlv, DER.integer, what);
  if (!checked.ok) return checked;
  const bytes = checked.value.value;
  if (bytes.length === 0) return err(idCardErrors.tlvMalformed(`${what}: empty`, 0));
  const unsigned = bigIntFromBytes(bytes);
  // Two's complement: eMRTD integers are small non-negative versions and numbers, but stay correct anyway.
  return ok(((bytes[0] ?? 0) & 0x80) !== 0 ? unsigned - (1n << BigInt(bytes.length * 8)) : unsigned);
}

export function readSmallInteger(tlv: Tlv | undefined, what = 'INTEGER'): Result<number, IdCardFailure> {
  const value = readInteger(tlv, what);
  if (!value.ok) return value;
  if (value.value < BigInt(Number.MIN_SAFE_INTEGER) || value.value > BigInt(Number.MAX_SAFE_INTEGER))
    return err(idCardErrors.tlvMalformed(`${what}: too large`, 0));
  return ok(Number(value.value));
}

export function readOctetString(tlv: Tlv | undefined, what = 'OCTET STRING'): Result<Uint8Array, IdCardFailure> {
  const checked = expectTag(tlv, DER.octetString, what);
  return checked.ok ? ok(checked.value.value) : checked;
}

/** AlgorithmIdentifier ::= SEQUENCE { algorithm OID, parameters ANY OPTIONAL } */
export type AlgorithmIdentifier = { readonly oid: string; readonly parameters?: Tlv };

export function readAlgorithmIdentifier(tlv: Tlv | undefined, what = 'AlgorithmIdentifier'): Result<AlgorithmIdentifier, IdCardFailure> {
  const items = expectConstructed(tlv, DER.sequence, what);
  if (!items.ok) return items;
  const oid = readOid(items.value[0], what);
  if (!oid.ok) return oid;
  const parameters = items.value[1];
  return ok(parameters === undefined || parameters.tag === DER.null ? { oid: oid.value } : { oid: oid.value, parameters });
}

// ---- writers (virtual card, test PKI) ----

export function derOid(oid: string): Uint8Array {
  const arcs = oid.split('.').map((arc) => BigInt(arc));
  const [a = 0n, b = 0n, ...rest] = arcs;
  const body: number[] = [];
  for (const arc of [a * 40n + b, ...rest]) {
    const chunk: number[] = [Number(arc & 0x7fn)];
    for (let n = arc >> 7n; n > 0n; n >>= 7n) chunk.unshift(Number(n & 0x7fn) | 0x80);
    body.push(...chunk);
  }
  return encodeTlv(DER.oid, Uint8Array.from(body));
}

export function derInteger(value: bigint | number): Uint8Array {
  let n = BigInt(value);
  if (n < 0n) throw new RangeError('negative integers are not needed here');
  const bytes: number[] = [];
  do {
    bytes.unshift(Number(n & 0xffn));
    n >>= 8n;
  } while (n > 0n);
  if ((bytes[0] ?? 0) & 0x80) bytes.unshift(0);
  return encodeTlv(DER.integer, Uint8Array.from(bytes));
}

export const derSequence = (...items: readonly Uint8Array[]): Uint8Array => encodeTlv(DER.sequence, concat(...items));

/** DER SET OF: elements sorted by their encodings (X.690 §11.6), which signed attributes depend on. */
export function derSetOf(...items: readonly Uint8Array[]): Uint8Array {
  const sorted = [...items].sort(compareBytes);
  return encodeTlv(DER.set, concat(...sorted));
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return a.length - b.length;
}

export const derOctetString = (value: Uint8Array): Uint8Array => encodeTlv(DER.octetString, value);
export const derNull = (): Uint8Array => Uint8Array.of(DER.null, 0);
export const derBitString = (value: Uint8Array): Uint8Array => encodeTlv(DER.bitString, concat(Uint8Array.of(0), value));
export const derBoolean = (value: boolean): Uint8Array => Uint8Array.of(DER.boolean, 1, value ? 0xff : 0);
export const derUtf8 = (text: string): Uint8Array => encodeTlv(DER.utf8String, new TextEncoder().encode(text));
export const derPrintable = (text: string): Uint8Array => encodeTlv(DER.printableString, new TextEncoder().encode(text));
export const derContext = (n: number, value: Uint8Array, constructed = true): Uint8Array => encodeTlv(contextTag(n, constructed), value);

/** UTCTime for years 1950–2049, GeneralizedTime otherwise (RFC 5280 §4.1.2.5). */
export function derTime(date: Date): Uint8Array {
  const iso = date.toISOString();
  const year = date.getUTCFullYear();
  const digits = `${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return year >= 1950 && year < 2050
    ? encodeTlv(DER.utcTime, new TextEncoder().encode(`${String(year).slice(2)}${digits}`))
    : encodeTlv(DER.generalizedTime, new TextEncoder().encode(`${year}${digits}`));
}
