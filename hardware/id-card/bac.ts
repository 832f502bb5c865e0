import { randomBytes } from 'node:crypto';
import { err, ok, type Result } from '../../src-shared/result';
import { statusFailure, SW } from './apdu';
import { ascii, bytesEqual, concat, constantTimeEqual, xor } from './bytes';
import type { CardChannel } from './card-channel';
import { retailMac, tdesDecryptCbc, tdesEncryptCbc } from './crypto/des';
import { deriveKey, KDF_COUNTER, sha1 } from './crypto/kdf';
import { padIso9797 } from './crypto/padding';
import { idCardErrors, type IdCardFailure } from './errors';
import { createSecureChannel, type SecureChannel } from './secure-messaging';
import { sscFromBytes, type SmKeys } from './sm-crypto';

/**
 * Basic Access Control (Doc 9303-11 §4.3): keys from the MRZ, a 3DES challenge–response with GET CHALLENGE
 * and EXTERNAL AUTHENTICATE, then 3DES secure messaging with SSC = RND.IC[4..8] ‖ RND.IFD[4..8].
 */
export type Random = (size: number) => Uint8Array;
export const systemRandom: Random = (size) => Uint8Array.from(randomBytes(size));

export type BacKeys = { readonly kSeed: Uint8Array; readonly kEnc: Uint8Array; readonly kMac: Uint8Array };

/** `mrzInformation` = document number + check digit + DOB + check digit + expiry + check digit (see mrz.ts). */
export function bacKeysFromMrz(mrzInformation: string): BacKeys {
  const kSeed = sha1(ascii(mrzInformation)).slice(0, 16);
  return { kSeed, kEnc: deriveKey(kSeed, KDF_COUNTER.enc, '3des'), kMac: deriveKey(kSeed, KDF_COUNTER.mac, '3des') };
}

export type BacSession = { readonly channel: SecureChannel; readonly keys: SmKeys; readonly ssc: bigint };

export async function performBac(card: CardChannel, mrzInformation: string, random: Random = systemRandom): Promise<Result<BacSession, IdCardFailure>> {
  const { kEnc, kMac } = bacKeysFromMrz(mrzInformation);
  const challenge = await card.send({ cla: 0, ins: 0x84, p1: 0, p2: 0, ne: 8 });
  if (!challenge.ok) return challenge;
  if (challenge.value.sw !== SW.success || challenge.value.data.length !== 8) return err(statusFailure(challenge.value.sw, 'GET CHALLENGE'));
  const rndIc = challenge.value.data;
  const rndIfd = random(8);
  const kIfd = random(16);

  const eIfd = tdesEncryptCbc(kEnc, concat(rndIfd, rndIc, kIfd));
  const mIfd = retailMac(kMac, padIso9797(eIfd, 8));
  const answer = await card.send({ cla: 0, ins: 0x82, p1: 0, p2: 0, data: concat(eIfd, mIfd), ne: 40 });
  if (!answer.ok) return answer;
  const sw = answer.value.sw;
  // A wrong MRZ shows up here; BAC cards keep no retry counter, so 6300 and 6982 both mean "wrong key".
  if (sw === 0x6300 || sw === SW.securityStatusNotSatisfied || sw >> 4 === 0x63c)
    return err(idCardErrors.wrongPassword('BAC', sw, sw >> 4 === 0x63c ? sw & 0x0f : undefined));
  if (sw !== SW.success || answer.value.data.length !== 40) return err(statusFailure(sw, 'EXTERNAL AUTHENTICATE'));

  const eIc = answer.value.data.subarray(0, 32);
  const mIc = answer.value.data.subarray(32, 40);
  if (!constantTimeEqual(retailMac(kMac, padIso9797(eIc, 8)), mIc)) return err(idCardErrors.authenticationFailed('BAC', 'the chip MAC does not verify'));
  const r = tdesDecryptCbc(kEnc, eIc);
  if (!bytesEqual(r.subarray(0, 8), rndIc) || !bytesEqual(r.subarray(8, 16), rndIfd))
    return err(idCardErrors.authenticationFailed('BAC', 'the chip did not return our challenge'));
  const kIc = r.subarray(16, 32);

  const seed = xor(kIfd, kIc);
  const keys: SmKeys = { cipher: '3des', kEnc: deriveKey(seed, KDF_COUNTER.enc, '3des'), kMac: deriveKey(seed, KDF_COUNTER.mac, '3des') };
  const ssc = sscFromBytes(concat(rndIc.subarray(4, 8), rndIfd.subarray(4, 8)));
  return ok({ channel: createSecureChannel(keys, ssc), keys, ssc });
}
