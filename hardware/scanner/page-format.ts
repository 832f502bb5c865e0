import type { PageFormat } from './scanner';

/** From the first bytes, not the Content-Type header: devices mislabel (some send image/jpg, some nothing). */
export function detectFormat(bytes: Uint8Array): PageFormat | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes[0] === 0x50 && bytes[1] !== undefined && bytes[1] >= 0x31 && bytes[1] <= 0x36) return 'image/x-portable-anymap';
  return undefined;
}
