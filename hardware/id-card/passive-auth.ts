import { createHash, X509Certificate } from 'node:crypto';
import { err, ok, type Result } from '../../src-shared/result';
import { bytesEqual, constantTimeEqual } from './bytes';
import { idCardErrors, type IdCardFailure } from './errors';
import { OID } from './oids';
import { hashNameOf, signatureScheme, verifyWithSpki, type VerifyEngine } from './signature';
import { parseCertificate, type CertificateParts } from './x509';
import { parseSod, type ParsedSod } from './sod';

/**
 * Passive Authentication (Doc 9303-11 §5.1): every data group read hashes to the value the SOD lists, the SOD's
 * signature verifies with the document signer (DS) certificate it carries, and that certificate was issued and
 * signed by one of the configured CSCA certificates. Hashes and signature are checked first: they need no
 * trust anchors, so "no CSCA configured" is only reported for an otherwise intact SOD.
 *
 * Certificate validity periods are not enforced: a document signer certificate may expire while the cards it
 * signed stay valid, and the kiosk has no trustworthy clock or CRL source offline. They are reported instead.
 */
export type PassiveAuthResult =
  | ({ readonly status: 'passed' } & PassiveAuthDetails & { readonly csca: string })
  | ({ readonly status: 'no-trusted-csca' } & PassiveAuthDetails)
  | { readonly status: 'failed'; readonly check: 'dg-hash'; readonly dataGroup: number; readonly detail: string }
  | { readonly status: 'failed'; readonly check: 'signature' | 'chain' | 'malformed'; readonly detail: string };

export type PassiveAuthDetails = {
  readonly checkedDataGroups: readonly number[];
  readonly hashAlgorithm: string;
  readonly documentSigner: { readonly subject: string; readonly validFrom: string; readonly validTo: string };
};

export type PassiveAuthInput = {
  readonly sod: Uint8Array;
  /** Raw bytes of each data group read, by number. */
  readonly dataGroups: ReadonlyMap<number, Uint8Array>;
  readonly trustedCscas: readonly X509Certificate[];
  /** See signature.ts: 'auto' uses the host's crypto and falls back to BigInt ECDSA when it lacks the curve. */
  readonly engine?: VerifyEngine;
};

/** Reads CSCA certificates from PEM text (one or many certificates) or DER bytes, e.g. from the kiosk settings. */
export function loadCscaCertificates(sources: readonly (string | Uint8Array)[]): Result<readonly X509Certificate[], IdCardFailure> {
  const out: X509Certificate[] = [];
  for (const source of sources) {
    const blobs =
      typeof source === 'string' ? (source.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/gu) ?? []) : [source];
    if (blobs.length === 0) return err(idCardErrors.crypto('no PEM certificate found in a CSCA source'));
    for (const blob of blobs) {
      try {
        out.push(new X509Certificate(typeof blob === 'string' ? blob : Buffer.from(blob)));
      } catch (caught) {
        return err(idCardErrors.crypto(`unreadable CSCA certificate: ${caught instanceof Error ? caught.message : 'unknown'}`));
      }
    }
  }
  return ok(out);
}

const digest = (hash: string, data: Uint8Array): Uint8Array => Uint8Array.from(createHash(hash).update(data).digest());

type Certificate = { readonly x509: X509Certificate; readonly parts: CertificateParts };

function withParts(x509: X509Certificate): Certificate | undefined {
  const parts = parseCertificate(Uint8Array.from(x509.raw));
  return parts.ok ? { x509, parts: parts.value } : undefined;
}

function signerCertificates(sod: ParsedSod): Certificate[] {
  const certificates: Certificate[] = [];
  for (const der of sod.certificates) {
    try {
      const cert = withParts(new X509Certificate(Buffer.from(der)));
      if (cert !== undefined) certificates.push(cert);
    } catch {
      // An unreadable extra certificate is ignored; if none is usable the signature check fails below.
    }
  }
  if (sod.signer.kind !== 'issuer-serial') return certificates;
  const serial = sod.signer.serial;
  const matching = certificates.filter((cert) => cert.parts.serial === serial);
  return matching.length > 0 ? matching : certificates;
}

