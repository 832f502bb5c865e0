import { z } from 'zod';
import { err, ok, type Result } from '../../result';
import { recordFailures, type RecordFailure } from './errors';
import { unitIdSchema } from './record-code';
import {
  formNumberSchema,
  officerSchema,
  type AdministrativeRecord,
  type FormNumber,
  type Officer,
  type Pause,
  type RecordEvent,
} from './record';
import { isFinished, recordStatusSchema, type RecordStatus } from './status';

/**
 * The record's state machine. The table is the whole truth about which moves exist; guards below add the
 * conditions that depend on the record (received or not, a reason given). docs/RECORDS.md explains each move.
 */
export const allowedTransitions: { readonly [S in RecordStatus]: readonly RecordStatus[] } = {
  1: [2, 3, 5, 7],
  2: [4, 5, 6, 7, 8, 9],
  3: [],
  // 4 → 4 is a hand-over between agencies or an extension: form 06 needs a row for each.
  4: [4, 5, 6, 7, 8, 9],
  5: [2, 3, 4, 6, 7, 8],
  6: [4, 5, 7, 8, 9],
  7: [],
  8: [4, 7],
  9: [10],
  10: [],
};

export function isFinalStatus(status: RecordStatus): boolean {
  return allowedTransitions[status].length === 0;
}

export function isAllowedTransition(from: RecordStatus, to: RecordStatus): boolean {
  return allowedTransitions[from].includes(to);
}

/** Receipt decides refusal; after it, only the processing side may stop, finish or return the file. */
const onlyBeforeReceipt: readonly RecordStatus[] = [2, 3];
const onlyAfterReceipt: readonly RecordStatus[] = [4, 6, 8, 9, 10];
/** Forms 03, 02 and 05 print the reason. */
const reasonRequired: readonly RecordStatus[] = [3, 5, 8];
const pauseKindOf = (status: RecordStatus): Pause['kind'] | null =>
  status === 5 ? 'supplement' : status === 6 ? 'payment' : null;

export type TransitionInput = {
  readonly to: RecordStatus;
  readonly at: number;
  readonly actor: Officer;
  /** Defaults to the unit holding the file when `toUnit` is given. */
  readonly fromUnit?: string;
  /** The unit the file is handed over to (form 06). */
  readonly toUnit?: string;
  readonly note?: string;
  /** Defaults to the form the move normally produces (e.g. 02 for a supplement request). */
  readonly form?: FormNumber;
  /** A new due date: on receipt, after a pause, or an extension (form 04). Computed by the calendar. */
  readonly dueAt?: number;
};

export const transitionInputSchema = z.object({
  to: recordStatusSchema,
  at: z.int().min(0),
  actor: officerSchema,
  fromUnit: unitIdSchema.optional(),
  toUnit: unitIdSchema.optional(),
  note: z.string().trim().normalize('NFC').max(2000).optional(),
  form: formNumberSchema.optional(),
  dueAt: z.int().min(0).optional(),
});

export type Transitioned = { readonly record: AdministrativeRecord; readonly event: RecordEvent };

export function transition(record: AdministrativeRecord, input: TransitionInput): Result<Transitioned, RecordFailure> {
  const refusal = checkTransition(record, input);
  if (refusal !== null) return err(refusal);
  return ok(apply(record, input));
}

/** The statuses an officer may pick next (ignoring whether a reason was typed yet). */
export function nextStatuses(record: AdministrativeRecord): readonly RecordStatus[] {
  return allowedTransitions[record.status].filter((to) => checkReceiptStage(record, to) === null);
}

