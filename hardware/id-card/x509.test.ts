import { existsSync, readFileSync } from 'node:fs';
import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestPki } from '../simulators/virtual-cccd/test-pki';
import { bigIntToBytes, concat } from './bytes';
import { brainpoolP512r1 } from './crypto/curves';
import { encodePoint } from './crypto/ec';
import { derBitString, derInteger, derOctetString, derOid, derSequence } from './der';
import { signatureScheme, verifyWithSpki } from './signature';
import { ecPublicKeyFromSpki, parseCertificate } from './x509';

describe('minimal X.509', () => {
  it('reads the parts of the test PKI certificates and verifies the chain without the host library', () => {
    for (const cscaAlgorithm of ['ec-p256', 'ec-brainpoolP512r1', 'rsa-2048'] as const) {
      const pki = createTestPki({ cscaAlgorithm });
      const ds = parseCertificate(pki.documentSigner.der);
      const csca = parseCertificate(pki.csca.der);
      if (!ds.ok || !csca.ok) throw new Error('parse');
      expect(ds.value.issuer).toEqual(csca.value.subject);
      expect(ds.value.serial.toString(16).toUpperCase()).toBe(pki.documentSigner.certificate.serialNumber.replace(/^0+/u, ''));
      const scheme = signatureScheme(ds.value.signatureAlgorithm);
      if (!scheme.ok) throw new Error('scheme');
      expect(verifyWithSpki(scheme.value, csca.value.subjectPublicKeyInfo, ds.value.tbs, ds.value.signature, 'pure-ecdsa')).toBe(true);
      expect(verifyWithSpki(scheme.value, ds.value.subjectPublicKeyInfo, ds.value.tbs, ds.value.signature, 'pure-ecdsa')).toBe(false);
    }
  });

  it('reads EC keys with explicit curve parameters, as CSCA certificates often carry them', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'brainpoolP512r1' });
    const named = ecPublicKeyFromSpki(Uint8Array.from(publicKey.export({ type: 'spki', format: 'der' })));
    if (!named.ok || named.value === undefined) throw new Error('named');
    const c = brainpoolP512r1;
    const field = (n: bigint): Uint8Array => bigIntToBytes(n, c.size);
    const parameters = derSequence(
      derInteger(1),
      derSequence(derOid('1.2.840.10045.1.1'), derInteger(c.p)),
      derSequence(derOctetString(field(c.a)), derOctetString(field(c.b))),
      derOctetString(encodePoint(c, c.g)),
      derInteger(c.n),
      derInteger(1),
    );
    const explicit = derSequence(derSequence(derOid('1.2.840.10045.2.1'), parameters), derBitString(encodePoint(c, named.value.point)));
    const parsed = ecPublicKeyFromSpki(explicit);
    expect(parsed.ok && parsed.value?.point).toEqual(named.value.point);
    expect(parsed.ok && [parsed.value?.curve.p, parsed.value?.curve.n, parsed.value?.curve.size]).toEqual([c.p, c.n, 64]);
    expect(ecPublicKeyFromSpki(concat(explicit.subarray(0, 20))).ok).toBe(false);
  });

  const vietnam = '/work/shared/reference/CSCA_ePassport_Vietnam.pem';
  it.skipIf(!existsSync(vietnam))('verifies the self-signature of Vietnam’s CSCA (brainpoolP512r1, explicit parameters) in pure BigInt', () => {
    const cert = new X509Certificate(readFileSync(vietnam));
    const parts = parseCertificate(Uint8Array.from(cert.raw));
    if (!parts.ok) throw new Error(parts.error.messageEn);
    const scheme = signatureScheme(parts.value.signatureAlgorithm);
    if (!scheme.ok) throw new Error(scheme.error.messageEn);
    expect(scheme.value).toEqual({ kind: 'ecdsa', hash: 'sha512', encoding: 'der' });
    expect(verifyWithSpki(scheme.value, parts.value.subjectPublicKeyInfo, parts.value.tbs, parts.value.signature, 'pure-ecdsa')).toBe(true);
  });
});

describe('hostile explicit curve parameters', () => {
  it('a composite order or a huge field gives false or a typed error, never an exception', () => {
    const c = brainpoolP512r1;
    const point = encodePoint(c, c.g);
    const spki = (p: bigint, n: bigint): Uint8Array =>
      derSequence(
        derSequence(
          derOid('1.2.840.10045.2.1'),
          derSequence(
            derInteger(1),
            derSequence(derOid('1.2.840.10045.1.1'), derInteger(p)),
            derSequence(derOctetString(bigIntToBytes(c.a, c.size)), derOctetString(bigIntToBytes(c.b, c.size))),
            derOctetString(point),
            derInteger(n),
          ),
        ),
        derBitString(point),
      );
    const scheme = { kind: 'ecdsa', hash: 'sha256', encoding: 'ieee-p1363' } as const;
    // s = 2 shares a factor with the composite order, so inverting it must fail inside the verifier.
    const signature = new Uint8Array(80);
    signature[39] = 1;
    signature[79] = 2;
    expect(verifyWithSpki(scheme, spki(c.p, 2n * 3n * 5n * 7n * (1n << 400n)), new Uint8Array(4), signature, 'pure-ecdsa')).toBe(false);
    const huge = ecPublicKeyFromSpki(spki(1n << 4000n, c.n));
    expect(huge.ok ? undefined : huge.error.code).toBe('id-card.crypto');
  });
});
