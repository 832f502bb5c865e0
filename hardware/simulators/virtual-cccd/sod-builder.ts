import { constants, createHash, sign } from 'node:crypto';
import { ok, type Result } from '../../../src-shared/result';
import { concat } from '../../id-card/bytes';
import { DER, derContext, derInteger, derNull, derOctetString, derOid, derSequence, derSetOf, derTime, expectConstructed, expectTag } from '../../id-card/der';
import { OID } from '../../id-card/oids';
import { decodeTlv, encodeTlv, parseWith } from '../../id-card/tlv';
import type { IdCardFailure } from '../../id-card/errors';
import type { TestCertificate } from './test-pki';

/**
 * Builds EF.SOD the way issuing states do: LDSSecurityObject with SHA-256 data-group hashes, wrapped in CMS
 * SignedData with signed attributes (content type, message digest, signing time), the document signer
 * certificate embedded, signed with the DS key (ECDSA, RSA PKCS#1 v1.5 or RSA-PSS).
 */
export type SodSignature = 'ecdsa' | 'rsa-pkcs1' | 'rsa-pss';

export type SodOptions = {
  readonly dataGroups: ReadonlyMap<number, Uint8Array>;
  readonly documentSigner: TestCertificate;
  readonly signature?: SodSignature;
  readonly signingTime?: Date;
};

const sha256 = (data: Uint8Array): Uint8Array => Uint8Array.from(createHash('sha256').update(data).digest());
const sha256Algorithm = (): Uint8Array => derSequence(derOid(OID.sha256), derNull());

function signatureAlgorithm(kind: SodSignature): Uint8Array {
  switch (kind) {
    case 'ecdsa':
      return derSequence(derOid(OID.ecdsaWithSha256));
    case 'rsa-pkcs1':
      return derSequence(derOid(OID.sha256WithRsa), derNull());
    case 'rsa-pss':
      return derSequence(
        derOid(OID.rsaPss),
        derSequence(
          derContext(0, sha256Algorithm()),
          derContext(1, derSequence(derOid(OID.mgf1), sha256Algorithm())),
          derContext(2, derInteger(32)),
        ),
      );
  }
}

/** Issuer Name and serial of the DS certificate, for the SignerInfo's IssuerAndSerialNumber. */
function issuerAndSerial(certificateDer: Uint8Array): Result<Uint8Array, IdCardFailure> {
  return parseWith((must) => {
    const parts = must(expectConstructed(must(decodeTlv(certificateDer)), DER.sequence, 'Certificate'));
    const tbs = must(expectConstructed(parts[0], DER.sequence, 'TBSCertificate'));
    const hasVersion = tbs[0]?.tag === 0xa0;
    const serial = must(expectTag(tbs[hasVersion ? 1 : 0], DER.integer, 'serial'));
    const issuer = must(expectTag(tbs[hasVersion ? 3 : 2], DER.sequence, 'issuer'));
    return derSequence(issuer.raw, serial.raw);
  });
}

export function buildSod(options: SodOptions): Result<Uint8Array, IdCardFailure> {
  const signerId = issuerAndSerial(options.documentSigner.der);
  if (!signerId.ok) return signerId;
  const kind = options.signature ?? (options.documentSigner.privateKey.asymmetricKeyType === 'ec' ? 'ecdsa' : 'rsa-pkcs1');
  const hashes = [...options.dataGroups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([n, bytes]) => derSequence(derInteger(n), derOctetString(sha256(bytes))));
  const content = derSequence(derInteger(0), sha256Algorithm(), derSequence(...hashes));

  const attributes = [
    derSequence(derOid(OID.contentType), derSetOf(derOid(OID.ldsSecurityObject))),
    derSequence(derOid(OID.messageDigest), derSetOf(derOctetString(sha256(content)))),
    derSequence(derOid(OID.signingTime), derSetOf(derTime(options.signingTime ?? new Date(Date.UTC(2021, 1, 1))))),
  ];
  const signedAttributes = derSetOf(...attributes);
  const key = options.documentSigner.privateKey;
  const signature = Uint8Array.from(
    kind === 'rsa-pss'
      ? sign('sha256', signedAttributes, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 })
      : sign('sha256', signedAttributes, key),
  );
  // In the SignerInfo the attributes carry [0] IMPLICIT instead of the SET tag they were signed with.
  const implicitAttributes = concat(Uint8Array.of(0xa0), signedAttributes.subarray(1));
  const signerInfo = derSequence(
    derInteger(1),
    signerId.value,
    sha256Algorithm(),
    implicitAttributes,
    signatureAlgorithm(kind),
    derOctetString(signature),
  );
  const signedData = derSequence(
    derInteger(3),
    derSetOf(sha256Algorithm()),
    derSequence(derOid(OID.ldsSecurityObject), derContext(0, derOctetString(content))),
    derContext(0, options.documentSigner.der),
    derSetOf(signerInfo),
  );
  return ok(encodeTlv(0x77, derSequence(derOid(OID.signedData), derContext(0, signedData))));
}
