import { z } from 'zod';
import {
  allocateRecordCode,
  formatRecordCode,
  officerSchema,
  recordCodeDay,
  takeLeasedNumber,
  parseWith,
  receive,
  receiptSchema,
  registerOnline,
  type OnlineRegistration,
  transition,
  transitionInputSchema,
  type AdministrativeRecord,
  type Officer,
  type Receipt,
  type RecordEvent,
  type RecordStatus,
  type TransitionInput,
} from '../../../src-shared/domain/records';
import { err, FailureError, ok, type Failure, type Result } from '../../../src-shared/result';
import { appendAudit } from './audit';
import { dailyCountDelta } from './daily-counts';
import { applyDailyCountDelta, rebuildDailyCounts } from './daily-counts-table';
import { storeFailures } from './errors';
import { toFailure } from './failures';
import { appendToOutbox } from './outbox';
import { citizenRowsOf, fromRecordRow, toDocumentRows, toEventRow, toRecordRow } from './record-rows';
import * as queries from './records-queries';
import type { DailyCountRow, MotCuaDb } from './schema';
import { readCodeLeases, readCodeSequence, writeCodeLeases, writeCodeSequence } from './sequences';

/** Who this kiosk is: set at enrollment. The slot (0–9, unique within the unit) makes record codes unique. */
export type KioskContext = {
  readonly kioskId: string;
  readonly unitId: string;
  readonly kioskSlot: number;
  readonly counterId: string;
};

export type RecordsRepositoryDeps = {
  readonly kiosk: KioskContext;
  readonly now: () => number;
  readonly newId: () => string;
};

export type ReceiveRecordInput = Receipt & { readonly officer: Officer; readonly at?: number };

export const receiveRecordInputSchema = receiptSchema.extend({ officer: officerSchema, at: z.int().min(0).optional() });

/** A file the officer refuses at the counter (form 03): what was handed in, and the reason the law gives. */
export type RefuseRecordInput = OnlineRegistration & { readonly officer: Officer; readonly reason: string; readonly at?: number };

const refuseRecordInputSchema = receiptSchema.omit({ dueAt: true }).extend({
  officer: officerSchema,
  reason: z.string().trim().normalize('NFC').min(1).max(2000),
  at: z.int().min(0).optional(),
});

export type TransitionRecordInput = Omit<TransitionInput, 'at'> & {
  readonly at?: number;
  /** The version the officer's screen showed; a mismatch means another window changed the record. */
  readonly expectedVersion?: number;
};

const transitionRecordInputSchema = transitionInputSchema.extend({
  at: z.int().min(0).optional(),
  expectedVersion: z.int().min(1).optional(),
});

export type RecordsRepository = ReturnType<typeof createRecordsRepository>;

/**
 * Every write of a record happens in ONE read-write transaction together with its history rows, documents,
 * citizens, outbox row, audit entry and daily counts: either all of it is on disk or none of it is.
 */
