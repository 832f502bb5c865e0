import { SW, type ResponseApdu } from '../../id-card/apdu';
import { bacKeysFromMrz, type Random } from '../../id-card/bac';
import { bytesEqual, concat, constantTimeEqual, xor } from '../../id-card/bytes';
import { retailMac, tdesDecryptCbc, tdesEncryptCbc } from '../../id-card/crypto/des';
import { deriveKey, KDF_COUNTER } from '../../id-card/crypto/kdf';
import { padIso9797 } from '../../id-card/crypto/padding';
import { sscFromBytes, type SmKeys } from '../../id-card/sm-crypto';

/** The chip's side of BAC: GET CHALLENGE, then EXTERNAL AUTHENTICATE checked against the MRZ keys. */
export type CardSession = { readonly keys: SmKeys; readonly ssc: bigint };

export type CardBac = {
  getChallenge(): ResponseApdu;
  externalAuthenticate(data: Uint8Array, refuse: boolean): { readonly response: ResponseApdu; readonly session?: CardSession };
};

export function createCardBac(mrzInformation: string, random: Random): CardBac {
  const { kEnc, kMac } = bacKeysFromMrz(mrzInformation);
  let rndIc: Uint8Array | undefined;

  return {
    getChallenge: () => {
      rndIc = random(8);
      return { data: rndIc, sw: SW.success };
    },
    externalAuthenticate: (data, refuse) => {
      const challenge = rndIc;
      rndIc = undefined;
      if (challenge === undefined) return { response: { data: new Uint8Array(0), sw: SW.conditionsNotSatisfied } };
      if (data.length !== 40) return { response: { data: new Uint8Array(0), sw: SW.wrongLength } };
      const eIfd = data.subarray(0, 32);
      if (refuse || !constantTimeEqual(retailMac(kMac, padIso9797(eIfd, 8)), data.subarray(32, 40)))
        return { response: { data: new Uint8Array(0), sw: 0x6300 } };
      const s = tdesDecryptCbc(kEnc, eIfd);
      if (!bytesEqual(s.subarray(8, 16), challenge)) return { response: { data: new Uint8Array(0), sw: 0x6300 } };
      const rndIfd = s.subarray(0, 8);
      const kIc = random(16);
      const eIc = tdesEncryptCbc(kEnc, concat(challenge, rndIfd, kIc));
      const seed = xor(s.subarray(16, 32), kIc);
      const keys: SmKeys = { cipher: '3des', kEnc: deriveKey(seed, KDF_COUNTER.enc, '3des'), kMac: deriveKey(seed, KDF_COUNTER.mac, '3des') };
      return {
        response: { data: concat(eIc, retailMac(kMac, padIso9797(eIc, 8))), sw: SW.success },
        session: { keys, ssc: sscFromBytes(concat(challenge.subarray(4, 8), rndIfd.subarray(4, 8))) },
      };
    },
  };
}
