import { bigIntFromBytes } from '../bytes';
import type { AffinePoint, Curve } from './curves';
import { modInverse, pointAdd, scalarMultiply } from './ec';

/**
 * ECDSA verification in BigInt (SEC 1 §4.1.4), for keys on curves the host's crypto library lacks: Electron's
 * BoringSSL has no brainpool curves, and Vietnam's CSCA is brainpoolP512r1. `digest` is the message hash.
 */
export function verifyEcdsaDigest(curve: Curve, publicKey: AffinePoint, digest: Uint8Array, r: bigint, s: bigint): boolean {
  const { n } = curve;
  if (r <= 0n || r >= n || s <= 0n || s >= n) return false;
  // A digest longer than the order keeps its leftmost bits.
  const orderBits = n.toString(2).length;
  const digestBits = digest.length * 8;
  let e = bigIntFromBytes(digest);
  if (digestBits > orderBits) e >>= BigInt(digestBits - orderBits);
  const w = modInverse(s, n);
  const u1 = (e * w) % n;
  const u2 = (r * w) % n;
  const point = pointAdd(curve, scalarMultiply(curve, u1, curve.g), scalarMultiply(curve, u2, publicKey));
  return point.kind === 'affine' && point.x % n === r;
}

/** r and s from a DER SEQUENCE { INTEGER r, INTEGER s } or a plain r ‖ s (BSI TR-03111) signature. */
export function ecdsaSignatureValues(signature: Uint8Array, encoding: 'der' | 'ieee-p1363'): { r: bigint; s: bigint } | undefined {
  if (encoding === 'ieee-p1363') {
    if (signature.length === 0 || signature.length % 2 !== 0) return undefined;
    const half = signature.length / 2;
    return { r: bigIntFromBytes(signature.subarray(0, half)), s: bigIntFromBytes(signature.subarray(half)) };
  }
  // Hand-rolled so that no malformed length can make it read past the buffer.
  if (signature[0] !== 0x30) return undefined;
  let pos = 2;
  const outer = signature[1] ?? 0;
  if (outer === 0x81) pos = 3;
  else if (outer > 0x81) return undefined;
  const integer = (): bigint | undefined => {
    if (signature[pos] !== 0x02) return undefined;
    const length = signature[pos + 1] ?? 0;
    if (length === 0 || length > 0x7f || pos + 2 + length > signature.length) return undefined;
    const value = bigIntFromBytes(signature.subarray(pos + 2, pos + 2 + length));
    pos += 2 + length;
    return value;
  };
  const r = integer();
  const s = integer();
  return r === undefined || s === undefined || pos !== signature.length ? undefined : { r, s };
}
