import { createHash } from 'node:crypto';
import { err, ok, type Result } from '../../src-shared/result';
import { SW } from './apdu';
import { systemRandom, type Random } from './bac';
import { bigIntToBytes, concat, constantTimeEqual } from './bytes';
import type { CardChannel } from './card-channel';
import { curvesByOid } from './crypto/curves';
import { encodePoint, keyPairOn, randomScalar, scalarMultiply, type Curve } from './crypto/ec';
import type { SessionCipher } from './crypto/kdf';
import { DER, derOid, expectConstructed, readOid, readSmallInteger } from './der';
import { idCardErrors, type IdCardFailure } from './errors';
import { OID } from './oids';
import { sessionKeys } from './pace-crypto';
import { createSecureChannel } from './secure-messaging';
import type { ParsedSod } from './sod';
import { hashNameOf } from './signature';
import { decodeTlv, encodeTlv, type Tlv } from './tlv';
import { ecPublicKeyFromSpki, type EcPublicKey } from './x509';

/**
 * Chip Authentication (Doc 9303-11 §6.2, BSI TR-03110-1 §3.4) with ECDH: the reader sends an ephemeral public key
 * on the curve of DG14's chip key, both sides derive new secure-messaging keys from the shared secret, and SM
 * restarts with SSC 0. A clone that copied DG14 but not the chip's private key cannot derive the same keys, so
 * its next answer fails the MAC check. The proof is implicit: the reader confirms it with one protected command
 * (SELECT EF.COM) under the new keys before calling it passed.
 *
 * AES variants: MSE:Set AT (41 A4, protocol OID, key id) then GENERAL AUTHENTICATE with the key in 7C/80.
 * 3DES variant: MSE:Set KAT (41 A6, key in 91, key id in 84). Both run inside the existing session.
 * DH (non-EC) chip keys are reported as not supported, not attempted.
 */
export type ChipAuthenticationResult =
  | { readonly status: 'passed'; readonly protocol: string; readonly cipher: SessionCipher; readonly curve: string; readonly keyId?: number }
  | { readonly status: 'failed'; readonly detail: string; readonly protocol?: string }
  | { readonly status: 'not-offered'; readonly reason: string }
  | { readonly status: 'not-supported'; readonly reason: string; readonly protocol: string };

export type ChipAuthenticationOffer = {
  readonly protocol: string;
  readonly agreement: 'ECDH' | 'DH';
  readonly cipher: SessionCipher | 'unknown';
  readonly keyId: number | undefined;
  /** Undefined for DH keys and for EC keys the reader could not parse (`keyProblem` says why). */
  readonly publicKey: EcPublicKey | undefined;
  readonly keyProblem?: string;
};

const ciphers: Readonly<Record<string, SessionCipher>> = { '1': '3des', '2': 'aes128', '3': 'aes192', '4': 'aes256' };
const under = (oid: string, prefix: string): boolean => oid.startsWith(`${prefix}.`);

type CaInfo = { readonly protocol: string; readonly keyId: number | undefined };
type KeyInfo = { readonly agreement: 'ECDH' | 'DH'; readonly spki: Uint8Array; readonly keyId: number | undefined };

function optionalKeyId(tlv: Tlv | undefined): Result<number | undefined, IdCardFailure> {
  if (tlv === undefined) return ok(undefined);
  return readSmallInteger(tlv, 'keyId');
}

/**
 * The Chip Authentication offers in DG14: ChipAuthenticationInfo (protocol, version, keyId?) paired with the
 * ChipAuthenticationPublicKeyInfo (id-PK-DH/ECDH, SubjectPublicKeyInfo, keyId?) of the same key id. A key without
 * an info implies id-CA-ECDH-3DES-CBC-CBC (Doc 9303-11 §9.2.5: the info may be omitted for that protocol).
 */
