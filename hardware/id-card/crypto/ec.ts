import { randomBytes } from 'node:crypto';
import { err, ok, type Result } from '../../../src-shared/result';
import { bigIntFromBytes, bigIntToBytes, concat } from '../bytes';
import { idCardErrors, type IdCardFailure } from '../errors';
import { affine, type AffinePoint, type Curve, type EcPoint } from './curves';

export type { AffinePoint, Curve, EcPoint } from './curves';

const INFINITY: EcPoint = { kind: 'infinity' };

/**
 * Prime-field elliptic curves in BigInt, for PACE Generic Mapping (G̃ = s·G + H needs point addition, which
 * no ECDH API offers) and for Electron, whose BoringSSL has no brainpool curves. Jacobian coordinates keep the
 * number of inversions to one per scalar multiplication. Not constant time: the kiosk's threat model is a
 * card and a reader on the counter, not a co-resident timing attacker.
 */
const mod = (value: bigint, m: bigint): bigint => {
  const r = value % m;
  return r >= 0n ? r : r + m;
};

export function modInverse(value: bigint, m: bigint): bigint {
  let [oldR, r] = [mod(value, m), m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw new RangeError('not invertible');
  return mod(oldS, m);
}

function modPow(base: bigint, exponent: bigint, m: bigint): bigint {
  let result = 1n;
  let b = mod(base, m);
  for (let e = exponent; e > 0n; e >>= 1n) {
    if ((e & 1n) === 1n) result = (result * b) % m;
    b = (b * b) % m;
  }
  return result;
}

export function isOnCurve(curve: Curve, point: EcPoint): boolean {
  if (point.kind === 'infinity') return false;
  const { p, a, b } = curve;
  const { x, y } = point;
  if (x < 0n || x >= p || y < 0n || y >= p) return false;
  return mod(y * y - (x * x * x + a * x + b), p) === 0n;
}

type Jacobian = { readonly x: bigint; readonly y: bigint; readonly z: bigint };
const J_INFINITY: Jacobian = { x: 1n, y: 1n, z: 0n };

function toJacobian(point: EcPoint): Jacobian {
  return point.kind === 'infinity' ? J_INFINITY : { x: point.x, y: point.y, z: 1n };
}

function toAffine(curve: Curve, point: Jacobian): EcPoint {
  if (point.z === 0n) return INFINITY;
  const zInv = modInverse(point.z, curve.p);
  const zInv2 = (zInv * zInv) % curve.p;
  return affine(mod(point.x * zInv2, curve.p), mod(point.y * zInv2 * zInv, curve.p));
}

function jDouble(curve: Curve, P: Jacobian): Jacobian {
  const { p, a } = curve;
  if (P.z === 0n || P.y === 0n) return J_INFINITY;
  const xx = (P.x * P.x) % p;
  const yy = (P.y * P.y) % p;
  const yyyy = (yy * yy) % p;
  const zz = (P.z * P.z) % p;
  const s = mod(4n * P.x * yy, p);
  const m = mod(3n * xx + a * ((zz * zz) % p), p);
  const x3 = mod(m * m - 2n * s, p);
  const y3 = mod(m * (s - x3) - 8n * yyyy, p);
  const z3 = mod(2n * P.y * P.z, p);
  return { x: x3, y: y3, z: z3 };
}

function jAdd(curve: Curve, P: Jacobian, Q: Jacobian): Jacobian {
  const { p } = curve;
  if (P.z === 0n) return Q;
  if (Q.z === 0n) return P;
  const z1z1 = (P.z * P.z) % p;
  const z2z2 = (Q.z * Q.z) % p;
  const u1 = (P.x * z2z2) % p;
  const u2 = (Q.x * z1z1) % p;
  const s1 = (P.y * Q.z * z2z2) % p;
  const s2 = (Q.y * P.z * z1z1) % p;
  const h = mod(u2 - u1, p);
  const r = mod(s2 - s1, p);
  if (h === 0n) return r === 0n ? jDouble(curve, P) : J_INFINITY;
  const h2 = (h * h) % p;
  const h3 = (h * h2) % p;
  const u1h2 = (u1 * h2) % p;
  const x3 = mod(r * r - h3 - 2n * u1h2, p);
  const y3 = mod(r * (u1h2 - x3) - s1 * h3, p);
  const z3 = (h * P.z * Q.z) % p;
  return { x: x3, y: y3, z: z3 };
}

export function pointAdd(curve: Curve, P: EcPoint, Q: EcPoint): EcPoint {
  return toAffine(curve, jAdd(curve, toJacobian(P), toJacobian(Q)));
}

export function pointDouble(curve: Curve, P: EcPoint): EcPoint {
  return toAffine(curve, jDouble(curve, toJacobian(P)));
}

/** k·P by left-to-right double-and-add; k is reduced modulo the group order. */
export function scalarMultiply(curve: Curve, k: bigint, P: EcPoint): EcPoint {
  const scalar = mod(k, curve.n);
  let acc = J_INFINITY;
  const base = toJacobian(P);
  for (let bit = BigInt(scalar.toString(2).length - 1); bit >= 0n; bit -= 1n) {
    acc = jDouble(curve, acc);
    if (((scalar >> bit) & 1n) === 1n) acc = jAdd(curve, acc, base);
  }
  return toAffine(curve, acc);
}

/** Uncompressed SEC 1 encoding 04 ‖ x ‖ y, the form eMRTD protocols exchange. */
export function encodePoint(curve: Curve, point: AffinePoint): Uint8Array {
  return concat(Uint8Array.of(0x04), bigIntToBytes(point.x, curve.size), bigIntToBytes(point.y, curve.size));
}

/**
 * Decodes an uncompressed or compressed point and checks it lies on the curve: accepting an off-curve point
 * from a card (or a terminal, on the virtual card's side) would open an invalid-curve attack on the key.
 */
export function decodePoint(curve: Curve, bytes: Uint8Array): Result<AffinePoint, IdCardFailure> {
  const prefix = bytes[0];
  const size = curve.size;
  let point: AffinePoint;
  if (prefix === 0x04 && bytes.length === 1 + 2 * size) {
    point = affine(bigIntFromBytes(bytes.subarray(1, 1 + size)), bigIntFromBytes(bytes.subarray(1 + size)));
  } else if ((prefix === 0x02 || prefix === 0x03) && bytes.length === 1 + size) {
    const x = bigIntFromBytes(bytes.subarray(1));
    if (x >= curve.p) return err(idCardErrors.crypto('EC point x out of range'));
    const rhs = mod(x * x * x + curve.a * x + curve.b, curve.p);
    // Both supported primes are 3 mod 4, so a square root is rhs^((p+1)/4).
    if (curve.p % 4n !== 3n) return err(idCardErrors.crypto('compressed points need p ≡ 3 (mod 4)'));
    const root = modPow(rhs, (curve.p + 1n) / 4n, curve.p);
    const y = (root & 1n) === BigInt(prefix & 1) ? root : mod(-root, curve.p);
    point = affine(x, y);
  } else {
    return err(idCardErrors.crypto(`EC point encoding of ${bytes.length} bytes`));
  }
  return isOnCurve(curve, point) ? ok(point) : err(idCardErrors.crypto('EC point is not on the curve'));
}

export function randomScalar(curve: Curve, random: (size: number) => Uint8Array = (size) => Uint8Array.from(randomBytes(size))): bigint {
  for (;;) {
    const k = bigIntFromBytes(random(curve.size));
    if (k > 0n && k < curve.n) return k;
  }
}

export type EcKeyPair = { readonly privateKey: bigint; readonly publicKey: AffinePoint };

export function keyPairOn(curve: Curve, generator: AffinePoint, privateKey: bigint): Result<EcKeyPair, IdCardFailure> {
  const publicKey = scalarMultiply(curve, privateKey, generator);
  return publicKey.kind === 'affine' ? ok({ privateKey, publicKey }) : err(idCardErrors.crypto('public key at infinity'));
}
