import { describe, expect, it } from 'vitest';
import { visibleWindow } from './VirtualRows';

describe('visibleWindow', () => {
  it('draws the rows in view plus the overscan, clamped to the list', () => {
    expect(visibleWindow(0, 440, 44, 100_000)).toEqual({ first: 0, last: 18 });
    expect(visibleWindow(44 * 50_000, 440, 44, 100_000)).toEqual({ first: 49_992, last: 50_018 });
    expect(visibleWindow(44 * 99_990, 440, 44, 100_000)).toEqual({ first: 99_982, last: 100_000 });
  });

  it('never draws more than a screenful and the margins, whatever the list size', () => {
    for (const rows of [0, 1, 10, 1_000, 1_000_000]) {
      const { first, last } = visibleWindow(12_345, 480, 44, rows);
      expect(last - first).toBeLessThanOrEqual(Math.ceil(480 / 44) + 1 + 16);
      expect(first).toBeGreaterThanOrEqual(0);
      expect(last).toBeLessThanOrEqual(rows);
    }
  });
});
