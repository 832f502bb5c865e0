import { constants, createHash, publicEncrypt, type KeyObject } from 'node:crypto';
import { err, ok, type Result } from '../../src-shared/result';
import { SW } from './apdu';
import { type Random, systemRandom } from './bac';
import { concat, constantTimeEqual } from './bytes';
import type { CardChannel } from './card-channel';
import type { SecurityInfos } from './card-access';
import type { IdCardFailure } from './errors';
import { signatureScheme, verifySignature, type HashName } from './signature';

/**
 * Active Authentication (Doc 9303-11 §6.1): the chip signs a fresh random 8-byte challenge with the private key
 * matching DG15, proving it is not a copy. RSA chips answer with an ISO/IEC 9796-2 scheme 1 signature (partial
 * message recovery); ECDSA chips with a plain r ‖ s signature whose hash DG14's ActiveAuthenticationInfo names.
 * The result is only as trustworthy as DG15 itself, which Passive Authentication vouches for.
 */
export type ActiveAuthResult =
  | { readonly status: 'passed'; readonly algorithm: 'rsa-iso9796-2' | 'ecdsa' }
  | { readonly status: 'failed'; readonly detail: string }
  | { readonly status: 'not-attempted'; readonly reason: string };

const trailerHashes: Readonly<Record<number, HashName>> = { 0x33: 'sha1', 0x34: 'sha256', 0x35: 'sha512', 0x36: 'sha384', 0x38: 'sha224' };
const hashLength: Readonly<Record<HashName, number>> = { sha1: 20, sha224: 28, sha256: 32, sha384: 48, sha512: 64 };

/** Recovers the ISO 9796-2 message representative and checks H(M1 ‖ challenge). */
export function verifyRsaActiveAuthentication(key: KeyObject, challenge: Uint8Array, signature: Uint8Array): boolean {
  let f: Uint8Array;
  try {
    f = Uint8Array.from(publicEncrypt({ key, padding: constants.RSA_NO_PADDING }, signature));
  } catch {
    return false;
  }
  const last = f[f.length - 1];
  const hash: HashName | undefined = last === 0xbc ? 'sha1' : last === 0xcc ? trailerHashes[f[f.length - 2] ?? 0] : undefined;
  // Header 0x6A: "01" start, partial recovery, padding nibble 1010 (ISO/IEC 9796-2 §8).
  if (hash === undefined || f[0] !== 0x6a) return false;
  const trailer = last === 0xbc ? 1 : 2;
  const digestStart = f.length - trailer - hashLength[hash];
  if (digestStart <= 1) return false;
  const m1 = f.subarray(1, digestStart);
  const digest = f.subarray(digestStart, f.length - trailer);
  return constantTimeEqual(Uint8Array.from(createHash(hash).update(concat(m1, challenge)).digest()), digest);
}

export async function performActiveAuthentication(
  card: CardChannel,
  dg15Key: KeyObject,
  dg14: SecurityInfos | undefined,
  random: Random = systemRandom,
): Promise<Result<ActiveAuthResult, IdCardFailure>> {
  const challenge = random(8);
  const reply = await card.send({ cla: 0, ins: 0x88, p1: 0, p2: 0, data: challenge, ne: 256 });
  if (!reply.ok) {
    // Transport trouble is the reader's to report; a protocol-level refusal is an AA outcome.
    if (reply.error.code === 'id-card.card-removed' || reply.error.code === 'id-card.transport') return err(reply.error);
    return ok({ status: 'failed', detail: reply.error.messageEn });
  }
  if (reply.value.sw !== SW.success || reply.value.data.length === 0)
    return ok({ status: 'failed', detail: `INTERNAL AUTHENTICATE answered SW ${reply.value.sw.toString(16).toUpperCase()}` });
  const signature = reply.value.data;

  if (dg15Key.asymmetricKeyType === 'rsa')
    return ok(verifyRsaActiveAuthentication(dg15Key, challenge, signature) ? { status: 'passed', algorithm: 'rsa-iso9796-2' } : { status: 'failed', detail: 'the RSA signature does not verify' });
  if (dg15Key.asymmetricKeyType === 'ec') {
    const algorithm = dg14?.activeAuthentication[0];
    if (algorithm === undefined) return ok({ status: 'failed', detail: 'DG14 names no Active Authentication algorithm for the ECDSA key' });
    const scheme = signatureScheme({ oid: algorithm });
    if (!scheme.ok || scheme.value.kind !== 'ecdsa') return ok({ status: 'failed', detail: `unsupported Active Authentication algorithm ${algorithm}` });
    // Chips sign r ‖ s whatever the OID family; accept DER too, as some do.
    const plain = verifySignature({ ...scheme.value, encoding: 'ieee-p1363' }, dg15Key, challenge, signature);
    const der = plain || verifySignature({ ...scheme.value, encoding: 'der' }, dg15Key, challenge, signature);
    return ok(der ? { status: 'passed', algorithm: 'ecdsa' } : { status: 'failed', detail: 'the ECDSA signature does not verify' });
  }
  return ok({ status: 'not-attempted', reason: `unsupported DG15 key type ${dg15Key.asymmetricKeyType ?? 'unknown'}` });
}
