import { describe, expect, it } from 'vitest';
import type { QueueSummary, RecentCall } from '../../../src-shared/sync/protocol';
import { createDisplayFollower } from './display-calls';

const t0 = Date.UTC(2026, 2, 2, 1, 0);
const call = (label: string, counterId: string, calledAt: number, id = label): RecentCall => ({ id, fieldCode: 'ho-tich', series: 0, number: Number(label.slice(1)), label, counterId, calledAt, state: 'called' });
const summary = (at: number, ...calls: RecentCall[]): QueueSummary => ({ unitId: '000.00.00.H99', day: '2026-03-02', at, fields: [], recentCalls: calls });

describe('a display following the Center', () => {
  it('shows the calls it finds at start without announcing them, then announces each new call once, oldest first', () => {
    const follower = createDisplayFollower();
    const first = follower.fromCenter(summary(t0, call('A002', '1', t0 - 5000), call('A001', '2', t0 - 9000)), t0);
    expect(first.shown.map((c) => `${c.ticketNumber}→${c.counter}`)).toEqual(['A002→1', 'A001→2']);
    expect(first.announce).toEqual([]);
    const later = follower.fromCenter(summary(t0 + 3000, call('B001', '3', t0 + 2500), call('A003', '2', t0 + 1000), call('A002', '1', t0 - 5000)), t0 + 3000);
    expect(later.announce.map((c) => c.ticketNumber)).toEqual(['A003', 'B001']);
    expect(follower.fromCenter(summary(t0 + 6000, call('B001', '3', t0 + 2500)), t0 + 6000).announce).toEqual([]);
  });

  it('does not repeat a call this host’s counter has just announced, nor announce calls that come in late', () => {
    const follower = createDisplayFollower();
    follower.fromCenter(summary(t0), t0);
    follower.announcedByHost({ ticketNumber: 'A004', counter: '1', calledAt: t0, recall: false }, t0);
    const echoed = follower.fromCenter(summary(t0 + 3000, call('A004', '1', t0 + 100), call('A005', '2', t0 - 2 * 60_000)), t0 + 3000);
    expect(echoed.shown).toHaveLength(2);
    expect(echoed.announce).toEqual([]);
    // A transferred ticket called again at another counter is a new call.
    const again = follower.fromCenter(summary(t0 + 9000, call('A004', '3', t0 + 8000)), t0 + 9000);
    expect(again.announce.map((c) => `${c.ticketNumber}→${c.counter}`)).toEqual(['A004→3']);
  });
});
