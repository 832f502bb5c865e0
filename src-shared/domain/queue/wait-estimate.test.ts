import { describe, expect, it } from 'vitest';
import { estimatedWaitMs, serviceTimes, waitMinutes, type CallSample } from './wait-estimate';

const minute = 60_000;
const at = (counterId: string, fieldCode: string, minutes: number): CallSample => ({ counterId, fieldCode, calledAt: minutes * minute });

describe('waiting-time estimate', () => {
  it('takes the median gap between consecutive calls of one counter as the earlier ticket’s service time', () => {
    const calls = [at('1', 'ho-tich', 0), at('1', 'ho-tich', 4), at('1', 'ho-tich', 10), at('1', 'dat-dai', 12), at('2', 'ho-tich', 1), at('2', 'ho-tich', 6)];
    const times = serviceTimes(calls, 12 * minute);
    // ho-tich gaps: 4, 6 and 2 (10 → 12: the counter spent it on the ho-tich ticket) at counter 1, 5 at counter 2.
    expect(times.get('ho-tich')).toEqual({ serviceMs: 4.5 * minute, samples: 4, counters: 2 });
    expect(times.get('dat-dai')).toEqual({ serviceMs: null, samples: 0, counters: 1 });
  });

  it('ignores pauses longer than an hour and counts only counters active in the last hour', () => {
    const calls = [at('1', 'ho-tich', 0), at('1', 'ho-tich', 3), at('1', 'ho-tich', 150), at('1', 'ho-tich', 155), at('2', 'ho-tich', 10)];
    expect(serviceTimes(calls, 160 * minute).get('ho-tich')).toEqual({ serviceMs: 4 * minute, samples: 2, counters: 1 });
  });

  it('spreads the people ahead over the active counters and rounds up to whole minutes', () => {
    expect(estimatedWaitMs(6, { serviceMs: 5 * minute, samples: 3, counters: 2 })).toBe(15 * minute);
    expect(estimatedWaitMs(6, { serviceMs: 5 * minute, samples: 3, counters: 0 })).toBe(30 * minute);
    expect(estimatedWaitMs(6, { serviceMs: null, samples: 0, counters: 2 })).toBeNull();
    expect(estimatedWaitMs(6, undefined)).toBeNull();
    expect([waitMinutes(0), waitMinutes(1), waitMinutes(61_000), waitMinutes(null)]).toEqual([0, 1, 2, undefined]);
  });
});
