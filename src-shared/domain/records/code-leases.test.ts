import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addLease, numbersInHand, takeLeasedNumber, type CodeLease } from './code-leases';

describe('leased record numbers', () => {
  it('hands out a block in order, then says none is left', () => {
    let leases: CodeLease[] = addLease([], { day: '261206', first: 5000, last: 5002 }, '261206');
    const taken: number[] = [];
    for (;;) {
      const next = takeLeasedNumber(leases, '261206');
      if (next === undefined) break;
      taken.push(next.number);
      leases = next.leases;
    }
    expect(taken).toEqual([5000, 5001, 5002]);
    expect(numbersInHand(leases, '261206')).toBe(0);
  });

  it("never uses another day's block, and drops it when a new block comes", () => {
    const yesterday = addLease([], { day: '261205', first: 4000, last: 4049 }, '261205');
    expect(takeLeasedNumber(yesterday, '261206')).toBeUndefined();
    const today = addLease(yesterday, { day: '261206', first: 4050, last: 4099 }, '261206');
    expect(today).toEqual([{ day: '261206', next: 4050, last: 4099 }]);
  });

  it('never hands out a number twice, whatever the blocks and the order of takes', () => {
    const blocks = fc.array(fc.record({ first: fc.integer({ min: 1, max: 9000 }), size: fc.integer({ min: 1, max: 60 }) }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(blocks, fc.array(fc.boolean(), { maxLength: 400 }), (raw, steps) => {
        // Disjoint blocks, as the server leases them.
        let cursor = 1;
        let leases: CodeLease[] = [];
        const granted = new Set<number>();
        for (const b of raw) {
          const first = Math.max(cursor, b.first);
          const last = Math.min(first + b.size - 1, 9999);
          if (first > 9999) break;
          for (let n = first; n <= last; n++) granted.add(n);
          leases = [...leases, { day: '261206', next: first, last }];
          cursor = last + 1;
        }
        const seen = new Set<number>();
        for (const take of steps) {
          if (!take) continue;
          const next = takeLeasedNumber(leases, '261206');
          if (next === undefined) break;
          expect(seen.has(next.number)).toBe(false);
          expect(granted.has(next.number)).toBe(true);
          seen.add(next.number);
          leases = next.leases;
        }
        expect(numbersInHand(leases, '261206')).toBe(granted.size - seen.size);
      }),
    );
  });
});