/** Issued by: the issuer name matches the CSCA's subject and the CSCA's key verifies the certificate. */
function issuedBy(signer: Certificate, csca: Certificate, engine: VerifyEngine): boolean {
  if (engine === 'auto') {
    try {
      return signer.x509.checkIssued(csca.x509) && signer.x509.verify(csca.x509.publicKey);
    } catch {
      // The host cannot load the CSCA key (e.g. brainpool under BoringSSL): verify it ourselves below.
    }
  }
  const scheme = signatureScheme(signer.parts.signatureAlgorithm);
  return (
    scheme.ok &&
    bytesEqual(signer.parts.issuer, csca.parts.subject) &&
    verifyWithSpki(scheme.value, csca.parts.subjectPublicKeyInfo, signer.parts.tbs, signer.parts.signature, engine)
  );
}

export function verifyPassiveAuthentication(input: PassiveAuthInput): PassiveAuthResult {
  const parsed = parseSod(input.sod);
  if (!parsed.ok) return { status: 'failed', check: 'malformed', detail: parsed.error.messageEn };
  const sod = parsed.value;
  if (sod.contentType !== OID.ldsSecurityObject) return { status: 'failed', check: 'malformed', detail: `content type ${sod.contentType}` };

  const hash = hashNameOf(sod.hashAlgorithm);
  if (hash === undefined) return { status: 'failed', check: 'malformed', detail: `unsupported hash ${sod.hashAlgorithm}` };
  const checkedDataGroups: number[] = [];
  for (const [number, bytes] of [...input.dataGroups.entries()].sort(([a], [b]) => a - b)) {
    const expected = sod.dataGroupHashes.get(number);
    if (expected === undefined) return { status: 'failed', check: 'dg-hash', dataGroup: number, detail: `DG${number} is not listed in the SOD` };
    if (!constantTimeEqual(digest(hash, bytes), expected))
      return { status: 'failed', check: 'dg-hash', dataGroup: number, detail: `DG${number} does not match its SOD hash` };
    checkedDataGroups.push(number);
  }

  // With signed attributes the signature covers them, and their message digest covers the content.
  let signedBytes = sod.content;
  if (sod.signedAttributes !== undefined) {
    const digestName = hashNameOf(sod.digestAlgorithm);
    if (digestName === undefined) return { status: 'failed', check: 'malformed', detail: `unsupported digest ${sod.digestAlgorithm}` };
    if (sod.messageDigest === undefined || !constantTimeEqual(digest(digestName, sod.content), sod.messageDigest))
      return { status: 'failed', check: 'signature', detail: 'the message digest attribute does not match the security object' };
    if (sod.signedContentType !== undefined && sod.signedContentType !== OID.ldsSecurityObject)
      return { status: 'failed', check: 'signature', detail: 'the signed content type is not an LDS security object' };
    signedBytes = sod.signedAttributes;
  }
  const scheme = signatureScheme(sod.signatureAlgorithm, sod.digestAlgorithm);
  if (!scheme.ok) return { status: 'failed', check: 'malformed', detail: scheme.error.messageEn };
  const candidates = signerCertificates(sod);
  if (candidates.length === 0) return { status: 'failed', check: 'malformed', detail: 'the SOD carries no document signer certificate' };
  const engine = input.engine ?? 'auto';
  const signerCert = candidates.find((cert) => verifyWithSpki(scheme.value, cert.parts.subjectPublicKeyInfo, signedBytes, sod.signature, engine));
  if (signerCert === undefined) return { status: 'failed', check: 'signature', detail: 'the SOD signature does not verify with its document signer certificate' };
  const signer = signerCert.x509;

  const details: PassiveAuthDetails = {
    checkedDataGroups,
    hashAlgorithm: hash,
    documentSigner: { subject: signer.subject, validFrom: signer.validFrom, validTo: signer.validTo },
  };
  if (input.trustedCscas.length === 0) return { status: 'no-trusted-csca', ...details };
  const issuer = input.trustedCscas.find((csca) => {
    const anchor = withParts(csca);
    return anchor !== undefined && issuedBy(signerCert, anchor, engine);
  });
  if (issuer === undefined) return { status: 'failed', check: 'chain', detail: 'the document signer was not issued by any configured CSCA' };
  return { status: 'passed', ...details, csca: issuer.subject };
}
