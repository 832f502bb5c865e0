import { timingSafeEqual } from 'node:crypto';

/** Byte helpers shared by the protocol files; all of them copy, none of them mutates its inputs. */

export function fromHex(text: string): Uint8Array {
  const clean = text.replace(/\s+/gu, '');
  if (clean.length % 2 !== 0 || !/^[0-9a-fA-F]*$/u.test(clean)) throw new RangeError(`not hex: ${text.slice(0, 16)}…`);
  return Uint8Array.from(Buffer.from(clean, 'hex'));
}

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex').toUpperCase();
}

export function concat(...parts: readonly Uint8Array[]): Uint8Array {
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function xor(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length !== b.length) throw new RangeError('xor of unequal lengths');
  return a.map((byte, i) => byte ^ (b[i] ?? 0));
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** For MACs and authentication tokens, so a mismatch does not leak how many leading bytes were right. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

export function u16(value: number): Uint8Array {
  return Uint8Array.of((value >> 8) & 0xff, value & 0xff);
}

export function u32(value: number): Uint8Array {
  return Uint8Array.of((value >>> 24) & 0xff, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff);
}

export function bigIntFromBytes(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${toHex(bytes)}`);
}

/** Big-endian, left-padded to `length` bytes (EC coordinates are always encoded at the field size). */
export function bigIntToBytes(value: bigint, length: number): Uint8Array {
  const hex = value.toString(16).padStart(length * 2, '0');
  if (hex.length > length * 2) throw new RangeError('integer does not fit');
  return fromHex(hex);
}

export const ascii = (text: string): Uint8Array => Uint8Array.from(Buffer.from(text, 'latin1'));
