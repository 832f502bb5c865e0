import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('retry backoff', () => {
  it('doubles per failure up to the cap, never below half of the step', () => {
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, () => 0))).toEqual([0, 500, 1000, 2000]);
    expect(backoffDelay(40, () => 1)).toBe(60_000);
  });

  it('stays within [step/2, step] whatever the randomness', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: -1, max: 2, noNaN: true }), (n, r) => {
        const step = Math.min(60_000, 1000 * 2 ** Math.min(n - 1, 30));
        const d = backoffDelay(n, () => r);
        return d >= step / 2 && d <= step;
      }),
    );
  });
});