export function chipAuthenticationOffers(dg14: Uint8Array): Result<readonly ChipAuthenticationOffer[], IdCardFailure> {
  const outer = decodeTlv(dg14);
  if (!outer.ok || outer.value.tag !== 0x6e) return err(idCardErrors.ldsMalformed('DG14', 'outer tag 6E missing'));
  const set = decodeTlv(outer.value.value);
  if (!set.ok) return err(idCardErrors.ldsMalformed('DG14', set.error.messageEn));
  const entries = expectConstructed(set.value, DER.set, 'SecurityInfos');
  if (!entries.ok) return err(idCardErrors.ldsMalformed('DG14', entries.error.messageEn));
  const infos: CaInfo[] = [];
  const keys: KeyInfo[] = [];
  for (const entry of entries.value) {
    const fields = expectConstructed(entry, DER.sequence, 'SecurityInfo');
    if (!fields.ok) return err(idCardErrors.ldsMalformed('DG14', fields.error.messageEn));
    const protocol = readOid(fields.value[0], 'protocol');
    if (!protocol.ok) return err(idCardErrors.ldsMalformed('DG14', protocol.error.messageEn));
    if (under(protocol.value, OID.chipAuthentication)) {
      const keyId = optionalKeyId(fields.value[2]);
      if (!keyId.ok) return err(idCardErrors.ldsMalformed('DG14', keyId.error.messageEn));
      infos.push({ protocol: protocol.value, keyId: keyId.value });
    } else if (protocol.value === `${OID.chipAuthenticationPublicKey}.1` || protocol.value === `${OID.chipAuthenticationPublicKey}.2`) {
      const spki = fields.value[1];
      if (spki === undefined || spki.tag !== DER.sequence) return err(idCardErrors.ldsMalformed('DG14', 'ChipAuthenticationPublicKeyInfo without a key'));
      const keyId = optionalKeyId(fields.value[2]);
      if (!keyId.ok) return err(idCardErrors.ldsMalformed('DG14', keyId.error.messageEn));
      keys.push({ agreement: protocol.value.endsWith('.2') ? 'ECDH' : 'DH', spki: spki.raw, keyId: keyId.value });
    }
  }
  const implied = infos.length === 0 && keys.length > 0 ? keys.map((key) => ({ protocol: `${OID.chipAuthentication}.2.1`, keyId: key.keyId })) : infos;
  const offers: ChipAuthenticationOffer[] = [];
  for (const info of implied) {
    const [agreementArc = '', cipherArc = ''] = info.protocol.slice(OID.chipAuthentication.length + 1).split('.');
    const agreement = agreementArc === '1' ? 'DH' : 'ECDH';
    // With one key and no key ids, the info and the key belong together.
    const key = keys.find((k) => k.keyId === info.keyId && k.agreement === agreement) ?? (keys.length === 1 && info.keyId === undefined ? keys[0] : undefined);
    let publicKey: EcPublicKey | undefined;
    let keyProblem: string | undefined;
    if (key === undefined) keyProblem = 'DG14 has no public key for this protocol';
    else if (key.agreement === 'ECDH') {
      const parsed = ecPublicKeyFromSpki(key.spki);
      if (!parsed.ok) keyProblem = parsed.error.messageEn;
      else if (parsed.value === undefined) keyProblem = 'the chip key is not an EC key';
      else publicKey = parsed.value;
    }
    offers.push({ protocol: info.protocol, agreement, cipher: ciphers[cipherArc] ?? 'unknown', keyId: info.keyId, publicKey, ...(keyProblem === undefined ? {} : { keyProblem }) });
  }
  return ok(offers);
}

/** Whether DG14 as read hashes to the SOD's value: CA must not run on a key the issuer did not sign. */
export function dataGroupMatchesSod(sod: ParsedSod, number: number, bytes: Uint8Array): boolean {
  const expected = sod.dataGroupHashes.get(number);
  const hash = hashNameOf(sod.hashAlgorithm);
  if (expected === undefined || hash === undefined) return false;
  return constantTimeEqual(Uint8Array.from(createHash(hash).update(bytes).digest()), expected);
}

/** The offer the reader runs: ECDH with a known cipher and a parsed key; CA-ECDH-AES preferred over 3DES. */
export function chooseChipAuthentication(offers: readonly ChipAuthenticationOffer[]): ChipAuthenticationOffer | undefined {
  const runnable = offers.filter((offer) => offer.agreement === 'ECDH' && offer.cipher !== 'unknown' && offer.publicKey !== undefined);
  return runnable.find((offer) => offer.cipher !== '3des') ?? runnable[0];
}

