import { err, type Result } from '../../src-shared/result';
import { concat } from './bytes';
import {
  contextTag,
  DER,
  expectConstructed,
  expectTag,
  readAlgorithmIdentifier,
  readInteger,
  readOctetString,
  readOid,
  readSmallInteger,
  type AlgorithmIdentifier,
} from './der';
import { idCardErrors, type IdCardFailure } from './errors';
import { OID } from './oids';
import { decodeTlv, decodeTlvList, encodeLength, parseWith, type Tlv } from './tlv';

/**
 * EF.SOD (tag 77, Doc 9303-10 §4.6.2): a CMS SignedData (RFC 5652) whose content is the LDSSecurityObject,
 * the list of data-group hashes. Parsing only; verification is in passive-auth.ts.
 */
export type SignerIdentifier =
  | { readonly kind: 'issuer-serial'; readonly issuer: Uint8Array; readonly serial: bigint }
  | { readonly kind: 'subject-key-id'; readonly keyId: Uint8Array };

export type ParsedSod = {
  readonly ldsVersion: number;
  /** Hash algorithm OID of the data-group hashes. */
  readonly hashAlgorithm: string;
  readonly dataGroupHashes: ReadonlyMap<number, Uint8Array>;
  /** The DER LDSSecurityObject, the content that is signed (through the message digest attribute). */
  readonly content: Uint8Array;
  readonly contentType: string;
  readonly digestAlgorithm: string;
  readonly signatureAlgorithm: AlgorithmIdentifier;
  readonly signature: Uint8Array;
  /** DER of the signed attributes re-tagged as SET (31), the bytes the signature covers; undefined if absent. */
  readonly signedAttributes: Uint8Array | undefined;
  readonly messageDigest: Uint8Array | undefined;
  readonly signedContentType: string | undefined;
  readonly signer: SignerIdentifier;
  /** DER certificates carried in the SOD (normally the document signer's). */
  readonly certificates: readonly Uint8Array[];
};

function attribute(attributes: readonly Tlv[], oid: string): Result<Tlv | undefined, IdCardFailure> {
  return parseWith((must) => {
    for (const entry of attributes) {
      const fields = must(expectConstructed(entry, DER.sequence, 'Attribute'));
      if (must(readOid(fields[0], 'Attribute type')) !== oid) continue;
      const values = must(expectConstructed(fields[1], DER.set, 'Attribute values'));
      return values[0];
    }
    return undefined;
  });
}

function parseSignerIdentifier(tlv: Tlv | undefined): Result<SignerIdentifier, IdCardFailure> {
  return parseWith((must): SignerIdentifier => {
    if (tlv?.tag === contextTag(0, false)) return { kind: 'subject-key-id', keyId: tlv.value };
    const fields = must(expectConstructed(tlv, DER.sequence, 'IssuerAndSerialNumber'));
    const issuer = must(expectTag(fields[0], DER.sequence, 'issuer'));
    return { kind: 'issuer-serial', issuer: issuer.raw, serial: must(readInteger(fields[1], 'serial number')) };
  });
}

export function parseSod(bytes: Uint8Array): Result<ParsedSod, IdCardFailure> {
  const parsed = parseWith((must): ParsedSod => {
    const template = must(expectTag(must(decodeTlv(bytes)), 0x77, 'EF.SOD'));
    const contentInfo = must(expectConstructed(must(decodeTlv(template.value)), DER.sequence, 'ContentInfo'));
    if (must(readOid(contentInfo[0], 'content type')) !== OID.signedData) must(err(idCardErrors.sodMalformed('not CMS SignedData')));
    const signedDataWrapper = must(expectConstructed(contentInfo[1], contextTag(0), 'SignedData wrapper'));
    const signedData = must(expectConstructed(signedDataWrapper[0], DER.sequence, 'SignedData'));

    let index = 1; // version
    must(expectTag(signedData[index], DER.set, 'digestAlgorithms'));
    index += 1;
    const encap = must(expectConstructed(signedData[index], DER.sequence, 'encapContentInfo'));
    index += 1;
    const contentType = must(readOid(encap[0], 'eContentType'));
    const eContentWrapper = must(expectConstructed(encap[1], contextTag(0), 'eContent wrapper'));
    const content = must(readOctetString(eContentWrapper[0], 'eContent'));

    const certificates: Uint8Array[] = [];
    if (signedData[index]?.tag === contextTag(0)) {
      for (const cert of must(decodeTlvList(signedData[index]?.value ?? new Uint8Array()))) certificates.push(cert.raw);
      index += 1;
    }
    if (signedData[index]?.tag === contextTag(1)) index += 1; // CRLs: not used by eMRTDs.
    const signerInfos = must(expectConstructed(signedData[index], DER.set, 'signerInfos'));
    const signerInfo = must(expectConstructed(signerInfos[0], DER.sequence, 'SignerInfo'));

    const signer = must(parseSignerIdentifier(signerInfo[1]));
    const digestAlgorithm = must(readAlgorithmIdentifier(signerInfo[2], 'digestAlgorithm')).oid;
    let next = 3;
    let signedAttributes: Uint8Array | undefined;
    let messageDigest: Uint8Array | undefined;
    let signedContentType: string | undefined;
    const maybeAttributes = signerInfo[next];
    if (maybeAttributes?.tag === contextTag(0)) {
      // The signature covers the attributes with their universal SET tag, not the [0] IMPLICIT tag (RFC 5652 §5.4).
      signedAttributes = concat(Uint8Array.of(DER.set), encodeLength(maybeAttributes.value.length), maybeAttributes.value);
      const list = must(decodeTlvList(maybeAttributes.value));
      const digest = must(attribute(list, OID.messageDigest));
      messageDigest = digest === undefined ? undefined : must(readOctetString(digest, 'messageDigest'));
      const type = must(attribute(list, OID.contentType));
      signedContentType = type === undefined ? undefined : must(readOid(type, 'contentType attribute'));
      next += 1;
    }
    const signatureAlgorithm = must(readAlgorithmIdentifier(signerInfo[next], 'signatureAlgorithm'));
    const signature = must(readOctetString(signerInfo[next + 1], 'signature'));

    const lds = must(expectConstructed(must(decodeTlv(content)), DER.sequence, 'LDSSecurityObject'));
    const ldsVersion = must(readSmallInteger(lds[0], 'LDSSecurityObject version'));
    const hashAlgorithm = must(readAlgorithmIdentifier(lds[1], 'hashAlgorithm')).oid;
    const dataGroupHashes = new Map<number, Uint8Array>();
    for (const entry of must(expectConstructed(lds[2], DER.sequence, 'dataGroupHashValues'))) {
      const fields = must(expectConstructed(entry, DER.sequence, 'DataGroupHash'));
      dataGroupHashes.set(must(readSmallInteger(fields[0], 'dataGroupNumber')), must(readOctetString(fields[1], 'dataGroupHashValue')));
    }
    return {
      ldsVersion,
      hashAlgorithm,
      dataGroupHashes,
      content,
      contentType,
      digestAlgorithm,
      signatureAlgorithm,
      signature,
      signedAttributes,
      messageDigest,
      signedContentType,
      signer,
      certificates,
    };
  });
  return parsed.ok || parsed.error.code === 'id-card.sod-malformed' ? parsed : err(idCardErrors.sodMalformed(parsed.error.messageEn));
}
