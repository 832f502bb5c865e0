import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Who is calling. A kiosk sees only its Center's partition; a Center admin enrolls kiosks; the province sees all. */
export type Principal =
  | { readonly kind: 'kiosk'; readonly kioskId: string; readonly unitId: string; readonly slot: number }
  | { readonly kind: 'center-admin'; readonly unitId: string }
  | { readonly kind: 'province' };

export const sha256Hex = (text: string | Uint8Array): string => createHash('sha256').update(text).digest('hex');

/** A kiosk credential: 256 random bits; only its SHA-256 is stored, so a leaked database leaks no credential. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Letters and digits an officer will not confuse when typing (no 0/O, 1/I/L). */
const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newEnrollmentCode(): string {
  const bytes = randomBytes(12);
  const chars = Array.from(bytes, (b) => codeAlphabet[b % codeAlphabet.length] ?? 'A').join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

export const normalizeEnrollmentCode = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(sha256Hex(a));
  const y = Buffer.from(sha256Hex(b));
  return timingSafeEqual(x, y);
}