function checkTransition(record: AdministrativeRecord, input: TransitionInput): RecordFailure | null {
  const from = record.status;
  const to = input.to;
  if (isFinalStatus(from)) return recordFailures.finalStatus(from);
  if (!isAllowedTransition(from, to)) return recordFailures.transitionNotAllowed(from, to);
  const stage = checkReceiptStage(record, to);
  if (stage !== null) return stage;
  const hasNote = input.note !== undefined && input.note.trim() !== '';
  if (reasonRequired.includes(to) && !hasNote) return recordFailures.reasonRequired(to);
  if (to === 2) {
    const dueAt = input.dueAt ?? record.dueAt;
    if (dueAt === undefined) return recordFailures.dueDateRequired();
    if (dueAt < input.at) return recordFailures.dueBeforeReceipt();
  }
  if (from === to) {
    const handsOver = input.toUnit !== undefined && input.toUnit !== record.holderUnitId;
    const extendsDue = input.dueAt !== undefined && input.dueAt !== record.dueAt;
    if (!handsOver && !extendsDue) return recordFailures.nothingChanged();
    // An extension is form 04: the apology must say why the file is late.
    if (extendsDue && !hasNote) return recordFailures.reasonRequired(to);
  }
  return null;
}

function checkReceiptStage(record: AdministrativeRecord, to: RecordStatus): RecordFailure | null {
  const received = record.receivedAt !== undefined;
  if (received && onlyBeforeReceipt.includes(to)) return recordFailures.alreadyReceived(to);
  if (!received && onlyAfterReceipt.includes(to)) return recordFailures.notYetReceived(to);
  return null;
}

function apply(record: AdministrativeRecord, input: TransitionInput): Transitioned {
  const from = record.status;
  const to = input.to;
  const dueChanged = input.dueAt !== undefined && input.dueAt !== record.dueAt;
  const handsOver = input.toUnit !== undefined;
  const form = input.form ?? defaultForm(from, to, handsOver, dueChanged);
  const note = input.note?.trim();
  const fromUnit = input.fromUnit ?? (handsOver ? record.holderUnitId : undefined);

  const event: RecordEvent = {
    seq: record.history.length + 1,
    from,
    to,
    at: input.at,
    actor: input.actor,
    ...(fromUnit === undefined ? {} : { fromUnit }),
    ...(input.toUnit === undefined ? {} : { toUnit: input.toUnit }),
    ...(note === undefined || note === '' ? {} : { note }),
    ...(form === undefined ? {} : { form }),
    ...(dueChanged ? { dueAt: input.dueAt } : {}),
    ...(dueChanged && record.dueAt !== undefined ? { previousDueAt: record.dueAt } : {}),
  };

  const next: AdministrativeRecord = {
    ...record,
    status: to,
    history: [...record.history, event],
    pauses: updatePauses(record.pauses, from, to, input.at),
    holderUnitId: input.toUnit ?? record.holderUnitId,
    updatedAt: input.at,
    version: record.version + 1,
    ...(dueChanged ? { dueAt: input.dueAt } : {}),
    ...(to === 2 ? { receivedAt: input.at, receivingOfficer: input.actor } : {}),
    ...(isFinished(to) && record.finishedAt === undefined ? { finishedAt: input.at } : {}),
    ...(to === 10 ? { returnedAt: input.at } : {}),
  };
  return { record: next, event };
}

function updatePauses(pauses: readonly Pause[], from: RecordStatus, to: RecordStatus, at: number): Pause[] {
  if (from === to) return [...pauses];
  const closed = pauseKindOf(from) === null ? [...pauses] : pauses.map((p) => (p.to === undefined ? { ...p, to: at } : p));
  const opening = pauseKindOf(to);
  return opening === null ? closed : [...closed, { kind: opening, from: at }];
}

function defaultForm(from: RecordStatus, to: RecordStatus, handsOver: boolean, dueChanged: boolean): FormNumber | undefined {
  switch (to) {
    case 2:
      return '01';
    case 3:
      return '03';
    case 5:
      return '02';
    case 8:
      return '05';
    case 1:
    case 4:
    case 6:
    case 7:
    case 9:
    case 10:
      if (from === to && dueChanged) return '04';
      return handsOver ? '06' : undefined;
  }
}
