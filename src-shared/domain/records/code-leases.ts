import { z } from 'zod';

/**
 * Record numbers the Center's sync server leased to this kiosk (docs/RECORD-CODES.md, "Leased blocks"). While the
 * LAN is up the kiosk keeps a few dozen numbers of today in hand, so it goes on numbering from the Center's own
 * sequence after the line drops; when they run out, the kiosk-slot numbering takes over. The server never leases
 * a thousand that is an enrolled kiosk's slot, so the two schemes cannot collide.
 */
export const codeLeaseSchema = z.object({
  day: z.string().regex(/^\d{6}$/),
  /** The next number to hand out; the lease is used up when next > last. */
  next: z.int().min(1).max(10_000),
  last: z.int().min(1).max(9999),
});
export type CodeLease = z.infer<typeof codeLeaseSchema>;
export const codeLeasesSchema = z.array(codeLeaseSchema).max(100);

/** Ask for a new block when fewer than this many numbers of today are left in hand. */
export const leaseLowWater = 20;
/** Numbers asked for at a time: about an hour of a busy counter. */
export const leaseBlockSize = 50;

/** The next leased number of `day` (oldest block first), and the leases after taking it; undefined when none is left. */
export function takeLeasedNumber(leases: readonly CodeLease[], day: string): { number: number; leases: CodeLease[] } | undefined {
  const index = leases.findIndex((lease) => lease.day === day && lease.next <= lease.last);
  const lease = leases[index];
  if (lease === undefined) return undefined;
  const after = leases.map((l, i) => (i === index ? { ...l, next: l.next + 1 } : l));
  return { number: lease.next, leases: after };
}

export function numbersInHand(leases: readonly CodeLease[], day: string): number {
  return leases.filter((l) => l.day === day).reduce((sum, l) => sum + Math.max(0, l.last - l.next + 1), 0);
}

/** Adds a fresh block and forgets used-up blocks and other days' blocks (their numbers can never be used again). */
export function addLease(leases: readonly CodeLease[], block: { day: string; first: number; last: number }, today: string): CodeLease[] {
  const kept = leases.filter((l) => l.day === today && l.next <= l.last);
  return [...kept, { day: block.day, next: block.first, last: block.last }].filter((l) => l.day === today);
}
