import { createHash } from 'node:crypto';
import { concat, u32 } from '../bytes';

/** Key derivation of ICAO 9303-11 §9.7.1: K = H(seed ‖ counter), counter 1 = encryption, 2 = MAC, 3 = PACE π. */
export const KDF_COUNTER = { enc: 1, mac: 2, pace: 3 } as const;

/** The session ciphers of ICAO 9303-11: BAC and PACE-3DES use two-key 3DES; PACE-AES uses 128, 192 or 256 bits. */
export type SessionCipher = '3des' | 'aes128' | 'aes192' | 'aes256';

export function sha1(data: Uint8Array): Uint8Array {
  return Uint8Array.from(createHash('sha1').update(data).digest());
}

/** DES keys carry odd parity in each byte's low bit; DES ignores it, but published vectors show adjusted keys. */
export function adjustParity(key: Uint8Array): Uint8Array {
  return key.map((byte) => {
    const high = byte & 0xfe;
    let ones = 0;
    for (let bit = high; bit > 0; bit >>= 1) ones += bit & 1;
    return ones % 2 === 0 ? high | 1 : high;
  });
}

export function sha256(data: Uint8Array): Uint8Array {
  return Uint8Array.from(createHash('sha256').update(data).digest());
}

/**
 * 3DES: SHA-1, first 16 bytes, parity adjusted; AES-128: SHA-1 truncated to 16 bytes; AES-192/256: SHA-256
 * truncated to 24/32 bytes (Doc 9303-11 §9.7.1.1).
 */
export function deriveKey(seed: Uint8Array, counter: number, cipher: SessionCipher): Uint8Array {
  const input = concat(seed, u32(counter));
  switch (cipher) {
    case '3des':
      return adjustParity(sha1(input).subarray(0, 16));
    case 'aes128':
      return sha1(input).slice(0, 16);
    case 'aes192':
      return sha256(input).slice(0, 24);
    case 'aes256':
      return sha256(input);
  }
}

export const blockSizeOf = (cipher: SessionCipher): number => (cipher === '3des' ? 8 : 16);
