import { ascii, concat } from './bytes';
import { aesCmac, aesDecryptCbc, aesEncryptCbc } from './crypto/aes';
import { retailMac, tdesDecryptCbc, tdesEncryptCbc } from './crypto/des';
import { encodePoint, type AffinePoint, type Curve } from './crypto/ec';
import { deriveKey, KDF_COUNTER, sha1, type SessionCipher } from './crypto/kdf';
import { padIso9797 } from './crypto/padding';
import { derOid } from './der';
import type { SmKeys } from './sm-crypto';
import { encodeTlv } from './tlv';

/** The PACE computations both sides perform (Doc 9303-11 §4.4), shared by the reader and the virtual card. */
export type PacePassword = { readonly kind: 'can'; readonly can: string } | { readonly kind: 'mrz'; readonly mrzInformation: string };

/** Key reference in MSE:Set AT (tag 83): 01 = MRZ, 02 = CAN. */
export const passwordReference = (password: PacePassword): number => (password.kind === 'mrz' ? 0x01 : 0x02);

/** K = SHA-1(MRZ information) for the MRZ; the CAN's characters themselves for the CAN (§9.7.3). */
export function passwordKey(password: PacePassword, cipher: SessionCipher): Uint8Array {
  const k = password.kind === 'can' ? ascii(password.can) : sha1(ascii(password.mrzInformation));
  return deriveKey(k, KDF_COUNTER.pace, cipher);
}

export function decryptNonce(cipher: SessionCipher, kPi: Uint8Array, z: Uint8Array): Uint8Array {
  return cipher === '3des' ? tdesDecryptCbc(kPi, z) : aesDecryptCbc(kPi, z);
}

export function encryptNonce(cipher: SessionCipher, kPi: Uint8Array, s: Uint8Array): Uint8Array {
  return cipher === '3des' ? tdesEncryptCbc(kPi, s) : aesEncryptCbc(kPi, s);
}

export function sessionKeys(cipher: SessionCipher, sharedSecret: Uint8Array): SmKeys {
  return { cipher, kEnc: deriveKey(sharedSecret, KDF_COUNTER.enc, cipher), kMac: deriveKey(sharedSecret, KDF_COUNTER.mac, cipher) };
}

/**
 * Authentication token: MAC over the public key data object 7F49 { 06 protocol OID, 86 the OTHER side's
 * ephemeral public point }, 8 bytes (3DES: retail MAC over the padded input; AES: CMAC).
 */
export function authenticationToken(keys: SmKeys, protocolOid: string, curve: Curve, otherPublicKey: AffinePoint): Uint8Array {
  const oid = derOid(protocolOid);
  const input = encodeTlv(0x7f49, concat(oid, encodeTlv(0x86, encodePoint(curve, otherPublicKey))));
  return keys.cipher === '3des' ? retailMac(keys.kMac, padIso9797(input, 8)) : aesCmac(keys.kMac, input).slice(0, 8);
}
