import { z } from 'zod';
import {
  administrativeRecordSchema,
  recordEventSchema,
  transition,
  type AdministrativeRecord,
} from '../src-shared/domain/records';
import { ratingSchema, type Rating } from '../src-shared/domain/ratings/rating';
import type { KeptDocument } from '../src-shared/domain/citizens/kept-document';
import { keepMutationKind } from '../src-shared/sync/citizen-documents-protocol';
import { decideKeep } from './keep-citizen-document';
import type { Failure } from '../src-shared/result';
import { syncFailures } from '../src-shared/sync/errors';
import type { PushedMutation } from '../src-shared/sync/protocol';

/**
 * The server's side of a mutation, pure: given the records it touches, decide applied or failed. The kiosk's
 * outbox kinds (src-renderer/src/store/schema.ts) are replayed through the same domain lifecycle the kiosk used,
 * so a disallowed move or a lost update (baseVersion ≠ the server's version) is refused here, recorded as failed,
 * and the queue goes on.
 */
export type ServerRecord = {
  readonly record: AdministrativeRecord;
  readonly unitId: string;
  rev: number;
  /** Changed in this batch: must be written back. */
  dirty: boolean;
};

export type Batch = {
  readonly unitId: string;
  /** Records by id, loaded before applying (and updated as the batch goes). */
  readonly records: Map<string, ServerRecord>;
  /** Record codes of the partition already taken: code → record id. */
  readonly codes: Map<string, string>;
  /** Ratings accepted in this batch, by id (a rating sent twice is kept once); they take no revision: never pulled. */
  readonly ratings: Map<string, Rating>;
  /** Citizens' kept documents accepted in this batch, by id; like ratings, no revision (keep-citizen-document.ts). */
  readonly citizenDocuments: Map<string, KeptDocument>;
  rev: number;
};

export type Outcome = { readonly status: 'applied' } | { readonly status: 'failed'; readonly error: Failure };

const receivePayload = z.object({ record: z.unknown() });
const transitionPayload = z.object({ event: recordEventSchema, baseVersion: z.int().min(1) });
const ratingPayload = z.object({ rating: ratingSchema });

export function applyMutation(batch: Batch, mutation: PushedMutation): Outcome {
  const outcome = decide(batch, mutation);
  if (outcome.status === 'failed') {
    // The kiosk applied this change locally; give the record a new revision so its next pull replaces the local
    // copy with the server's (otherwise the kiosk would keep a state the server refused, forever).
    const existing = batch.records.get(mutation.entityId);
    if (existing !== undefined && existing.unitId === batch.unitId) {
      batch.rev += 1;
      existing.rev = batch.rev;
      existing.dirty = true;
    }
  }
  return outcome;
}

function failed(error: Failure): Outcome {
  return { status: 'failed', error };
}

function decide(batch: Batch, mutation: PushedMutation): Outcome {
  switch (mutation.kind) {
    case 'record.receive':
      return receive(batch, mutation);
    case 'record.transition':
      return move(batch, mutation);
    case 'rating.submit':
      return rate(batch, mutation);
    case keepMutationKind: {
      const kept = decideKeep(batch.unitId, mutation);
      if (kept.status === 'failed') return failed(kept.error);
      batch.citizenDocuments.set(kept.document.id, kept.document);
      return { status: 'applied' };
    }
    default:
      return failed(syncFailures.unknownKind(mutation.kind));
  }
}

function issues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.')}: ${i.message}`)
    .join('; ');
}

function receive(batch: Batch, mutation: PushedMutation): Outcome {
  const envelope = receivePayload.safeParse(mutation.payload);
  if (!envelope.success) return failed(syncFailures.invalidMutation(issues(envelope.error)));
  const parsed = administrativeRecordSchema.safeParse(envelope.data.record);
  if (!parsed.success) return failed(syncFailures.invalidMutation(issues(parsed.error)));
  const record = parsed.data;
  if (record.id !== mutation.entityId) return failed(syncFailures.invalidMutation('entityId ≠ record.id'));
  if (record.unitId !== batch.unitId) return failed(syncFailures.wrongPartition(record.unitId));
  // A new record starts with exactly its first event: anything else would skip the lifecycle.
  const first = record.history[0];
  if (record.version !== 1 || record.history.length !== 1 || first?.from !== null || first.to !== record.status) {
    return failed(syncFailures.invalidMutation('a received record must carry only its first event, version 1'));
  }
  if (batch.records.has(record.id)) return failed(syncFailures.recordExists());
  const holder = batch.codes.get(record.code);
  if (holder !== undefined && holder !== record.id) return failed(syncFailures.duplicateCode(record.code));
  batch.rev += 1;
  batch.records.set(record.id, { record: { ...record, rev: 0 }, unitId: batch.unitId, rev: batch.rev, dirty: true });
  batch.codes.set(record.code, record.id);
  return { status: 'applied' };
}

function move(batch: Batch, mutation: PushedMutation): Outcome {
  const parsed = transitionPayload.safeParse(mutation.payload);
  if (!parsed.success) return failed(syncFailures.invalidMutation(issues(parsed.error)));
  const { event, baseVersion } = parsed.data;
  const current = batch.records.get(mutation.entityId);
  if (current === undefined) return failed(syncFailures.unknownRecord());
  if (current.unitId !== batch.unitId) return failed(syncFailures.wrongPartition(current.unitId));
  if (current.record.version !== baseVersion) return failed(syncFailures.lostUpdate(baseVersion, current.record.version));
  const moved = transition(current.record, {
    to: event.to,
    at: event.at,
    actor: event.actor,
    ...(event.fromUnit === undefined ? {} : { fromUnit: event.fromUnit }),
    ...(event.toUnit === undefined ? {} : { toUnit: event.toUnit }),
    ...(event.note === undefined ? {} : { note: event.note }),
    ...(event.form === undefined ? {} : { form: event.form }),
    ...(event.dueAt === undefined ? {} : { dueAt: event.dueAt }),
  });
  if (!moved.ok) return failed(moved.error);
  batch.rev += 1;
  batch.records.set(mutation.entityId, { record: moved.value.record, unitId: current.unitId, rev: batch.rev, dirty: true });
  return { status: 'applied' };
}

/** A citizen's rating: checked against the shared schema and kept; the store writes it idempotently by id. */
function rate(batch: Batch, mutation: PushedMutation): Outcome {
  const parsed = ratingPayload.safeParse(mutation.payload);
  if (!parsed.success) return failed(syncFailures.invalidMutation(issues(parsed.error)));
  const { rating } = parsed.data;
  if (rating.id !== mutation.entityId) return failed(syncFailures.invalidMutation('entityId ≠ rating.id'));
  batch.ratings.set(rating.id, rating);
  return { status: 'applied' };
}
