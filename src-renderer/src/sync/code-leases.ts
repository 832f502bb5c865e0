import { addLease, leaseBlockSize, leaseLowWater, numbersInHand, recordCodeDay } from '../../../src-shared/domain/records';
import type { CodeBlock } from '../../../src-shared/sync/protocol';
import { err, ok, type Failure, type Result } from '../../../src-shared/result';
import { toFailure } from '../store/failures';
import type { MotCuaDb } from '../store/schema';
import { readCodeLeases, writeCodeLeases } from '../store/sequences';

/** The one call this needs from the Center client (`createCenterClient(...).leaseCodeBlock`); null = not enrolled. */
export type LeaseCodeBlock = (day: string, size: number) => Promise<Result<CodeBlock, Failure> | null>;

/**
 * Keeps a few dozen of today's record numbers leased from the Center's server in hand, so a line that drops mid-day
 * does not change how the counter numbers files. Runs after a successful sync round, never in a counter's flow:
 * the lease is asked outside any transaction and merged in a short one (a receipt taken meanwhile keeps its number).
 * Answers how many numbers of today are in hand afterwards.
 */
export async function topUpCodeLeases(db: MotCuaDb, lease: LeaseCodeBlock, now: () => number): Promise<Result<number, Failure>> {
  const day = recordCodeDay(now());
  try {
    const inHand = numbersInHand(await readCodeLeases(db.settings), day);
    if (inHand >= leaseLowWater) return ok(inHand);
    const block = await lease(day, leaseBlockSize);
    if (block === null) return ok(inHand);
    if (!block.ok) return block;
    return ok(
      await db.transaction('rw', db.settings, async () => {
        const leases = addLease(await readCodeLeases(db.settings), block.value, recordCodeDay(now()));
        await writeCodeLeases(db.settings, leases);
        return numbersInHand(leases, day);
      }),
    );
  } catch (error) {
    return err(toFailure(error, 'write'));
  }
}
