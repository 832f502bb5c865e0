import type { CalledTicket } from '../../../src-shared/api/queue';
import type { QueueSummary, RecentCall } from '../../../src-shared/sync/protocol';

/** A Center call as the waiting room sees it: the ticket's label and the counter, nothing of the citizen. */
export const shownCall = (call: RecentCall): CalledTicket => ({ ticketNumber: call.label, counter: call.counterId, calledAt: call.calledAt, recall: false });

/** Older calls that first show up late (this display was cut off meanwhile) are shown but not announced. */
export const announceWithinMs = 60_000;
/** The same number at the same counter, announced by this host's counter this recently, is not announced again. */
export const hostEchoMs = 2 * 60_000;

const callKey = (call: RecentCall): string => `${call.id}@${call.calledAt}`;
const hostKey = (ticketNumber: string, counter: string): string => `${ticketNumber}/${counter}`;

/**
 * What a display following the Center shows and says. The first answer is only shown (those calls were made
 * before the display came up); later, each call not seen before is announced once, oldest first, unless this
 * host's own counter has just announced it (the host event came first).
 */
export function createDisplayFollower() {
  let primed = false;
  let seen = new Set<string>();
  const byHost = new Map<string, number>();

  return {
    fromCenter(summary: QueueSummary, localNow: number): { shown: CalledTicket[]; announce: CalledTicket[] } {
      const fresh = summary.recentCalls.filter((c) => !seen.has(callKey(c)) && summary.at - c.calledAt <= announceWithinMs);
      const announce = primed
        ? fresh
            .filter((c) => {
              const at = byHost.get(hostKey(c.label, c.counterId));
              return at === undefined || localNow - at > hostEchoMs;
            })
            .reverse()
            .map(shownCall)
        : [];
      primed = true;
      // The list holds the last calls only, so a call that has left it never comes back: nothing else to remember.
      seen = new Set(summary.recentCalls.map(callKey));
      for (const [key, at] of byHost) if (localNow - at > hostEchoMs) byHost.delete(key);
      return { shown: summary.recentCalls.map(shownCall), announce };
    },

    announcedByHost(call: CalledTicket, localNow: number): void {
      byHost.set(hostKey(call.ticketNumber, call.counter), localNow);
    },
  };
}

export type DisplayFollower = ReturnType<typeof createDisplayFollower>;
