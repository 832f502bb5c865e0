import { constants, createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { err, ok, type Result } from '../../src-shared/result';
import { contextTag, DER, expectConstructed, readAlgorithmIdentifier, readSmallInteger, type AlgorithmIdentifier } from './der';
import { idCardErrors, type IdCardFailure } from './errors';
import { OID } from './oids';
import { children, parseWith } from './tlv';
import { ecdsaSignatureValues, verifyEcdsaDigest } from './crypto/ecdsa';
import { ecPublicKeyFromSpki } from './x509';

/**
 * Maps the CMS / X.509 signature algorithm identifiers found on eMRTDs to Node's crypto.verify: RSA PKCS#1 v1.5,
 * RSASSA-PSS (with its parameters) and ECDSA in DER or TR-03111 plain (r ‖ s) form.
 */
export type HashName = 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512';

const hashes: Readonly<Record<string, HashName>> = {
  [OID.sha1]: 'sha1',
  [OID.sha224]: 'sha224',
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
};

export const hashNameOf = (oid: string): HashName | undefined => hashes[oid];

export type SignatureScheme =
  | { readonly kind: 'rsa-pkcs1'; readonly hash: HashName }
  | { readonly kind: 'rsa-pss'; readonly hash: HashName; readonly saltLength: number }
  | { readonly kind: 'ecdsa'; readonly hash: HashName; readonly encoding: 'der' | 'ieee-p1363' };

const withRsa: Readonly<Record<string, HashName>> = {
  [OID.sha1WithRsa]: 'sha1',
  [OID.sha224WithRsa]: 'sha224',
  [OID.sha256WithRsa]: 'sha256',
  [OID.sha384WithRsa]: 'sha384',
  [OID.sha512WithRsa]: 'sha512',
};
const withEcdsa: Readonly<Record<string, HashName>> = {
  [OID.ecdsaWithSha1]: 'sha1',
  [OID.ecdsaWithSha224]: 'sha224',
  [OID.ecdsaWithSha256]: 'sha256',
  [OID.ecdsaWithSha384]: 'sha384',
  [OID.ecdsaWithSha512]: 'sha512',
};
const plainEcdsa: readonly HashName[] = ['sha1', 'sha224', 'sha256', 'sha384', 'sha512'];

/** RSASSA-PSS-params (RFC 4055): [0] hash (default SHA-1), [1] MGF1 with a hash (must match), [2] salt length (default 20). */
function pssScheme(parameters: AlgorithmIdentifier['parameters']): Result<SignatureScheme, IdCardFailure> {
  return parseWith((must): SignatureScheme => {
    let hash: HashName | undefined = 'sha1';
    let mgfHash: HashName | undefined = 'sha1';
    let saltLength = 20;
    const fields = parameters === undefined ? [] : must(expectConstructed(parameters, DER.sequence, 'RSASSA-PSS-params'));
    for (const field of fields) {
      const inner = must(children(field));
      if (field.tag === contextTag(0)) hash = hashNameOf(must(readAlgorithmIdentifier(inner[0])).oid);
      if (field.tag === contextTag(1)) {
        const mgf = must(readAlgorithmIdentifier(inner[0]));
        mgfHash = mgf.oid === OID.mgf1 ? hashNameOf(must(readAlgorithmIdentifier(mgf.parameters)).oid) : undefined;
      }
      if (field.tag === contextTag(2)) saltLength = must(readSmallInteger(inner[0]));
    }
    // Node's PSS uses MGF1 with the signature hash, which is what every eMRTD profile prescribes.
    if (hash === undefined || mgfHash !== hash) must(err(idCardErrors.crypto('unsupported RSASSA-PSS parameters')));
    return { kind: 'rsa-pss', hash: hash ?? 'sha1', saltLength };
  });
}

export function signatureScheme(algorithm: AlgorithmIdentifier, digestAlgorithm?: string): Result<SignatureScheme, IdCardFailure> {
  const { oid } = algorithm;
  const digest = digestAlgorithm === undefined ? undefined : hashNameOf(digestAlgorithm);
  const rsa = withRsa[oid];
  if (rsa !== undefined) return ok({ kind: 'rsa-pkcs1', hash: rsa });
  const ecdsa = withEcdsa[oid];
  if (ecdsa !== undefined) return ok({ kind: 'ecdsa', hash: ecdsa, encoding: 'der' });
  if (oid.startsWith(`${OID.ecdsaPlainPrefix}.`)) {
    const plain = plainEcdsa[Number(oid.slice(OID.ecdsaPlainPrefix.length + 1)) - 1];
    if (plain !== undefined) return ok({ kind: 'ecdsa', hash: plain, encoding: 'ieee-p1363' });
  }
  if (oid === OID.rsaPss) return pssScheme(algorithm.parameters);
  // Some signers name only the key type; the SignerInfo's digest algorithm then gives the hash.
  if (oid === OID.rsaEncryption && digest !== undefined) return ok({ kind: 'rsa-pkcs1', hash: digest });
  if (oid === OID.ecPublicKey && digest !== undefined) return ok({ kind: 'ecdsa', hash: digest, encoding: 'der' });
  return err(idCardErrors.crypto(`unsupported signature algorithm ${oid}`));
}

function nodeVerify(scheme: SignatureScheme, key: KeyObject, data: Uint8Array, signature: Uint8Array): boolean {
  switch (scheme.kind) {
    case 'rsa-pkcs1':
      return verify(scheme.hash, data, { key, padding: constants.RSA_PKCS1_PADDING }, signature);
    case 'rsa-pss':
      return verify(scheme.hash, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: scheme.saltLength }, signature);
    case 'ecdsa':
      return verify(scheme.hash, data, { key, dsaEncoding: scheme.encoding }, signature);
  }
}

/** True only when the signature verifies; a malformed signature or a key of the wrong type is simply false. */
export function verifySignature(scheme: SignatureScheme, key: KeyObject, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    return nodeVerify(scheme, key, data, signature);
  } catch {
    return false;
  }
}

/** 'pure-ecdsa' skips the host library for EC keys (tests of the fallback, or a host known to lack the curve). */
export type VerifyEngine = 'auto' | 'pure-ecdsa';

/**
 * Verifies with a DER SubjectPublicKeyInfo. The host's crypto is tried first; when it cannot even load the key
 * or run the algorithm (Electron's BoringSSL has no brainpool curves), ECDSA falls back to the BigInt
 * implementation, which also understands explicit curve parameters.
 */
export function verifyWithSpki(scheme: SignatureScheme, spki: Uint8Array, data: Uint8Array, signature: Uint8Array, engine: VerifyEngine = 'auto'): boolean {
  const ecKey = ecPublicKeyFromSpki(spki);
  if (engine === 'auto' || !ecKey.ok || ecKey.value === undefined) {
    try {
      return nodeVerify(scheme, createPublicKey({ key: Buffer.from(spki), format: 'der', type: 'spki' }), data, signature);
    } catch {
      // Unsupported by the host: fall through to the pure implementation when it applies.
    }
  }
  if (scheme.kind !== 'ecdsa' || !ecKey.ok || ecKey.value === undefined) return false;
  const values = ecdsaSignatureValues(signature, scheme.encoding);
  if (values === undefined) return false;
  const digest = Uint8Array.from(createHash(scheme.hash).update(data).digest());
  try {
    return verifyEcdsaDigest(ecKey.value.curve, ecKey.value.point, digest, values.r, values.s);
  } catch {
    // Explicit parameters come from the chip's DS certificate: a composite "order" makes inversion fail.
    return false;
  }
}
