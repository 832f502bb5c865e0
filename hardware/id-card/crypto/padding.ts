import { concat } from '../bytes';

/** ISO/IEC 9797-1 padding method 2: 0x80 then zeros up to the block size (always at least one byte). */
export function padIso9797(data: Uint8Array, blockSize: number): Uint8Array {
  const padLength = blockSize - (data.length % blockSize);
  const padding = new Uint8Array(padLength);
  padding[0] = 0x80;
  return concat(data, padding);
}

/** Removes method-2 padding; `undefined` when the padding is absent or malformed (a decryption gone wrong). */
export function unpadIso9797(data: Uint8Array): Uint8Array | undefined {
  let end = data.length - 1;
  while (end >= 0 && data[end] === 0x00) end -= 1;
  if (end < 0 || data[end] !== 0x80) return undefined;
  return data.slice(0, end);
}
