import type { PrintJob, PrintJobState } from '../../../src-shared/api/printer';

/** How far along a job is, for two snapshots written in the same millisecond. */
const progress: Readonly<Record<PrintJobState, number>> = { queued: 0, sending: 1, done: 2, failed: 2, uncertain: 2 };

/**
 * Of two snapshots of one print job, the later. The answer to `printer.print` (the job as queued) and the host's
 * `printer.job` events travel separately: on a busy machine "done" can arrive before the answer, and a screen
 * that simply took the answer would say "queued" for ever. A reprint makes a job go back to queued, so time
 * decides first; progress only breaks a tie.
 */
export function laterSnapshot(a: PrintJob, b: PrintJob | undefined): PrintJob {
  if (b === undefined || b.id !== a.id) return a;
  if (a.updatedAt !== b.updatedAt) return a.updatedAt > b.updatedAt ? a : b;
  return progress[b.state] > progress[a.state] ? b : a;
}
