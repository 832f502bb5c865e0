import { constants, createHash, generateKeyPairSync, privateDecrypt, sign, type KeyObject } from 'node:crypto';
import type { Random } from '../../id-card/bac';
import { concat } from '../../id-card/bytes';
import { OID } from '../../id-card/oids';

/** The chip's Active Authentication key and its INTERNAL AUTHENTICATE answer (ISO 9796-2 RSA or plain ECDSA). */
export type CardActiveAuthentication = {
  readonly publicKeyInfo: Uint8Array;
  /** For ECDSA: the algorithm DG14 must announce. */
  readonly algorithm: string | undefined;
  sign(challenge: Uint8Array): Uint8Array;
};

export function createCardActiveAuthentication(kind: 'rsa' | 'ecdsa', random: Random): CardActiveAuthentication {
  if (kind === 'ecdsa') {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'brainpoolP256r1' });
    return {
      publicKeyInfo: spki(publicKey),
      algorithm: `${OID.ecdsaPlainPrefix}.3`,
      sign: (challenge) => Uint8Array.from(sign('sha256', challenge, { key: privateKey, dsaEncoding: 'ieee-p1363' })),
    };
  }
  // RSA-1024 is what most Active Authentication chips carry; its 128-byte answer fits a short APDU.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const size = 128;
  return {
    publicKeyInfo: spki(publicKey),
    algorithm: undefined,
    sign: (challenge) => {
      const m1 = random(size - 20 - 2);
      const digest = Uint8Array.from(createHash('sha1').update(concat(m1, challenge)).digest());
      const representative = concat(Uint8Array.of(0x6a), m1, digest, Uint8Array.of(0xbc));
      return Uint8Array.from(privateDecrypt({ key: privateKey, padding: constants.RSA_NO_PADDING }, representative));
    },
  };
}

function spki(key: KeyObject): Uint8Array {
  return Uint8Array.from(key.export({ type: 'spki', format: 'der' }));
}
