import { err, ok, type Result } from '../../src-shared/result';
import { bigIntFromBytes } from './bytes';
import { affine, curvesByOid, type AffinePoint, type Curve } from './crypto/curves';
import { decodePoint } from './crypto/ec';
import { contextTag, DER, expectConstructed, expectTag, readAlgorithmIdentifier, readInteger, readOctetString, readOid, type AlgorithmIdentifier } from './der';
import { idCardErrors, type IdCardFailure } from './errors';
import { OID } from './oids';
import { decodeTlv, parseWith } from './tlv';

/**
 * Just enough X.509 to verify a certificate's signature and a key without the host's crypto library: the signed
 * TBSCertificate bytes, names, the signature, and EC public keys with named or explicit curve parameters
 * (CSCA certificates often spell the curve out, as Vietnam's does).
 */
export type CertificateParts = {
  readonly tbs: Uint8Array;
  readonly serial: bigint;
  readonly issuer: Uint8Array;
  readonly subject: Uint8Array;
  readonly subjectPublicKeyInfo: Uint8Array;
  readonly signatureAlgorithm: AlgorithmIdentifier;
  readonly signature: Uint8Array;
};

export function parseCertificate(der: Uint8Array): Result<CertificateParts, IdCardFailure> {
  return parseWith((must): CertificateParts => {
    const parts = must(expectConstructed(must(decodeTlv(der)), DER.sequence, 'Certificate'));
    const tbsTlv = must(expectTag(parts[0], DER.sequence, 'TBSCertificate'));
    const tbs = must(expectConstructed(tbsTlv, DER.sequence, 'TBSCertificate'));
    const at = tbs[0]?.tag === contextTag(0) ? 1 : 0;
    const signature = must(expectTag(parts[2], DER.bitString, 'signature'));
    return {
      tbs: tbsTlv.raw,
      serial: must(readInteger(tbs[at], 'serialNumber')),
      issuer: must(expectTag(tbs[at + 2], DER.sequence, 'issuer')).raw,
      subject: must(expectTag(tbs[at + 4], DER.sequence, 'subject')).raw,
      subjectPublicKeyInfo: must(expectTag(tbs[at + 5], DER.sequence, 'subjectPublicKeyInfo')).raw,
      signatureAlgorithm: must(readAlgorithmIdentifier(parts[1], 'signatureAlgorithm')),
      // BIT STRING: the first byte counts unused bits, always 0 for signatures.
      signature: signature.value.subarray(1),
    };
  });
}

const MAX_FIELD_BITS = 521;

export type EcPublicKey = { readonly curve: Curve; readonly point: AffinePoint };

/** Explicit ECParameters (RFC 3279 §2.3.5): prime field, a, b, base point, order. */
function explicitCurve(parameters: AlgorithmIdentifier['parameters']): Result<Curve, IdCardFailure> {
  return parseWith((must): Curve => {
    const fields = must(expectConstructed(parameters, DER.sequence, 'ECParameters'));
    const fieldId = must(expectConstructed(fields[1], DER.sequence, 'fieldID'));
    if (must(readOid(fieldId[0], 'field type')) !== '1.2.840.10045.1.1') must(err(idCardErrors.crypto('only prime-field curves are supported')));
    const p = must(readInteger(fieldId[1], 'prime'));
    // Bounded, since a chip's certificate could otherwise make every BigInt step arbitrarily slow.
    if (p <= 3n || p.toString(2).length > MAX_FIELD_BITS) must(err(idCardErrors.crypto('unsupported curve size')));
    const curveFields = must(expectConstructed(fields[2], DER.sequence, 'curve'));
    const a = bigIntFromBytes(must(readOctetString(curveFields[0], 'a')));
    const b = bigIntFromBytes(must(readOctetString(curveFields[1], 'b')));
    const n = must(readInteger(fields[4], 'order'));
    if (n <= 1n || n.toString(2).length > MAX_FIELD_BITS + 1) must(err(idCardErrors.crypto('unsupported curve order')));
    const size = Math.ceil(p.toString(2).length / 8);
    const draft: Curve = { name: 'explicit', p, a, b, g: affine(0n, 0n), n, size };
    const g = must(decodePoint(draft, must(readOctetString(fields[3], 'base point'))));
    return { ...draft, g };
  });
}

function namedCurve(parameters: AlgorithmIdentifier['parameters']): Result<Curve, IdCardFailure> {
  const name = readOid(parameters, 'namedCurve');
  if (!name.ok) return name;
  const curve = curvesByOid.get(name.value);
  return curve === undefined ? err(idCardErrors.crypto(`unknown named curve ${name.value}`)) : ok(curve);
}

/** The EC public key of a SubjectPublicKeyInfo; `undefined` for other key types (RSA). */
export function ecPublicKeyFromSpki(spki: Uint8Array): Result<EcPublicKey | undefined, IdCardFailure> {
  return parseWith((must): EcPublicKey | undefined => {
    const fields = must(expectConstructed(must(decodeTlv(spki)), DER.sequence, 'SubjectPublicKeyInfo'));
    const algorithm = must(readAlgorithmIdentifier(fields[0], 'algorithm'));
    if (algorithm.oid !== OID.ecPublicKey) return undefined;
    const curve = must(algorithm.parameters?.tag === DER.oid ? namedCurve(algorithm.parameters) : explicitCurve(algorithm.parameters));
    const bits = must(expectTag(fields[1], DER.bitString, 'subjectPublicKey'));
    return { curve, point: must(decodePoint(curve, bits.value.subarray(1))) };
  });
}
