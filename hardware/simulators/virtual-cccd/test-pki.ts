import { createHash, generateKeyPairSync, sign, X509Certificate, type KeyObject } from 'node:crypto';
import { derBitString, derBoolean, derContext, derInteger, derNull, derOctetString, derOid, derPrintable, derSequence, derSetOf, derTime, derUtf8 } from '../../id-card/der';
import { OID } from '../../id-card/oids';

/**
 * A throw-away country signing PKI for tests and the virtual card: a self-signed CSCA and a document signer it
 * issues, written with the project's DER writer and signed with Node's crypto. Keys are generated per run and
 * never leave the process. TEST ONLY — nothing here is a real trust anchor.
 */
export type KeyAlgorithm = 'ec-p256' | 'ec-brainpoolP256r1' | 'ec-brainpoolP512r1' | 'rsa-2048';

export type TestCertificate = { readonly der: Uint8Array; readonly pem: string; readonly certificate: X509Certificate; readonly privateKey: KeyObject };

export type TestPki = { readonly csca: TestCertificate; readonly documentSigner: TestCertificate };

export type TestPkiOptions = {
  readonly cscaAlgorithm?: KeyAlgorithm;
  readonly documentSignerAlgorithm?: KeyAlgorithm;
  readonly country?: string;
  readonly notBefore?: Date;
  readonly notAfter?: Date;
};

function generate(algorithm: KeyAlgorithm): { privateKey: KeyObject; publicKey: KeyObject } {
  switch (algorithm) {
    case 'ec-p256':
      return generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    case 'ec-brainpoolP256r1':
      return generateKeyPairSync('ec', { namedCurve: 'brainpoolP256r1' });
    case 'ec-brainpoolP512r1':
      // Vietnam's CSCA curve.
      return generateKeyPairSync('ec', { namedCurve: 'brainpoolP512r1' });
    case 'rsa-2048':
      // Certificates carry plain rsaEncryption keys; RSA-PSS is chosen per SOD signature (see sod-builder).
      return generateKeyPairSync('rsa', { modulusLength: 2048 });
  }
}

/** AlgorithmIdentifier for signing certificates with this key: ECDSA-SHA256 or RSA-SHA256 (NULL parameters). */
function certificateSignatureAlgorithm(key: KeyObject): Uint8Array {
  return key.asymmetricKeyType === 'ec' ? derSequence(derOid(OID.ecdsaWithSha256)) : derSequence(derOid(OID.sha256WithRsa), derNull());
}

function name(country: string, organisation: string, commonName: string): Uint8Array {
  const rdn = (oid: string, value: Uint8Array): Uint8Array => derSetOf(derSequence(derOid(oid), value));
  return derSequence(rdn('2.5.4.6', derPrintable(country)), rdn('2.5.4.10', derUtf8(organisation)), rdn('2.5.4.3', derUtf8(commonName)));
}

function keyId(spki: Uint8Array): Uint8Array {
  return Uint8Array.from(createHash('sha1').update(spki).digest());
}

const extension = (oid: string, critical: boolean, value: Uint8Array): Uint8Array =>
  critical ? derSequence(derOid(oid), derBoolean(true), derOctetString(value)) : derSequence(derOid(oid), derOctetString(value));

type CertificateSpec = {
  readonly serial: bigint;
  readonly issuer: Uint8Array;
  readonly subject: Uint8Array;
  readonly publicKey: KeyObject;
  readonly issuerPublicKey: KeyObject;
  readonly signingKey: KeyObject;
  readonly isCa: boolean;
  readonly notBefore: Date;
  readonly notAfter: Date;
};

function certificate(spec: CertificateSpec): TestCertificate['der'] {
  const spki = Uint8Array.from(spec.publicKey.export({ type: 'spki', format: 'der' }));
  const issuerSpki = Uint8Array.from(spec.issuerPublicKey.export({ type: 'spki', format: 'der' }));
  const algorithm = certificateSignatureAlgorithm(spec.signingKey);
  const extensions = [
    // keyUsage: CA → keyCertSign + cRLSign; document signer → digitalSignature.
    extension('2.5.29.15', true, spec.isCa ? Uint8Array.of(0x03, 0x02, 0x01, 0x06) : Uint8Array.of(0x03, 0x02, 0x07, 0x80)),
    extension('2.5.29.14', false, derOctetString(keyId(spki))),
    extension('2.5.29.35', false, derSequence(derContext(0, keyId(issuerSpki), false))),
    ...(spec.isCa ? [extension('2.5.29.19', true, derSequence(derBoolean(true), derInteger(0)))] : []),
  ];
  const tbs = derSequence(
    derContext(0, derInteger(2)),
    derInteger(spec.serial),
    algorithm,
    spec.issuer,
    derSequence(derTime(spec.notBefore), derTime(spec.notAfter)),
    spec.subject,
    spki,
    derContext(3, derSequence(...extensions)),
  );
  const signature = Uint8Array.from(sign('sha256', tbs, spec.signingKey));
  return derSequence(tbs, algorithm, derBitString(signature));
}

function wrap(der: Uint8Array, privateKey: KeyObject): TestCertificate {
  const base64 = Buffer.from(der).toString('base64').replace(/(.{64})/gu, '$1\n');
  const pem = `-----BEGIN CERTIFICATE-----\n${base64.trim()}\n-----END CERTIFICATE-----\n`;
  return { der, pem, certificate: new X509Certificate(Buffer.from(der)), privateKey };
}

let serialCounter = 0x1000n;

export function createTestPki(options: TestPkiOptions = {}): TestPki {
  const country = options.country ?? 'VN';
  const notBefore = options.notBefore ?? new Date(Date.UTC(2020, 0, 1));
  const notAfter = options.notAfter ?? new Date(Date.UTC(2045, 0, 1));
  const cscaKeys = generate(options.cscaAlgorithm ?? 'ec-p256');
  const dsKeys = generate(options.documentSignerAlgorithm ?? 'ec-p256');
  const cscaName = name(country, 'MotCua test PKI (not a real authority)', 'Test CSCA');
  const dsName = name(country, 'MotCua test PKI (not a real authority)', 'Test Document Signer');
  serialCounter += 2n;
  const csca = certificate({
    serial: serialCounter,
    issuer: cscaName,
    subject: cscaName,
    publicKey: cscaKeys.publicKey,
    issuerPublicKey: cscaKeys.publicKey,
    signingKey: cscaKeys.privateKey,
    isCa: true,
    notBefore,
    notAfter,
  });
  const ds = certificate({
    serial: serialCounter + 1n,
    issuer: cscaName,
    subject: dsName,
    publicKey: dsKeys.publicKey,
    issuerPublicKey: cscaKeys.publicKey,
    signingKey: cscaKeys.privateKey,
    isCa: false,
    notBefore,
    notAfter,
  });
  return { csca: wrap(csca, cscaKeys.privateKey), documentSigner: wrap(ds, dsKeys.privateKey) };
}

