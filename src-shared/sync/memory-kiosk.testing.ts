/**
 * An in-memory kiosk for the model-based and chaos tests: the same contract as the Dexie adapter (one atomic
 * local transaction per write, outbox in the same transaction, checkpoint written with the pulled data), small
 * enough to reason about. `crashNext` makes the next local transaction die before it commits.
 */
import {
  allocateRecordCode,
  emptyCodeSequenceState,
  receive,
  transition,
  type AdministrativeRecord,
  type CodeSequenceState,
  type Officer,
  type Receipt,
  type TransitionInput,
} from '../domain/records';
import { err, ok, type Failure, type Result } from '../result';
import { syncFailures } from './errors';
import type { Checkpoint, MutationResult, PushedMutation } from './protocol';
import { partitionDigest } from './partition-digest';
import type { SyncStorePort } from './store-port';

/** Unique across every memory kiosk of the process, as UUIDv7s are across kiosks. */
let idCounter = 0;

type State = {
  records: JournaledMap<string, AdministrativeRecord>;
  outbox: PushedMutation[];
  lastMutationId: number;
  checkpoint: Checkpoint | null;
  codes: CodeSequenceState;
  uploads: string[];
};

/**
 * The records map is written in place with an undo journal (copying it per transaction would make a 100,000-record
 * kiosk quadratic); the small parts of the state are copied.
 */
class JournaledMap<K, V> extends Map<K, V> {
  private journal: [K, V | undefined, boolean][] | null = null;
  begin(): void {
    this.journal = [];
  }
  override set(key: K, value: V): this {
    this.journal?.push([key, super.get(key), super.has(key)]);
    return super.set(key, value);
  }
  rollback(): void {
    const undo = this.journal ?? [];
    this.journal = null;
    for (let i = undo.length - 1; i >= 0; i -= 1) {
      const [key, previous, had] = undo[i] ?? [];
      if (key === undefined) continue;
      if (had === true) super.set(key, previous as V);
      else super.delete(key);
    }
  }
  commit(): void {
    this.journal = null;
  }
}

const clone = (s: State): State => ({
  records: s.records,
  outbox: [...s.outbox],
  lastMutationId: s.lastMutationId,
  checkpoint: s.checkpoint,
  codes: s.codes,
  uploads: [...s.uploads],
});

export type MemoryKiosk = ReturnType<typeof createMemoryKiosk>;

