import type { OfficerAccount } from './account';

/**
 * After five wrong secrets the account locks for 5 minutes, doubling with each further failure (capped at
 * an hour): a 6-digit PIN cannot be guessed at the counter, and an officer who mistypes is not locked out for long.
 */
export const lockoutPolicy = { freeAttempts: 5, firstLockMs: 5 * 60_000, maxLockMs: 60 * 60_000 } as const;

export function lockRemainingMs(account: OfficerAccount, now: number): number {
  return Math.max(0, account.lockedUntil - now);
}

export function attemptsLeft(account: OfficerAccount): number {
  return Math.max(0, lockoutPolicy.freeAttempts - account.failedAttempts);
}

export function afterFailure(account: OfficerAccount, now: number): OfficerAccount {
  const failedAttempts = account.failedAttempts + 1;
  const over = failedAttempts - lockoutPolicy.freeAttempts;
  const lockMs = over < 0 ? 0 : Math.min(lockoutPolicy.maxLockMs, lockoutPolicy.firstLockMs * 2 ** over);
  return { ...account, failedAttempts, lockedUntil: lockMs > 0 ? now + lockMs : account.lockedUntil, updatedAt: now };
}

export function afterSuccess(account: OfficerAccount, now: number): OfficerAccount {
  return { ...account, failedAttempts: 0, lockedUntil: 0, updatedAt: now };
}
