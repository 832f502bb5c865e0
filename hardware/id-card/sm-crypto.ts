import { bigIntFromBytes, bigIntToBytes, concat } from './bytes';
import { aesCmac, aesDecryptCbc, aesEncryptBlock, aesEncryptCbc } from './crypto/aes';
import { retailMac, tdesDecryptCbc, tdesEncryptCbc } from './crypto/des';
import { blockSizeOf, type SessionCipher } from './crypto/kdf';
import { padIso9797 } from './crypto/padding';

/**
 * The cipher-dependent half of secure messaging (Doc 9303-11 §9.8), shared by the reader and the virtual card:
 * 3DES uses IV 0 and the retail MAC with an 8-byte SSC; AES uses IV = E(KSenc, SSC), CMAC truncated to 8 bytes
 * and a 16-byte SSC.
 */
export type SmKeys = { readonly cipher: SessionCipher; readonly kEnc: Uint8Array; readonly kMac: Uint8Array };

export const MAC_LENGTH = 8;

export const sscBytes = (cipher: SessionCipher, ssc: bigint): Uint8Array => bigIntToBytes(ssc, blockSizeOf(cipher));

export function nextSsc(cipher: SessionCipher, ssc: bigint): bigint {
  const modulus = 1n << BigInt(blockSizeOf(cipher) * 8);
  return (ssc + 1n) % modulus;
}

export const sscFromBytes = bigIntFromBytes;

function iv(keys: SmKeys, ssc: bigint): Uint8Array {
  return keys.cipher === '3des' ? new Uint8Array(8) : aesEncryptBlock(keys.kEnc, sscBytes(keys.cipher, ssc));
}

/** Encrypts already padded data. */
export function smEncrypt(keys: SmKeys, ssc: bigint, padded: Uint8Array): Uint8Array {
  return keys.cipher === '3des' ? tdesEncryptCbc(keys.kEnc, padded) : aesEncryptCbc(keys.kEnc, padded, iv(keys, ssc));
}

/** Decrypts to padded plaintext; the caller removes the padding. */
export function smDecrypt(keys: SmKeys, ssc: bigint, cryptogram: Uint8Array): Uint8Array {
  return keys.cipher === '3des' ? tdesDecryptCbc(keys.kEnc, cryptogram) : aesDecryptCbc(keys.kEnc, cryptogram, iv(keys, ssc));
}

/** MAC over SSC ‖ parts, padded to the block size (method 2); 8 bytes. */
export function smMac(keys: SmKeys, ssc: bigint, ...parts: readonly Uint8Array[]): Uint8Array {
  const input = padIso9797(concat(sscBytes(keys.cipher, ssc), ...parts), blockSizeOf(keys.cipher));
  return keys.cipher === '3des' ? retailMac(keys.kMac, input) : aesCmac(keys.kMac, input).slice(0, MAC_LENGTH);
}