export function createMemoryKiosk(kiosk: { readonly kioskId: string; readonly unitId: string; readonly slot: number; readonly counterId: string }) {
  let state: State = { records: new JournaledMap(), outbox: [], lastMutationId: 0, checkpoint: null, codes: emptyCodeSequenceState, uploads: [] };
  const blobs = new Map<string, Uint8Array>();
  let crash = false;
  /** Every checkpoint ever committed, to check they never go back. */
  const checkpoints: Checkpoint[] = [];

  /** One local transaction: work on a copy, commit by swapping, unless a crash was injected. */
  function tx<T>(body: (s: State) => T): Result<T, Failure> {
    const draft = clone(state);
    state.records.begin();
    let value: T;
    try {
      value = body(draft);
    } catch (error) {
      state.records.rollback();
      return err(syncFailures.localStore(error instanceof Error ? error.message : String(error)));
    }
    if (crash) {
      crash = false;
      state.records.rollback();
      return err(syncFailures.localStore('killed before commit'));
    }
    state.records.commit();
    state = draft;
    return ok(value);
  }

  function enqueue(s: State, m: Omit<PushedMutation, 'mutationId'>): void {
    s.lastMutationId += 1;
    s.outbox.push({ ...m, mutationId: s.lastMutationId });
  }

  const newId = (): string => {
    idCounter += 1;
    return `01900000-0000-7000-8000-${idCounter.toString(16).padStart(12, '0')}`;
  };

  function receiveRecord(receipt: Receipt, at: number, actor: Officer): Result<AdministrativeRecord, Failure> {
    return tx((s) => {
      const allocated = allocateRecordCode(s.codes, { unitId: kiosk.unitId, kioskSlot: kiosk.slot, at });
      if (!allocated.ok) throw new Error(allocated.error.messageEn);
      s.codes = allocated.value.state;
      const created = receive(receipt, { id: newId(), code: allocated.value.code, unitId: kiosk.unitId, kioskId: kiosk.kioskId, counterId: kiosk.counterId, at, actor });
      if (!created.ok) throw new Error(created.error.messageEn);
      s.records.set(created.value.record.id, created.value.record);
      enqueue(s, { kind: 'record.receive', entityId: created.value.record.id, payload: { record: created.value.record }, createdAt: at });
      return created.value.record;
    });
  }

  function transitionRecord(id: string, input: TransitionInput): Result<AdministrativeRecord, Failure> {
    return tx((s) => {
      const before = s.records.get(id);
      if (before === undefined) throw new Error('no such record');
      const moved = transition(before, input);
      if (!moved.ok) throw new Error(moved.error.messageEn);
      s.records.set(id, moved.value.record);
      enqueue(s, { kind: 'record.transition', entityId: id, payload: { event: moved.value.event, baseVersion: before.version }, createdAt: input.at });
      return moved.value.record;
    });
  }

  /** A mutation the lifecycle would refuse (for poison tests): written to the outbox as a buggy build might. */
  function writePoison(id: string, at: number, actor: Officer): Result<void, Failure> {
    return tx((s) => {
      const before = s.records.get(id);
      if (before === undefined) throw new Error('no such record');
      const event = { seq: before.history.length + 1, from: before.status, to: 1 as const, at, actor };
      // The buggy build applied it locally too; the server's refusal brings the record back on the next pull.
      s.records.set(id, { ...before, status: 1, history: [...before.history, event], version: before.version + 1, updatedAt: at });
      enqueue(s, { kind: 'record.transition', entityId: id, payload: { event, baseVersion: before.version }, createdAt: at });
    });
  }

  const port: SyncStorePort = {
    pendingMutations: async (limit) => ok(state.outbox.slice(0, limit)),
    pendingSummary: async () => ok({ count: state.outbox.length, oldestCreatedAt: state.outbox[0]?.createdAt ?? null }),
    acknowledge: async (lastMutationId: number, _failed: readonly MutationResult[]) =>
      tx((s) => {
        const acked = s.outbox.filter((m) => m.mutationId <= lastMutationId);
        s.outbox = s.outbox.filter((m) => m.mutationId > lastMutationId);
        // Metadata first, then the pages it names.
        for (const m of acked) {
          if (m.kind !== 'record.receive') continue;
          const record = (m.payload as { record: AdministrativeRecord }).record;
          for (const d of record.documents) for (const h of d.pageHashes) if (blobs.has(h) && !s.uploads.includes(h)) s.uploads.push(h);
        }
      }),
    checkpoint: async () => ok(state.checkpoint),
    applyPulled: async (records, next) => {
      const done = tx((s) => {
        const pending = new Set(s.outbox.map((m) => m.entityId));
        let applied = 0;
        let skipped = 0;
        for (const r of records) {
          if (pending.has(r.id)) skipped += 1;
          else {
            s.records.set(r.id, r);
            applied += 1;
          }
        }
        s.checkpoint = next;
        return { applied, skipped };
      });
      if (done.ok) checkpoints.push(next);
      return done;
    },
    resetCheckpoint: async () =>
      tx((s) => {
        s.checkpoint = null;
      }),
    attachmentsToUpload: async (limit) => ok(state.uploads.slice(0, limit)),
    readAttachment: async (hash) => ok(blobs.get(hash) ?? null),
    attachmentUploaded: async (hash) =>
      tx((s) => {
        s.uploads = s.uploads.filter((h) => h !== hash);
      }),
    partitionChecksum: async (unitId) => {
      const held = [...state.records.values()].filter((r) => r.unitId === unitId && r.rev !== 0);
      return ok({ count: held.length, sumRev: held.reduce((sum, r) => sum + r.rev, 0), digest: partitionDigest(held) });
    },
  };

  return {
    kiosk,
    port,
    receiveRecord,
    transitionRecord,
    writePoison,
    putBlob: (hash: string, bytes: Uint8Array) => blobs.set(hash, bytes),
    crashNext: () => {
      crash = true;
    },
    records: () => state.records,
    outbox: () => state.outbox,
    lastMutationId: () => state.lastMutationId,
    checkpoint: () => state.checkpoint,
    checkpoints: () => checkpoints,
    uploads: () => state.uploads,
  };
}
