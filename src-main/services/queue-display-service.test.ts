import { describe, expect, it } from 'vitest';
import { calledTicketSchema } from '../../src-shared/api/queue';
import { createEventBus } from './event-bus';
import { createQueueDisplayService } from './queue-display-service';

const call = (n: number) => calledTicketSchema.parse({ ticketNumber: String(1000 + n), counter: '3', calledAt: n });

describe('the queue display service', () => {
  it('publishes each call to the displays and keeps the newest first, bounded', () => {
    const events = createEventBus();
    const seen: unknown[] = [];
    events.subscribe((event, payload) => event === 'queue.called' && seen.push(payload));
    const display = createQueueDisplayService(events, 3);
    for (let n = 1; n <= 5; n++) display.announce(call(n));
    expect(seen).toHaveLength(5);
    expect(display.recent().map((c) => c.ticketNumber)).toEqual(['1005', '1004', '1003']);
  });

  it('refuses what a display must never show: names in the number, an empty counter', () => {
    expect(calledTicketSchema.safeParse({ ticketNumber: 'Nguyễn Văn A', counter: '3', calledAt: 1 }).success).toBe(false);
    expect(calledTicketSchema.safeParse({ ticketNumber: '1001', counter: ' ', calledAt: 1 }).success).toBe(false);
  });
});
