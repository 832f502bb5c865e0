import { scryptAsync } from '@noble/hashes/scrypt.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { err, ok, type Failure, type Result } from '../../result';
import { officerFailures } from './errors';

/**
 * Secrets are verified offline against a slow hash (scrypt), so a stolen kiosk database does not hand over
 * passwords cheaply. The parameters travel with the hash so they can be raised later without breaking sign-in.
 */
export type CredentialKind = 'password' | 'pin';
export type ScryptParams = { readonly N: number; readonly r: number; readonly p: number };
export type Credential = {
  readonly kind: CredentialKind;
  readonly algorithm: 'scrypt';
  readonly params: ScryptParams;
  readonly salt: string;
  readonly hash: string;
};

/** ~0.3 s on a counter PC: slow for a thief, unnoticeable once per sign-in. */
export const defaultScryptParams: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const easyPins = new Set(['000000', '111111', '222222', '333333', '444444', '555555', '666666', '777777', '888888', '999999', '123456', '654321', '012345', '543210']);

export function checkSecret(kind: CredentialKind, secret: string): Result<string, Failure> {
  if (kind === 'pin') return /^\d{6}$/.test(secret) && !easyPins.has(secret) ? ok(secret) : err(officerFailures.pinFormat());
  return secret.length >= 8 && /\p{L}/u.test(secret) && /\d/.test(secret) ? ok(secret) : err(officerFailures.weakPassword());
}

async function derive(secret: string, salt: string, params: ScryptParams): Promise<string> {
  return hex(await scryptAsync(utf8ToBytes(secret.normalize('NFC')), utf8ToBytes(salt), { ...params, dkLen: 32 }));
}

export async function createCredential(kind: CredentialKind, secret: string, randomBytes: (n: number) => Uint8Array, params: ScryptParams = defaultScryptParams): Promise<Result<Credential, Failure>> {
  const checked = checkSecret(kind, secret);
  if (!checked.ok) return checked;
  const salt = hex(randomBytes(16));
  return ok({ kind, algorithm: 'scrypt', params, salt, hash: await derive(secret, salt, params) });
}

/** Compares every byte whatever the first difference, so timing says nothing about the stored hash. */
export async function verifySecret(credential: Credential, secret: string): Promise<boolean> {
  const candidate = await derive(secret, credential.salt, credential.params);
  let difference = candidate.length ^ credential.hash.length;
  for (let i = 0; i < credential.hash.length; i++) difference |= (candidate.charCodeAt(i) || 0) ^ credential.hash.charCodeAt(i);
  return difference === 0;
}
