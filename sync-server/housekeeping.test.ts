import { afterEach, describe, expect, it, vi } from 'vitest';
import { startHousekeeping } from './housekeeping';

describe('the sync server’s housekeeping timer', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at start and then every period, goes on after a failure, never overlaps, and stops', async () => {
    vi.useFakeTimers();
    let runs = 0;
    let release: (() => void) | undefined;
    const chore = () => {
      runs += 1;
      if (runs === 2) return Promise.reject(new Error('database gone for a moment'));
      if (runs === 3) return new Promise<void>((resolve) => (release = resolve));
      return Promise.resolve();
    };
    const housekeeping = startHousekeeping(chore, 1000);
    await housekeeping.running();
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    await housekeeping.running();
    expect(runs).toBe(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(3);
    // The third run is still going: the next tick skips instead of starting a second one.
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(3);
    release?.();
    await housekeeping.running();
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs).toBe(4);
    housekeeping.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(runs).toBe(4);
  });
});
