import { createLogger } from '../log';
import { err, ok, type Failure, type Result } from '../result';
import { backoffDelay, defaultBackoff, type BackoffOptions } from './backoff';
import { syncErrorCodes, syncFailures } from './errors';
import { call, isRetryable, jsonHeaders, type CallFailure, type Transport } from './http';
import {
  changesResponseSchema,
  maxChunkBytes,
  paths,
  pushResponseSchema,
  waitResponseSchema,
  type Checkpoint,
} from './protocol';
import type { SyncStorePort } from './store-port';
import { z } from 'zod';

const log = createLogger('sync/engine');

export type SyncClock = { now(): number; sleep(ms: number): Promise<void> };

export type SyncEngineOptions = {
  readonly pushBatch: number;
  readonly pullLimit: number;
  readonly chunkBytes: number;
  /** Pause between rounds while everything is in sync (also the fallback when the long poll fails). */
  readonly idleMs: number;
  /** Between rounds, hold a long poll this long so other kiosks' changes arrive within a second; 0 = poll only. */
  readonly longPollMs: number;
  /** The officer's alarm: a pending change older than this means sync is stalled, whatever the line says. */
  readonly stallAlarmMs: number;
  readonly backoff: BackoffOptions;
};

export const defaultEngineOptions: SyncEngineOptions = {
  pushBatch: 200,
  pullLimit: 1000,
  chunkBytes: 256 * 1024,
  idleMs: 10_000,
  longPollMs: 15_000,
  stallAlarmMs: 30 * 60_000,
  backoff: defaultBackoff,
};

export type SyncCredentials = { readonly baseUrl: string; readonly token: string; readonly unitId: string };

export type SyncEngineDeps = {
  readonly credentials: () => SyncCredentials | null;
  readonly transport: Transport;
  readonly store: SyncStorePort;
  readonly clock: SyncClock;
  readonly random: () => number;
  readonly options?: Partial<SyncEngineOptions>;
};

export type SyncStatus = {
  /** null until the first attempt. */
  readonly online: boolean | null;
  readonly syncing: boolean;
  readonly lastSuccessAt: number | null;
  readonly lastAttemptAt: number | null;
  readonly pendingCount: number;
  readonly oldestPendingAt: number | null;
  /** The oldest pending change is older than the alarm limit. */
  readonly stalled: boolean;
  readonly lastError: Failure | null;
  /** Mutations the server refused for good this session (shown to the technician). */
  readonly failedMutations: number;
  readonly checkpoint: Checkpoint | null;
  /** The last "verify" found the local records differ from the partition's checksum. */
  readonly diverged: boolean;
  readonly consecutiveFailures: number;
};

/** Before the first attempt: nothing known yet. */
export const initialSyncStatus: SyncStatus = {
  online: null,
  syncing: false,
  lastSuccessAt: null,
  lastAttemptAt: null,
  pendingCount: 0,
  oldestPendingAt: null,
  stalled: false,
  lastError: null,
  failedMutations: 0,
  checkpoint: null,
  diverged: false,
  consecutiveFailures: 0,
};

export type SyncRound = { readonly pushed: number; readonly failed: number; readonly pulled: number; readonly uploaded: number };

const blobStatusSchema = z.object({ offset: z.int(), complete: z.boolean() });

/**
 * The kiosk's sync loop: push the outbox in order, upload attachments of pushed records, pull the Center's
 * partition page by page. Nothing in the counter's flows waits for it; it only reads and writes the local store
 * through the port. Pure TypeScript: clock, randomness and HTTP are injected.
 */
