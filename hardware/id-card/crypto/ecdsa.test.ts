import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ecPublicKeyFromSpki } from '../x509';
import { ecdsaSignatureValues, verifyEcdsaDigest } from './ecdsa';

const message = new TextEncoder().encode('EF.SOD signed attributes');

describe('pure ECDSA verification (BigInt) against signatures made by OpenSSL', () => {
  for (const [namedCurve, hash] of [
    ['prime256v1', 'sha256'],
    ['secp384r1', 'sha384'],
    ['brainpoolP256r1', 'sha256'],
    ['brainpoolP384r1', 'sha384'],
    ['brainpoolP512r1', 'sha512'],
    ['brainpoolP256r1', 'sha512'],
  ] as const) {
    it(`${namedCurve} with ${hash}, DER and plain r‖s`, () => {
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve });
      const key = ecPublicKeyFromSpki(Uint8Array.from(publicKey.export({ type: 'spki', format: 'der' })));
      if (!key.ok || key.value === undefined) throw new Error('key');
      const digest = Uint8Array.from(createHash(hash).update(message).digest());
      for (const encoding of ['der', 'ieee-p1363'] as const) {
        const signature = Uint8Array.from(sign(hash, message, { key: privateKey, dsaEncoding: encoding }));
        const values = ecdsaSignatureValues(signature, encoding);
        if (values === undefined) throw new Error('values');
        expect(verifyEcdsaDigest(key.value.curve, key.value.point, digest, values.r, values.s)).toBe(true);
        expect(verifyEcdsaDigest(key.value.curve, key.value.point, digest, values.r, values.s + 1n)).toBe(false);
        const other = Uint8Array.from(digest);
        other[0] = (other[0] ?? 0) ^ 1;
        expect(verifyEcdsaDigest(key.value.curve, key.value.point, other, values.r, values.s)).toBe(false);
      }
    });
  }

  it('refuses malformed signature encodings and out-of-range values', () => {
    expect(ecdsaSignatureValues(Uint8Array.of(0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x05, 0x01), 'der')).toBeUndefined();
    expect(ecdsaSignatureValues(Uint8Array.of(0x31, 0x00), 'der')).toBeUndefined();
    expect(ecdsaSignatureValues(Uint8Array.of(1, 2, 3), 'ieee-p1363')).toBeUndefined();
    expect(ecdsaSignatureValues(Uint8Array.of(0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x02), 'der')).toEqual({ r: 1n, s: 2n });
  });
});
