import { createCipheriv, createDecipheriv } from 'node:crypto';
import { xor } from '../bytes';

/** AES-128 for PACE and AES secure messaging (ICAO 9303-11 §9.8, BSI TR-03110); callers pad, nothing here does. */
const BLOCK = 16;

function cipherName(key: Uint8Array): 'aes-128-cbc' | 'aes-192-cbc' | 'aes-256-cbc' {
  const bits = key.length * 8;
  if (bits !== 128 && bits !== 192 && bits !== 256) throw new RangeError(`AES key of ${key.length} bytes`);
  return `aes-${bits}-cbc`;
}

/** CBC only; a single block under a zero IV is the ECB the protocols need (IV = E(KSenc, SSC), CMAC subkeys). */
function run(decrypt: boolean, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array {
  if (data.length % BLOCK !== 0) throw new RangeError('AES input is not block-aligned');
  const name = cipherName(key);
  const cipher = decrypt ? createDecipheriv(name, key, iv) : createCipheriv(name, key, iv);
  cipher.setAutoPadding(false);
  return Uint8Array.from(Buffer.concat([cipher.update(data), cipher.final()]));
}

export const aesEncryptCbc = (key: Uint8Array, data: Uint8Array, iv: Uint8Array = new Uint8Array(BLOCK)): Uint8Array => run(false, key, iv, data);
export const aesDecryptCbc = (key: Uint8Array, data: Uint8Array, iv: Uint8Array = new Uint8Array(BLOCK)): Uint8Array => run(true, key, iv, data);
export const aesEncryptBlock = (key: Uint8Array, block: Uint8Array): Uint8Array => {
  if (block.length !== BLOCK) throw new RangeError('one AES block expected');
  return run(false, key, new Uint8Array(BLOCK), block);
};

/** Doubling in GF(2^128) for the CMAC subkeys (NIST SP 800-38B §6.1). */
function double(block: Uint8Array): Uint8Array {
  const out = new Uint8Array(BLOCK);
  for (let i = 0; i < BLOCK; i += 1) out[i] = (((block[i] ?? 0) << 1) | ((block[i + 1] ?? 0) >> 7)) & 0xff;
  if (((block[0] ?? 0) & 0x80) !== 0) out[BLOCK - 1] = (out[BLOCK - 1] ?? 0) ^ 0x87;
  return out;
}

/** AES-CMAC (NIST SP 800-38B, RFC 4493), the full 16 bytes; PACE and SM keep the first 8. */
export function aesCmac(key: Uint8Array, message: Uint8Array): Uint8Array {
  const k1 = double(aesEncryptBlock(key, new Uint8Array(BLOCK)));
  const k2 = double(k1);
  const blocks = Math.max(1, Math.ceil(message.length / BLOCK));
  const complete = message.length > 0 && message.length % BLOCK === 0;
  const last = new Uint8Array(BLOCK);
  const tail = message.subarray((blocks - 1) * BLOCK);
  last.set(tail);
  if (!complete) last[tail.length] = 0x80;
  const lastMasked = xor(last, complete ? k1 : k2);
  const prefix = message.subarray(0, (blocks - 1) * BLOCK);
  const all = new Uint8Array(blocks * BLOCK);
  all.set(prefix);
  all.set(lastMasked, prefix.length);
  const chained = run(false, key, new Uint8Array(BLOCK), all);
  return chained.slice(chained.length - BLOCK);
}