export function createSyncEngine(deps: SyncEngineDeps) {
  const options: SyncEngineOptions = { ...defaultEngineOptions, ...deps.options };
  const { store, clock, transport } = deps;
  let status: SyncStatus = initialSyncStatus;
  const listeners = new Set<(s: SyncStatus) => void>();
  let running = false;
  let wake: (() => void) | null = null;
  /** A sync was asked for while a round ran: run another round at once instead of pausing. */
  let requested = false;
  let round: Promise<Result<SyncRound, Failure>> | null = null;

  function update(patch: Partial<SyncStatus>): void {
    status = { ...status, ...patch };
    status = { ...status, stalled: status.oldestPendingAt !== null && clock.now() - status.oldestPendingAt > options.stallAlarmMs };
    for (const l of listeners) l(status);
  }

  async function refreshPending(): Promise<void> {
    const summary = await store.pendingSummary();
    if (summary.ok) update({ pendingCount: summary.value.count, oldestPendingAt: summary.value.oldestCreatedAt });
  }

  const local = (f: Failure): CallFailure => ({ ...syncFailures.localStore(f.messageEn), status: -1 });

  async function push(creds: SyncCredentials): Promise<Result<{ pushed: number; failed: number }, CallFailure>> {
    let pushed = 0;
    let failed = 0;
    for (;;) {
      const batch = await store.pendingMutations(options.pushBatch);
      if (!batch.ok) return err(local(batch.error));
      const first = batch.value[0];
      if (first === undefined) return ok({ pushed, failed });
      const summary = await store.pendingSummary();
      if (!summary.ok) return err(local(summary.error));
      const answer = await call(
        transport,
        creds.baseUrl + paths.push,
        { method: 'POST', headers: jsonHeaders(creds.token), body: JSON.stringify({ mutations: batch.value, pending: summary.value }) },
        pushResponseSchema,
      );
      if (!answer.ok) return answer;
      const failures = answer.value.results.filter((r) => r.status === 'failed');
      // Acknowledge only what the server says it durably holds: lastMutationId, not the results we sent.
      const acked = await store.acknowledge(answer.value.lastMutationId, failures);
      if (!acked.ok) return err(local(acked.error));
      for (const f of failures) log.warn('mutation refused by the server', { mutationId: f.mutationId, code: f.error?.code ?? '' });
      failed += failures.length;
      const progressed = answer.value.lastMutationId - first.mutationId + 1;
      if (progressed <= 0) return err({ ...syncFailures.badResponse('push made no progress'), status: 200 });
      pushed += progressed;
      update({ failedMutations: status.failedMutations + failures.length });
    }
  }

  async function uploadOne(creds: SyncCredentials, hash: string): Promise<Result<void, CallFailure>> {
    const head = await transport(creds.baseUrl + paths.blob(hash), { method: 'HEAD', headers: jsonHeaders(creds.token) }).catch(() => null);
    if (head === null) return err({ ...syncFailures.network('HEAD'), status: 0 });
    if (head.status >= 500) return err({ ...syncFailures.serverError(head.status), status: head.status });
    if (head.headers.get('upload-complete') === '?1') return ok(undefined);
    const bytes = await store.readAttachment(hash);
    if (!bytes.ok) return err(local(bytes.error));
    if (bytes.value === null) return ok(undefined); // gone locally: nothing we can send
    const data = bytes.value;
    let offset = head.status === 200 ? Number(head.headers.get('upload-offset') ?? '0') : 0;
    for (let guard = 0; guard < 10_000; guard += 1) {
      const chunk = data.subarray(offset, Math.min(data.length, offset + Math.min(options.chunkBytes, maxChunkBytes)));
      const put = await call(
        transport,
        creds.baseUrl + paths.blob(hash),
        {
          method: 'PUT',
          headers: {
            authorization: `Bearer ${creds.token}`,
            'content-type': 'application/octet-stream',
            'upload-offset': String(offset),
            'upload-length': String(data.length),
          },
          body: chunk,
        },
        blobStatusSchema,
      );
      if (!put.ok) {
        // Resume from what the server holds (a chunk whose answer was lost), or start again after a bad hash.
        if (put.error.code === syncErrorCodes.blobOffset && put.error.offset !== undefined) offset = put.error.offset;
        else if (put.error.code === syncErrorCodes.blobHashMismatch) offset = 0;
        else return put;
        continue;
      }
      if (put.value.complete) return ok(undefined);
      offset = put.value.offset;
    }
    return err({ ...syncFailures.badResponse('upload made no progress'), status: 200 });
  }

  async function upload(creds: SyncCredentials): Promise<Result<number, CallFailure>> {
    let uploaded = 0;
    for (;;) {
      const hashes = await store.attachmentsToUpload(20);
      if (!hashes.ok) return err(local(hashes.error));
      if (hashes.value.length === 0) return ok(uploaded);
      for (const hash of hashes.value) {
        const done = await uploadOne(creds, hash);
        if (!done.ok) return done;
        const marked = await store.attachmentUploaded(hash);
        if (!marked.ok) return err(local(marked.error));
        uploaded += 1;
      }
    }
  }

  async function pull(creds: SyncCredentials): Promise<Result<{ pulled: number }, CallFailure>> {
    let pulled = 0;
    for (let refetches = 0; ; ) {
      const current = await store.checkpoint();
      if (!current.ok) return err(local(current.error));
      const since = current.value?.rev ?? 0;
      const query = `?since=${since}&limit=${options.pullLimit}${current.value === null ? '' : `&epoch=${encodeURIComponent(current.value.epoch)}`}`;
      const page = await call(transport, creds.baseUrl + paths.changes(creds.unitId) + query, { method: 'GET', headers: jsonHeaders(creds.token) }, changesResponseSchema);
      if (!page.ok) return page;
      if (page.value.kind === 'refetch') {
        log.info('server asked for a refetch', { reason: page.value.reason });
        refetches += 1;
        if (refetches > 2) return err({ ...syncFailures.badResponse('refetch loop'), status: 200 });
        const reset = await store.resetCheckpoint(page.value.epoch);
        if (!reset.ok) return err(local(reset.error));
        continue;
      }
      const next: Checkpoint = { epoch: page.value.epoch, rev: page.value.checkpoint };
      if (current.value !== null && current.value.epoch === next.epoch && next.rev < current.value.rev) {
        return err({ ...syncFailures.badResponse('checkpoint went back'), status: 200 });
      }
      const applied = await store.applyPulled(page.value.records, next);
      if (!applied.ok) return err(local(applied.error));
      pulled += page.value.records.length;
      update({ checkpoint: next });
      if (!page.value.hasMore) return ok({ pulled });
    }
  }

  async function syncOnce(): Promise<Result<SyncRound, Failure>> {
    if (round !== null) return round;
    round = (async () => {
      const creds = deps.credentials();
      if (creds === null) return err(syncFailures.notEnrolled());
      update({ syncing: true, lastAttemptAt: clock.now() });
      try {
        const pushed = await push(creds);
        if (!pushed.ok) return fail(pushed.error);
        const uploaded = await upload(creds);
        if (!uploaded.ok) return fail(uploaded.error);
        const pulled = await pull(creds);
        if (!pulled.ok) return fail(pulled.error);
        await refreshPending();
        update({ online: true, lastSuccessAt: clock.now(), lastError: null, consecutiveFailures: 0 });
        return ok({ pushed: pushed.value.pushed, failed: pushed.value.failed, pulled: pulled.value.pulled, uploaded: uploaded.value });
      } finally {
        update({ syncing: false });
        round = null;
      }
    })();
    return round;
  }

  async function fail(failure: CallFailure): Promise<Result<SyncRound, Failure>> {
    await refreshPending();
    const { status: httpStatus, ...rest } = failure;
    // No answer or a 5xx: offline (or the server is down). A 4xx is an answer: the line is up, something is wrong.
    // A local store failure (status -1) says nothing about the line: keep what we knew.
    const online = httpStatus < 0 ? status.online : httpStatus > 0 && !isRetryable(failure);
    update({ online, lastError: rest, consecutiveFailures: status.consecutiveFailures + 1 });
    if (httpStatus >= 400 && httpStatus < 500) log.warn('sync refused', { code: failure.code, status: httpStatus });
    return err(rest);
  }

  /** Compares the partition's checksum with the local records: the technician's "verify" (a full local scan). */
  async function verify(): Promise<Result<boolean, Failure>> {
    const creds = deps.credentials();
    if (creds === null || store.partitionChecksum === undefined) return err(syncFailures.notEnrolled());
    const rounded = await syncOnce();
    if (!rounded.ok) return rounded;
    const cp = await store.checkpoint();
    if (!cp.ok) return cp;
    const page = await call(
      transport,
      `${creds.baseUrl}${paths.changes(creds.unitId)}?since=${cp.value?.rev ?? 0}&limit=1&checksum=true`,
      { method: 'GET', headers: jsonHeaders(creds.token) },
      changesResponseSchema,
    );
    if (!page.ok) return err(page.error);
    if (page.value.kind !== 'changes' || page.value.checksum === undefined) return ok(false);
    const mine = await store.partitionChecksum(creds.unitId);
    if (!mine.ok) return mine;
    const theirs = page.value.checksum;
    const same = mine.value.count === theirs.count && mine.value.sumRev === theirs.sumRev && mine.value.digest === theirs.digest;
    update({ diverged: !same });
    return ok(same);
  }

  /** Resolves when the partition moved past our checkpoint (or the poll ended); falls back to sleeping. */
  async function waitForChanges(): Promise<void> {
    const creds = deps.credentials();
    const since = status.checkpoint?.rev;
    if (creds === null || since === undefined || options.longPollMs <= 0) return clock.sleep(options.idleMs);
    const answer = await call(
      transport,
      `${creds.baseUrl}${paths.wait(creds.unitId)}?since=${since}&timeoutMs=${options.longPollMs}`,
      { method: 'GET', headers: jsonHeaders(creds.token) },
      waitResponseSchema,
    );
    // An old server without the long poll, or a failed poll: wait the ordinary pause instead of spinning.
    if (!answer.ok) return clock.sleep(options.idleMs);
  }

  async function loop(): Promise<void> {
    while (running) {
      requested = false;
      const result = await syncOnce();
      if (!running) return;
      if (requested && result.ok) continue;
      const pause = result.ok ? waitForChanges() : clock.sleep(backoffDelay(status.consecutiveFailures, deps.random, options.backoff));
      await Promise.race([pause, new Promise<void>((resolve) => (wake = resolve))]);
      wake = null;
    }
  }

  return {
    syncOnce,
    verify,
    status: (): SyncStatus => status,
    subscribe(listener: (s: SyncStatus) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Starts the background loop (idempotent). */
    start(): void {
      if (running) return;
      running = true;
      void refreshPending();
      void loop();
    },
    stop(): void {
      running = false;
      wake?.();
    },
    /** A local write happened or the technician pressed "sync now": skip the wait. */
    requestSync(): void {
      requested = true;
      void refreshPending();
      wake?.();
    },
    refreshPending,
  };
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
