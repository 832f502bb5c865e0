import { createCipheriv, createDecipheriv } from 'node:crypto';
import { concat } from '../bytes';

/**
 * Two-key triple DES and single DES for BAC and 3DES secure messaging. Node ≥ 17 (OpenSSL 3) refuses
 * `des-cbc`/`des-ecb`, so everything is built on `des-ede3`: a two-key 3DES key K1‖K2 runs as K1‖K2‖K1, and single
 * DES with K runs as K‖K‖K (E_K ∘ D_K ∘ E_K = E_K). Inputs must already be block-aligned: callers pad.
 */
const BLOCK = 8;
const zeroIv = (): Uint8Array => new Uint8Array(BLOCK);

function ede3Key(key: Uint8Array): Uint8Array {
  if (key.length === 8) return concat(key, key, key);
  if (key.length === 16) return concat(key, key.subarray(0, 8));
  if (key.length === 24) return key;
  throw new RangeError(`DES key of ${key.length} bytes`);
}

/**
 * Only `des-ede3-cbc` is used, ECB included (one block under a zero IV is ECB): it is the one DES mode both
 * Node's OpenSSL and Electron's BoringSSL are known to expose.
 */
function run(decrypt: boolean, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  if (data.length % BLOCK !== 0) throw new RangeError('DES input is not block-aligned');
  const cipher = decrypt ? createDecipheriv('des-ede3-cbc', ede3Key(key), iv) : createCipheriv('des-ede3-cbc', ede3Key(key), iv);
  cipher.setAutoPadding(false);
  return Uint8Array.from(Buffer.concat([cipher.update(data), cipher.final()]));
}

export const tdesEncryptCbc = (key: Uint8Array, data: Uint8Array, iv: Uint8Array = zeroIv()): Uint8Array => run(false, key, iv, data);
export const tdesDecryptCbc = (key: Uint8Array, data: Uint8Array, iv: Uint8Array = zeroIv()): Uint8Array => run(true, key, iv, data);

const desEncryptBlock = (key8: Uint8Array, block: Uint8Array): Uint8Array => run(false, key8, zeroIv(), block);
const desDecryptBlock = (key8: Uint8Array, block: Uint8Array): Uint8Array => run(true, key8, zeroIv(), block);

/**
 * ISO/IEC 9797-1 MAC algorithm 3 ("retail MAC") with a 16-byte key Ka‖Kb: single-DES CBC-MAC under Ka, then the
 * last block is decrypted with Kb and encrypted again with Ka. `data` must be padded by the caller (method 2).
 */
export function retailMac(key: Uint8Array, data: Uint8Array): Uint8Array {
  if (key.length !== 16) throw new RangeError('retail MAC needs a 16-byte key');
  const ka = key.subarray(0, 8);
  const kb = key.subarray(8, 16);
  const chained = run(false, ka, zeroIv(), data);
  const last = chained.subarray(chained.length - BLOCK);
  return desEncryptBlock(ka, desDecryptBlock(kb, last));
}
