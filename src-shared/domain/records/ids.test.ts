import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createIdGenerator, isTimeOrderedId, timeOfId } from './ids';

function counterRandom(): (bytes: Uint8Array) => void {
  let n = 0;
  return (bytes) => {
    for (let i = 0; i < bytes.length; i += 1) bytes[i] = (n * 31 + i * 7) & 0xff;
    n += 1;
  };
}

describe('time-ordered ids', () => {
  it('are UUIDv7 strings carrying their millisecond', () => {
    const at = Date.UTC(2026, 2, 2, 1, 2, 3, 456);
    const id = createIdGenerator({ now: () => at, fillRandom: counterRandom() })();
    expect(isTimeOrderedId(id)).toBe(true);
    expect(z.uuid({ version: 'v7' }).safeParse(id).success).toBe(true);
    expect(timeOfId(id)).toBe(at);
  });

  it('increase strictly within one millisecond, past the 12-bit counter', () => {
    const next = createIdGenerator({ now: () => 1_700_000_000_000, fillRandom: counterRandom() });
    const ids = Array.from({ length: 10_000 }, next);
    for (let i = 1; i < ids.length; i += 1) expect((ids[i] ?? '') > (ids[i - 1] ?? '')).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keep increasing when the clock goes back', () => {
    const times = [5_000_000, 5_000_100, 4_000_000, 4_000_001, 5_000_200];
    let i = 0;
    const next = createIdGenerator({ now: () => times[i++] ?? 0, fillRandom: counterRandom() });
    const ids = times.map(() => next());
    expect([...ids].sort()).toEqual(ids);
    expect(timeOfId(ids[2] ?? '')).toBe(5_000_100);
    expect(timeOfId(ids[4] ?? '')).toBe(5_000_200);
  });

  it('sort by creation time across milliseconds', () => {
    let t = 1_000;
    const next = createIdGenerator({ now: () => (t += 17), fillRandom: counterRandom() });
    const ids = Array.from({ length: 200 }, next);
    expect([...ids].sort()).toEqual(ids);
  });

  it('reject other ids', () => {
    expect(isTimeOrderedId('6f1c1d8e-2b0a-4c1d-9e2f-123456789abc')).toBe(false);
    expect(timeOfId('nope')).toBeNull();
  });
});
