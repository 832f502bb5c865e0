import { describe, expect, it } from 'vitest';
import { afterFailure, afterSuccess, attemptsLeft, checkSecret, createCredential, lockRemainingMs, verifySecret, type OfficerAccount } from './index';

// Cheap parameters keep the test fast; the default ones are what the kiosk stores.
const fast = { N: 2 ** 10, r: 8, p: 1 };
const random = (n: number) => Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 255);

describe('officer credentials', () => {
  it('verifies the right secret and refuses a wrong one', async () => {
    const created = await createCredential('password', 'matkhau2026', random, fast);
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    expect(created.value.hash).not.toContain('matkhau');
    expect(await verifySecret(created.value, 'matkhau2026')).toBe(true);
    expect(await verifySecret(created.value, 'matkhau2027')).toBe(false);
  });

  it('treats composed and decomposed Vietnamese passwords alike', async () => {
    const created = await createCredential('password', 'Hòa2026bình', random, fast);
    if (!created.ok) throw new Error('created');
    expect(await verifySecret(created.value, 'Hòa2026bình'.normalize('NFD'))).toBe(true);
  });

  it('refuses weak passwords and easy PINs with bilingual reasons', () => {
    const weak = checkSecret('password', 'abc');
    expect(!weak.ok && weak.error.code).toBe('officer.weak-password');
    expect(!weak.ok && weak.error.messageEn).toMatch(/8 characters/);
    for (const pin of ['123456', '000000', '12345', 'abcdef']) expect(checkSecret('pin', pin).ok).toBe(false);
    expect(checkSecret('pin', '271828').ok).toBe(true);
  });
});

describe('lock-out', () => {
  const account = { failedAttempts: 0, lockedUntil: 0, updatedAt: 0 } as OfficerAccount;
  it('allows five failures, then locks for 5 minutes, doubling, capped at an hour', () => {
    let a = account;
    for (let i = 0; i < 4; i++) a = afterFailure(a, 1000);
    expect(attemptsLeft(a)).toBe(1);
    expect(lockRemainingMs(a, 1000)).toBe(0);
    a = afterFailure(a, 1000);
    expect(lockRemainingMs(a, 1000)).toBe(5 * 60_000);
    a = afterFailure(a, 1000);
    expect(lockRemainingMs(a, 1000)).toBe(10 * 60_000);
    for (let i = 0; i < 10; i++) a = afterFailure(a, 1000);
    expect(lockRemainingMs(a, 1000)).toBe(60 * 60_000);
    expect(afterSuccess(a, 2000)).toMatchObject({ failedAttempts: 0, lockedUntil: 0 });
  });
});
