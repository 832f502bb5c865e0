import type { CalledTicket } from '../../src-shared/api/queue';
import type { EventBus } from './event-bus';

/**
 * The calls this host has announced, for the queue display (a second screen on this machine or a browser on
 * it). Kept in memory only: after a restart the display starts empty, which is what a waiting room expects.
 * The Center-wide queue across counters comes from the sync server; this is the counter's own fallback.
 */
export type QueueDisplayService = {
  announce(call: CalledTicket): CalledTicket;
  recent(): CalledTicket[];
};

export function createQueueDisplayService(events: EventBus, keep = 12): QueueDisplayService {
  const calls: CalledTicket[] = [];
  return {
    announce(call) {
      calls.unshift(call);
      calls.splice(keep);
      events.emit('queue.called', call);
      return call;
    },
    recent: () => [...calls],
  };
}