export function createRecordsRepository(db: MotCuaDb, deps: RecordsRepositoryDeps) {
  const { kiosk, now, newId } = deps;

  const writeTables = () => [
    db.records,
    db.recordEvents,
    db.documents,
    db.citizens,
    db.outbox,
    db.audit,
    db.settings,
    db.dailyCounts,
  ];

  async function inWriteTransaction<T>(body: () => Promise<T>): Promise<Result<T, Failure>> {
    try {
      return ok(await db.transaction('rw', writeTables(), body));
    } catch (error) {
      return err(toFailure(error, 'write'));
    }
  }

  /** A number the Center's server leased for today, if one is in hand (docs/RECORD-CODES.md, "Leased blocks"). */
  async function allocateLeasedCode(at: number): Promise<string | undefined> {
    let leases = await readCodeLeases(db.settings);
    const day = recordCodeDay(at);
    for (;;) {
      const taken = takeLeasedNumber(leases, day);
      if (taken === undefined) return undefined;
      leases = taken.leases;
      await writeCodeLeases(db.settings, leases);
      const code = formatRecordCode(kiosk.unitId, day, taken.number);
      if ((await db.records.where('code').equals(code).count()) === 0) return code;
    }
  }

  /**
   * Next code: a leased number first, else this kiosk's slot numbering; skips codes already on disk (a clock set
   * back beyond the remembered days). Read and advanced in the receive transaction, like the mutation id.
   */
  async function allocateCode(at: number): Promise<string> {
    const leased = await allocateLeasedCode(at);
    if (leased !== undefined) return leased;
    let state = await readCodeSequence(db.settings);
    for (;;) {
      const allocation = allocateRecordCode(state, { unitId: kiosk.unitId, kioskSlot: kiosk.kioskSlot, at });
      if (!allocation.ok) throw new FailureError(allocation.error);
      state = allocation.value.state;
      if ((await db.records.where('code').equals(allocation.value.code).count()) === 0) {
        await writeCodeSequence(db.settings, state);
        return allocation.value.code;
      }
    }
  }

  async function writeEffects(before: AdministrativeRecord | undefined, after: AdministrativeRecord, event: RecordEvent, at: number): Promise<void> {
    await db.recordEvents.add(toEventRow(after.id, event));
    await appendToOutbox(
      db.outbox,
      db.settings,
      before === undefined
        ? { kind: 'record.receive', entity: 'record', entityId: after.id, payload: { record: after } }
        : { kind: 'record.transition', entity: 'record', entityId: after.id, payload: { event, baseVersion: before.version } },
      at,
    );
    await appendAudit(db.audit, {
      id: newId(),
      at,
      actor: event.actor,
      action: before === undefined ? 'record.receive' : 'record.transition',
      entity: 'record',
      entityId: after.id,
      detail: { code: after.code, from: event.from, to: event.to, seq: event.seq },
    });
    await applyDailyCountDelta(db.dailyCounts, dailyCountDelta(before, after));
  }

  /** Receives a file at the counter (status 2): allocates its code, and writes everything in one transaction. */
  async function receiveRecord(input: ReceiveRecordInput): Promise<Result<AdministrativeRecord, Failure>> {
    const parsed = parseWith(receiveRecordInputSchema, input);
    if (!parsed.ok) return parsed;
    const { officer, at: givenAt, ...receipt } = parsed.value;
    const at = givenAt ?? now();
    return inWriteTransaction(async () => {
      const code = await allocateCode(at);
      const created = receive(receipt, {
        id: newId(),
        code,
        unitId: kiosk.unitId,
        kioskId: kiosk.kioskId,
        counterId: kiosk.counterId,
        at,
        actor: officer,
      });
      if (!created.ok) throw new FailureError(created.error);
      const { record, event } = created.value;
      await db.records.add(toRecordRow(record));
      await db.documents.bulkAdd(toDocumentRows(record));
      await db.citizens.bulkPut(citizenRowsOf(record, at));
      await writeEffects(undefined, record, event, at);
      return record;
    });
  }

  /**
   * Refuses a file at the counter: it is registered (status 1) and refused (status 3) in one transaction, so the
   * refusal has a code for form 03, counts in the day's statistics and syncs like any other record.
   */
  async function refuseRecord(input: RefuseRecordInput): Promise<Result<AdministrativeRecord, Failure>> {
    const parsed = parseWith(refuseRecordInputSchema, input);
    if (!parsed.ok) return parsed;
    const { officer, at: givenAt, reason, ...registration } = parsed.value;
    const at = givenAt ?? now();
    return inWriteTransaction(async () => {
      const code = await allocateCode(at);
      const origin = { id: newId(), code, unitId: kiosk.unitId, kioskId: kiosk.kioskId, counterId: kiosk.counterId, at, actor: officer };
      const registered = registerOnline(registration, origin);
      const refused = transition(registered.record, { to: 3, at, actor: officer, note: reason });
      if (!refused.ok) throw new FailureError(refused.error);
      await db.records.add(toRecordRow(refused.value.record));
      await db.documents.bulkAdd(toDocumentRows(refused.value.record));
      await db.citizens.bulkPut(citizenRowsOf(refused.value.record, at));
      await writeEffects(undefined, registered.record, registered.event, at);
      await writeEffects(registered.record, refused.value.record, refused.value.event, at);
      return refused.value.record;
    });
  }

  /** Moves a record along its lifecycle; refuses what the state machine refuses, writing nothing. */
  async function transitionRecord(recordId: string, input: TransitionRecordInput): Promise<Result<AdministrativeRecord, Failure>> {
    const parsed = parseWith(transitionRecordInputSchema, input);
    if (!parsed.ok) return parsed;
    const { expectedVersion, at: givenAt, ...rest } = parsed.value;
    const at = givenAt ?? now();
    return inWriteTransaction(async () => {
      const row = await db.records.get(recordId);
      if (row === undefined) throw new FailureError(storeFailures.recordNotFound(recordId));
      if (expectedVersion !== undefined && row.version !== expectedVersion) {
        throw new FailureError(storeFailures.staleRecord(expectedVersion, row.version));
      }
      const before = fromRecordRow(row);
      const moved = transition(before, { ...rest, at });
      if (!moved.ok) throw new FailureError(moved.error);
      const { record, event } = moved.value;
      await db.records.put(toRecordRow(record));
      await writeEffects(before, record, event, at);
      return record;
    });
  }

  /** Repair only: recomputes all daily counts from the records. */
  async function repairDailyCounts(): Promise<Result<number, Failure>> {
    try {
      return ok(await db.transaction('rw', [db.records, db.dailyCounts], () => rebuildDailyCounts(db.records, db.dailyCounts)));
    } catch (error) {
      return err(toFailure(error, 'write'));
    }
  }

  return {
    receiveRecord,
    refuseRecord,
    transitionRecord,
    repairDailyCounts,
    getRecord: (id: string) => queries.getRecord(db, id),
    getRecordByCode: (code: string) => queries.getRecordByCode(db, code),
    getHistory: (recordId: string) => queries.getHistory(db, recordId),
    listByStatusDueBefore: (status: RecordStatus, before: number, options?: queries.PageOptions & { readonly after?: queries.DueCursor }) =>
      queries.listByStatusDueBefore(db, status, before, options),
    findByCitizenId: (idNumber: string, options?: queries.PageOptions) => queries.findByCitizenId(db, idNumber, options),
    searchByName: (query: string, options?: queries.PageOptions) => queries.searchByName(db, query, options),
    findByPhone: (phone: string, options?: queries.PageOptions) => queries.findByPhone(db, phone, options),
    listReceivedBetween: (from: number, to: number) => queries.listReceivedBetween(db, from, to),
    dailyCounts: (day: string): Promise<Result<DailyCountRow[], Failure>> => queries.dailyCounts(db, day),
    dailyCountsBetween: (fromDay: string, toDay: string): Promise<Result<DailyCountRow[], Failure>> => queries.dailyCountsBetween(db, fromDay, toDay),
  };
}