/** Chips give their key's curve as explicit parameters; name it when it is a known one. */
function curveName(curve: Curve): string {
  const known = [...curvesByOid.values()].find((c) => c.p === curve.p && c.a === curve.a && c.b === curve.b && c.n === curve.n && c.g.x === curve.g.x);
  return known?.name ?? curve.name;
}

/** Transport trouble is the reader's to report; anything the chip says is a CA outcome. */
const fatal = (failure: IdCardFailure): boolean => failure.code === 'id-card.card-removed' || failure.code === 'id-card.transport';

export async function performChipAuthentication(
  card: CardChannel,
  offer: ChipAuthenticationOffer,
  random: Random = systemRandom,
): Promise<Result<ChipAuthenticationResult, IdCardFailure>> {
  const key = offer.publicKey;
  if (offer.agreement !== 'ECDH' || key === undefined || offer.cipher === 'unknown')
    return ok({ status: 'not-supported', protocol: offer.protocol, reason: offer.keyProblem ?? `unsupported Chip Authentication variant ${offer.protocol}` });
  const cipher = offer.cipher;
  const curve = key.curve;
  const failed = (detail: string): Result<ChipAuthenticationResult, IdCardFailure> => ok({ status: 'failed', protocol: offer.protocol, detail });

  const ephemeral = keyPairOn(curve, curve.g, randomScalar(curve, random));
  if (!ephemeral.ok) return ephemeral;
  const ephemeralBytes = encodePoint(curve, ephemeral.value.publicKey);
  const keyIdObject = offer.keyId === undefined ? new Uint8Array(0) : encodeTlv(0x84, bigIntToBytes(BigInt(offer.keyId), offer.keyId > 0xff ? 2 : 1));

  if (cipher === '3des') {
    // MSE:Set KAT carries the key itself; there is no GENERAL AUTHENTICATE.
    const kat = await card.send({ cla: 0, ins: 0x22, p1: 0x41, p2: 0xa6, data: concat(encodeTlv(0x91, ephemeralBytes), keyIdObject) });
    if (!kat.ok) return fatal(kat.error) ? kat : failed(kat.error.messageEn);
    if (kat.value.sw !== SW.success) return failed(`MSE:Set KAT answered SW ${kat.value.sw.toString(16).toUpperCase()}`);
  } else {
    const setAt = await card.send({ cla: 0, ins: 0x22, p1: 0x41, p2: 0xa4, data: concat(encodeTlv(0x80, derOid(offer.protocol).subarray(2)), keyIdObject) });
    if (!setAt.ok) return fatal(setAt.error) ? setAt : failed(setAt.error.messageEn);
    if (setAt.value.sw !== SW.success) return failed(`MSE:Set AT answered SW ${setAt.value.sw.toString(16).toUpperCase()}`);
    const general = await card.send({ cla: 0, ins: 0x86, p1: 0, p2: 0, data: encodeTlv(0x7c, encodeTlv(0x80, ephemeralBytes)), ne: 256 });
    if (!general.ok) return fatal(general.error) ? general : failed(general.error.messageEn);
    if (general.value.sw !== SW.success) return failed(`GENERAL AUTHENTICATE answered SW ${general.value.sw.toString(16).toUpperCase()}`);
  }

  // The answer above was still protected with the old keys; from here on, the new ones (SSC 0).
  const shared = scalarMultiply(curve, ephemeral.value.privateKey, key.point);
  if (shared.kind !== 'affine') return failed('shared secret at infinity');
  card.useSecureMessaging(createSecureChannel(sessionKeys(cipher, bigIntToBytes(shared.x, curve.size)), 0n));

  const confirm = await card.send({ cla: 0, ins: 0xa4, p1: 0x02, p2: 0x0c, data: Uint8Array.of(0x01, 0x1e) });
  if (!confirm.ok) return fatal(confirm.error) ? confirm : failed(`the chip's first answer under the new keys does not verify (${confirm.error.code})`);
  if (!confirm.value.authenticated || confirm.value.sw !== SW.success)
    return failed(`the chip did not answer under the new keys (SW ${confirm.value.sw.toString(16).toUpperCase()})`);
  return ok({ status: 'passed', protocol: offer.protocol, cipher, curve: curveName(curve), ...(offer.keyId === undefined ? {} : { keyId: offer.keyId }) });
}

