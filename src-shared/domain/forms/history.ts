import type { AdministrativeRecord, RecordEvent } from '../records';

/**
 * Reading the status history as it stood at a given step. A form can be printed (or reprinted) long after the
 * step it reports on: a receipt reprinted after an extension must still show the due date given at receipt.
 */

/** The step with that `seq` if it matches, else (no `seq`) the latest step that matches. */
export function findEvent(
  record: AdministrativeRecord,
  matches: (event: RecordEvent) => boolean,
  seq?: number,
): RecordEvent | undefined {
  if (seq !== undefined) {
    const event = record.history.find((e) => e.seq === seq);
    return event !== undefined && matches(event) ? event : undefined;
  }
  for (let i = record.history.length - 1; i >= 0; i--) {
    const event = record.history[i];
    if (event !== undefined && matches(event)) return event;
  }
  return undefined;
}

/** The receipt (entry into status 2: at the counter, or of an online registration). */
export const isReceipt = (event: RecordEvent): boolean => event.to === 2;

/** A hand-over between units: every step that names the unit receiving the file (form 06 rows). */
export const isHandOver = (event: RecordEvent): boolean => event.toUnit !== undefined;

/** An extension: the due date moved while the file stayed in processing (form 04). */
export const isExtension = (event: RecordEvent): boolean =>
  event.from === 4 && event.to === 4 && event.dueAt !== undefined && event.previousDueAt !== undefined;

/**
 * The due date in force right after step `seq`. Steps carry `dueAt` (and `previousDueAt`) only when they moved
 * it, so the latest such step up to `seq` decides; if none did, the first later move tells what it replaced.
 */
export function dueAsOf(record: AdministrativeRecord, seq: number): number | undefined {
  let due: number | undefined;
  for (const event of record.history) {
    if (event.seq <= seq) {
      if (event.dueAt !== undefined) due = event.dueAt;
    } else if (event.dueAt !== undefined) {
      return due ?? event.previousDueAt;
    }
  }
  return due ?? record.dueAt;
}

/** The unit holding the file just before step `seq` (the one that performs it). */
export function holderBefore(record: AdministrativeRecord, seq: number): string {
  let holder = record.unitId;
  for (const event of record.history) {
    if (event.seq >= seq) break;
    if (event.toUnit !== undefined) holder = event.toUnit;
  }
  return holder;
}
