import { createHash, randomUUID } from 'node:crypto';
import { recordCodeDay, type AdministrativeRecord } from '../src-shared/domain/records';
import { createLogger } from '../src-shared/log';
import { err, FailureError, ok, type Failure, type Result } from '../src-shared/result';
import { syncFailures } from '../src-shared/sync/errors';
import type {
  ChangesResponse,
  CodeBlock,
  EnrollmentCode,
  EnrollResponse,
  KioskState,
  MutationResult,
  PushRequest,
  PushResponse,
} from '../src-shared/sync/protocol';
import { applyMutation, type Batch, type ServerRecord } from './apply-mutations';
import { createCenterQueue } from './center-queue';
import { newEnrollmentCode, newToken, normalizeEnrollmentCode, sha256Hex, type Principal } from './auth';
import { int, intOrNull, type Database, type Sql } from './db/database';
import { partitionDigestSql } from '../src-shared/sync/partition-digest';
import { migrate } from './db/migrations';
import { ratingCounts, writeRatings } from './ratings-store';
import { createCitizenDocumentsStore, writeKeptDocuments } from './citizen-documents-store';

const log = createLogger('sync-server/store');

export type PushOutcome = Result<PushResponse, Failure> | { readonly ok: false; readonly gap: { readonly expected: number; readonly got: number } };

export type SyncStoreDeps = { readonly now: () => number };

export type SyncStore = Awaited<ReturnType<typeof createSyncStore>>;

/**
 * Everything the server keeps, in SQL written once for PGlite and PostgreSQL. Invariants that several server
 * instances must not break are held by row locks taken inside each transaction: the kiosk row (its last mutation
 * id) and then the partition row (its revision), always in that order, so two pushes never interleave on either
 * and never deadlock.
 */
export async function createSyncStore(db: Database, deps: SyncStoreDeps) {
  const { now } = deps;
  const { epoch } = await migrate(db, randomUUID);
  /** Long polls waiting on a partition, woken after a push to it commits on this instance. */
  const waiters = new Map<string, Set<() => void>>();
  const notify = (unitId: string): void => {
    const set = waiters.get(unitId);
    waiters.delete(unitId);
    for (const wake of set ?? []) wake();
  };

  async function ensurePartition(sql: Sql, unitId: string): Promise<void> {
    await sql.query('INSERT INTO partitions (unit_id) VALUES ($1) ON CONFLICT (unit_id) DO NOTHING', [unitId]);
  }

  async function lockPartition(sql: Sql, unitId: string): Promise<{ rev: number; horizon: number }> {
    const rows = await sql.query('SELECT rev, horizon_rev FROM partitions WHERE unit_id = $1 FOR UPDATE', [unitId]);
    const row = rows[0];
    if (row === undefined) throw new FailureError(syncFailures.notFound(`partition ${unitId}`));
    return { rev: int(row.rev), horizon: int(row.horizon_rev) };
  }

  // ---- credentials
  async function kioskByToken(token: string): Promise<Principal | null> {
    const rows = await db.query('SELECT kiosk_id, unit_id, slot FROM kiosks WHERE token_hash = $1', [sha256Hex(token)]);
    const row = rows[0];
    if (row === undefined) return null;
    return { kind: 'kiosk', kioskId: String(row.kiosk_id), unitId: String(row.unit_id), slot: int(row.slot) };
  }

  async function createEnrollmentCode(unitId: string, ttlMinutes = 24 * 60): Promise<EnrollmentCode> {
    const code = newEnrollmentCode();
    const expiresAt = now() + ttlMinutes * 60_000;
    await db.transaction(async (sql) => {
      await ensurePartition(sql, unitId);
      await sql.query('INSERT INTO enrollment_codes (code_hash, unit_id, expires_at) VALUES ($1, $2, $3)', [
        sha256Hex(normalizeEnrollmentCode(code)),
        unitId,
        expiresAt,
      ]);
    });
    log.info('enrollment code created', { unitId, expiresAt });
    return { code, unitId, expiresAt };
  }

  /** One-time code → the kiosk's own credential and a free slot (0–9) of its unit, which makes its codes unique. */
  async function enroll(code: string, kioskId: string): Promise<Result<EnrollResponse, Failure>> {
    try {
      return ok(
        await db.transaction(async (sql) => {
          const at = now();
          const used = await sql.query(
            'UPDATE enrollment_codes SET used_at = $2 WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING unit_id',
            [sha256Hex(normalizeEnrollmentCode(code)), at],
          );
          const unitId = used[0]?.unit_id;
          if (typeof unitId !== 'string') throw new FailureError(syncFailures.enrollmentInvalid());
          // Lock order everywhere: kiosk row, then partition row (a push does the same), so no deadlock.
          const existing = (await sql.query('SELECT unit_id, slot FROM kiosks WHERE kiosk_id = $1 FOR UPDATE', [kioskId]))[0];
          await lockPartition(sql, unitId);
          const token = newToken();
          let slot: number;
          if (existing !== undefined) {
            // Re-enrolling (a lost credential): same slot, same mutation position; the old credential dies.
            if (existing.unit_id !== unitId) throw new FailureError(syncFailures.forbidden(`kiosk ${kioskId} of another unit`));
            slot = int(existing.slot);
            await sql.query('UPDATE kiosks SET token_hash = $2 WHERE kiosk_id = $1', [kioskId, sha256Hex(token)]);
          } else {
            const taken = new Set((await sql.query('SELECT slot FROM kiosks WHERE unit_id = $1', [unitId])).map((r) => int(r.slot)));
            // A thousand already leased as a code block from today on cannot become a slot: its codes would clash.
            const leased = await sql.query('SELECT DISTINCT first / 1000 AS t FROM code_blocks WHERE unit_id = $1 AND day >= $2', [unitId, recordCodeDay(at)]);
            for (const r of leased) taken.add(int(r.t));
            const free = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].find((s) => !taken.has(s));
            if (free === undefined) throw new FailureError(syncFailures.noFreeSlot(unitId));
            slot = free;
            await sql.query('INSERT INTO kiosks (kiosk_id, unit_id, slot, token_hash, enrolled_at) VALUES ($1, $2, $3, $4, $5)', [
              kioskId,
              unitId,
              slot,
              sha256Hex(token),
              at,
            ]);
          }
          log.info('kiosk enrolled', { kioskId, unitId, slot });
          return { kioskId, unitId, kioskSlot: slot, token, epoch };
        }),
      );
    } catch (error) {
      if (error instanceof FailureError) return err(error.failure);
      throw error;
    }
  }

  async function kioskState(kioskId: string): Promise<KioskState | null> {
    const row = (await db.query('SELECT unit_id, slot, last_mutation_id FROM kiosks WHERE kiosk_id = $1', [kioskId]))[0];
    if (row === undefined) return null;
    return { kioskId, unitId: String(row.unit_id), kioskSlot: int(row.slot), lastMutationId: int(row.last_mutation_id), epoch };
  }

  // ---- push
  async function loadBatch(sql: Sql, unitId: string, rev: number, request: PushRequest): Promise<Batch> {
    const ids = [...new Set(request.mutations.map((m) => m.entityId))];
    const codes = request.mutations.flatMap((m) => {
      const code = m.kind === 'record.receive' ? codeOf(m.payload) : undefined;
      return code === undefined ? [] : [code];
    });
    const records = new Map<string, ServerRecord>();
    for (const row of await sql.query('SELECT id, unit_id, rev, data FROM records WHERE id = ANY($1::text[])', [ids])) {
      records.set(String(row.id), { record: row.data as AdministrativeRecord, unitId: String(row.unit_id), rev: int(row.rev), dirty: false });
    }
    const taken = new Map<string, string>();
    if (codes.length > 0) {
      for (const row of await sql.query('SELECT code, id FROM records WHERE unit_id = $1 AND code = ANY($2::text[])', [unitId, codes])) {
        taken.set(String(row.code), String(row.id));
      }
    }
    return { unitId, records, codes: taken, ratings: new Map(), citizenDocuments: new Map(), rev };
  }

  /**
   * Applies a kiosk's mutations in id order: ids ≤ last are duplicates (success), the first new id must be
   * last + 1 (else a gap: nothing is applied). Effects, the mutation log and the kiosk's last id commit together.
   */
  async function push(kiosk: Extract<Principal, { kind: 'kiosk' }>, request: PushRequest): Promise<PushOutcome> {
    const at = now();
    const outcome = await db.transaction(async (sql): Promise<PushOutcome> => {
      const kioskRow = (await sql.query('SELECT last_mutation_id FROM kiosks WHERE kiosk_id = $1 FOR UPDATE', [kiosk.kioskId]))[0];
      if (kioskRow === undefined) return err(syncFailures.unauthorized());
      const last = int(kioskRow.last_mutation_id);
      const results: MutationResult[] = [];
      const fresh: PushRequest['mutations'] = [];
      let expected = last + 1;
      for (const m of request.mutations) {
        if (m.mutationId < expected) {
          if (fresh.length === 0) results.push({ mutationId: m.mutationId, status: 'duplicate' });
          continue;
        }
        if (m.mutationId !== expected) {
          if (fresh.length === 0) return { ok: false, gap: { expected, got: m.mutationId } };
          break; // apply the contiguous prefix; the client will resend the rest
        }
        fresh.push(m);
        expected += 1;
      }
      const pendingAfter = Math.max(0, request.pending.count - (expected - 1 - last));
      if (fresh.length > 0) {
        const partition = await lockPartition(sql, kiosk.unitId);
        const batch = await loadBatch(sql, kiosk.unitId, partition.rev, { ...request, mutations: fresh });
        const logRows: LogRow[] = [];
        for (const m of fresh) {
          const applied = applyMutation(batch, m);
          if (applied.status === 'applied') {
            results.push({ mutationId: m.mutationId, status: 'applied' });
            logRows.push({ m, status: 'applied', error: null });
          } else {
            const { code, message, messageEn } = applied.error;
            results.push({ mutationId: m.mutationId, status: 'failed', error: { code, message, messageEn } });
            logRows.push({ m, status: 'failed', error: { code, message, messageEn } });
          }
        }
        await writeRecords(sql, [...batch.records.entries()].filter(([, r]) => r.dirty));
        await writeRatings(sql, kiosk.unitId, kiosk.kioskId, [...batch.ratings.values()], at);
        await writeKeptDocuments(sql, kiosk.unitId, kiosk.kioskId, [...batch.citizenDocuments.values()], at);
        await writeLog(sql, kiosk.kioskId, logRows, at);
        await sql.query('UPDATE partitions SET rev = $2 WHERE unit_id = $1', [kiosk.unitId, batch.rev]);
      }
      await sql.query(
        'UPDATE kiosks SET last_mutation_id = $2, last_contact_at = $3, pending_count = $4, oldest_pending_at = $5 WHERE kiosk_id = $1',
        [kiosk.kioskId, expected - 1, at, pendingAfter, pendingAfter === 0 ? null : request.pending.oldestCreatedAt],
      );
      return ok({ lastMutationId: expected - 1, results });
    });
    if (outcome.ok && outcome.value.results.some((r) => r.status !== 'duplicate')) notify(kiosk.unitId);
    if (!outcome.ok && 'gap' in outcome) await touch(kiosk.kioskId, at, request.pending.count, request.pending.oldestCreatedAt);
    return outcome;
  }

  type LogRow = { m: PushRequest['mutations'][number]; status: 'applied' | 'failed'; error: { code: string; message: string; messageEn: string } | null };

  async function writeRecords(sql: Sql, dirty: [string, ServerRecord][]): Promise<void> {
    if (dirty.length === 0) return;
    // Set-based: one statement per batch (PERFORMANCE.md: ~4× one statement per row).
    await sql.query(
      `INSERT INTO records (id, unit_id, code, rev, version, data)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::int[], $6::jsonb[])
       ON CONFLICT (id) DO UPDATE SET rev = excluded.rev, version = excluded.version, data = excluded.data`,
      [
        dirty.map(([id]) => id),
        dirty.map(([, r]) => r.unitId),
        dirty.map(([, r]) => r.record.code),
        dirty.map(([, r]) => r.rev),
        dirty.map(([, r]) => r.record.version),
        dirty.map(([, r]) => JSON.stringify({ ...r.record, rev: 0 })),
      ],
    );
  }

  async function writeLog(sql: Sql, kioskId: string, rows: LogRow[], at: number): Promise<void> {
    await sql.query(
      `INSERT INTO mutations (kiosk_id, mutation_id, status, kind, entity_id, error, payload, processed_at)
       SELECT $1, t.id, t.status, t.kind, t.entity, t.error, t.payload, $2
       FROM unnest($3::bigint[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::jsonb[]) AS t(id, status, kind, entity, error, payload)`,
      [
        kioskId,
        at,
        rows.map((r) => r.m.mutationId),
        rows.map((r) => r.status),
        rows.map((r) => r.m.kind),
        rows.map((r) => r.m.entityId),
        rows.map((r) => (r.error === null ? null : JSON.stringify(r.error))),
        // A refused mutation keeps its payload for the technician; an applied one lives on in the record.
        rows.map((r) => (r.status === 'failed' ? JSON.stringify(r.m.payload ?? null) : null)),
      ],
    );
  }

  async function touch(kioskId: string, at: number, pending: number, oldest: number | null): Promise<void> {
    await db.query('UPDATE kiosks SET last_contact_at = $2, pending_count = $3, oldest_pending_at = $4 WHERE kiosk_id = $1', [
      kioskId,
      at,
      pending,
      pending === 0 ? null : oldest,
    ]);
  }

  // ---- pull
  /**
   * A page of the partition's changes. The checksum (a scan of the whole partition) is taken only when asked for:
   * the technician's "verify", not every kiosk's every round.
   */
  async function changes(
    unitId: string,
    since: number,
    limit: number,
    clientEpoch: string | undefined,
    options: { readonly kioskId?: string; readonly withChecksum?: boolean } = {},
  ): Promise<ChangesResponse | null> {
    const { kioskId } = options;
    if (kioskId !== undefined) await db.query('UPDATE kiosks SET last_contact_at = $2 WHERE kiosk_id = $1', [kioskId, now()]);
    return db.transaction(
      async (sql): Promise<ChangesResponse | null> => {
        const partition = (await sql.query('SELECT rev, horizon_rev FROM partitions WHERE unit_id = $1', [unitId]))[0];
        if (partition === undefined) return null;
        const rev = int(partition.rev);
        if (clientEpoch !== undefined && clientEpoch !== epoch) return { kind: 'refetch', epoch, reason: 'epoch' };
        if (since > rev) return { kind: 'refetch', epoch, reason: 'ahead-of-server' };
        if (since > 0 && since < int(partition.horizon_rev)) return { kind: 'refetch', epoch, reason: 'compacted' };
        const rows = await sql.query('SELECT rev, data FROM records WHERE unit_id = $1 AND rev > $2 ORDER BY rev LIMIT $3', [unitId, since, limit + 1]);
        const hasMore = rows.length > limit;
        const page = rows.slice(0, limit).map((r) => ({ ...(r.data as AdministrativeRecord), rev: int(r.rev) }));
        if (hasMore) return { kind: 'changes', epoch, partition: unitId, records: page, checkpoint: page[page.length - 1]?.rev ?? since, hasMore };
        // The last page ends at the partition's revision: revisions spent on rows later rewritten are skipped too.
        const last = { kind: 'changes' as const, epoch, partition: unitId, records: page, checkpoint: rev, hasMore };
        if (options.withChecksum !== true) return last;
        const sums = (await sql.query('SELECT count(*) AS n, coalesce(sum(rev), 0) AS s FROM records WHERE unit_id = $1', [unitId]))[0];
        const digested = (await sql.query(partitionDigestSql, [unitId]))[0]?.digest;
        const digest = typeof digested === 'string' ? digested : '';
        return { ...last, checksum: { count: int(sums?.n), sumRev: int(sums?.s), digest, rev } };
      },
      { isolation: 'repeatable read', readOnly: true },
    );
  }

  async function partitionRev(unitId: string): Promise<number | null> {
    const row = (await db.query('SELECT rev FROM partitions WHERE unit_id = $1', [unitId]))[0];
    return row === undefined ? null : int(row.rev);
  }

  /**
   * Waits until the partition's revision passes `since` (a kiosk's long poll: a change shows on the other kiosks
   * within a second instead of at their next poll). Woken at once by a push on this instance; another instance's
   * push is seen by re-reading every `recheckMs`.
   */
  async function waitForChange(unitId: string, since: number, timeoutMs: number, recheckMs = 1000): Promise<number | null> {
    const deadline = now() + timeoutMs;
    for (;;) {
      const rev = await partitionRev(unitId);
      if (rev === null || rev > since || now() >= deadline) return rev;
      await new Promise<void>((resolve) => {
        const set = waiters.get(unitId) ?? new Set<() => void>();
        waiters.set(unitId, set);
        const done = (): void => {
          clearTimeout(timer);
          set.delete(done);
          resolve();
        };
        const timer = setTimeout(done, Math.max(1, Math.min(recheckMs, deadline - now())));
        set.add(done);
      });
    }
  }

  /** Raises the partition's horizon: clients older than it must refetch (tombstones below it may be gone). */
  async function compact(unitId: string): Promise<number> {
    return db.transaction(async (sql) => {
      const partition = await lockPartition(sql, unitId);
      await sql.query('UPDATE partitions SET horizon_rev = rev WHERE unit_id = $1', [unitId]);
      return partition.rev;
    });
  }

  // ---- attachments
  async function blobStatus(hash: string): Promise<{ offset: number; complete: boolean } | null> {
    const row = (await db.query('SELECT size, complete FROM blobs WHERE hash = $1', [hash]))[0];
    return row === undefined ? null : { offset: int(row.size), complete: row.complete === true };
  }

  /** Appends a chunk at `offset` (must equal what is held); on the last byte verifies the SHA-256 and seals. */
  async function putChunk(hash: string, offset: number, total: number, data: Uint8Array): Promise<Result<{ offset: number; complete: boolean }, Failure & { held?: number }>> {
    return db.transaction(async (sql) => {
      await sql.query('INSERT INTO blobs (hash, created_at) VALUES ($1, $2) ON CONFLICT (hash) DO NOTHING', [hash, now()]);
      const row = (await sql.query('SELECT size, complete FROM blobs WHERE hash = $1 FOR UPDATE', [hash]))[0];
      const held = int(row?.size);
      if (row?.complete === true) return ok({ offset: held, complete: true });
      if (offset !== held) return err({ ...syncFailures.blobOffset(held), held });
      const end = held + data.length;
      if (data.length > 0) {
        await sql.query('INSERT INTO blob_chunks (hash, "offset", data) VALUES ($1, $2, $3)', [hash, held, data]);
        await sql.query('UPDATE blobs SET size = $2 WHERE hash = $1', [hash, end]);
      }
      if (end < total) return ok({ offset: end, complete: false });
      const digest = createHash('sha256');
      for (const chunk of await sql.query('SELECT data FROM blob_chunks WHERE hash = $1 ORDER BY "offset"', [hash])) {
        digest.update(chunk.data as Uint8Array);
      }
      if (end !== total || digest.digest('hex') !== hash) {
        await sql.query('DELETE FROM blob_chunks WHERE hash = $1', [hash]);
        await sql.query('UPDATE blobs SET size = 0 WHERE hash = $1', [hash]);
        return err(syncFailures.blobHashMismatch());
      }
      await sql.query('UPDATE blobs SET complete = true WHERE hash = $1', [hash]);
      return ok({ offset: end, complete: true });
    });
  }

  async function readBlob(hash: string): Promise<Uint8Array | null> {
    const status = await blobStatus(hash);
    if (status === null || !status.complete) return null;
    const chunks = (await db.query('SELECT data FROM blob_chunks WHERE hash = $1 ORDER BY "offset"', [hash])).map((r) => r.data as Uint8Array);
    const out = new Uint8Array(status.offset);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }

  // ---- shared Center state: tickets (center-queue.ts)
  const centerQueue = createCenterQueue(db, now);

  // ---- shared Center state: record-code blocks
  /**
   * Leases numbers NNNN of a unit's day to one kiosk. The thousands of enrolled kiosks' slots (their offline
   * fallback, docs/RECORD-CODES.md) are never leased, and the day's cursor moves under its row lock, so no two
   * kiosks ever hold the same number. A block never crosses a thousand.
   */
  async function leaseCodeBlock(kiosk: Extract<Principal, { kind: 'kiosk' }>, day: string, size: number): Promise<Result<CodeBlock, Failure>> {
    return db.transaction(async (sql) => {
      // The partition lock orders leases with enrollments, which pick slots by the thousands leased.
      await lockPartition(sql, kiosk.unitId);
      await sql.query('INSERT INTO code_block_days (unit_id, day, next_number) VALUES ($1, $2, 1) ON CONFLICT DO NOTHING', [kiosk.unitId, day]);
      const row = (await sql.query('SELECT next_number FROM code_block_days WHERE unit_id = $1 AND day = $2 FOR UPDATE', [kiosk.unitId, day]))[0];
      const reserved = new Set((await sql.query('SELECT slot FROM kiosks WHERE unit_id = $1', [kiosk.unitId])).map((r) => int(r.slot)));
      let first = int(row?.next_number);
      while (first <= 9999 && reserved.has(Math.floor(first / 1000))) first = (Math.floor(first / 1000) + 1) * 1000;
      if (first > 9999) return err(syncFailures.codesExhausted(day));
      const last = Math.min(first + size - 1, Math.floor(first / 1000) * 1000 + 999);
      await sql.query('UPDATE code_block_days SET next_number = $3 WHERE unit_id = $1 AND day = $2', [kiosk.unitId, day, last + 1]);
      await sql.query('INSERT INTO code_blocks (unit_id, day, first, last, kiosk_id, leased_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        kiosk.unitId,
        day,
        first,
        last,
        kiosk.kioskId,
        now(),
      ]);
      return ok({ unitId: kiosk.unitId, day, first, last });
    });
  }

  // ---- operations
  async function metrics(unitId?: string) {
    const at = now();
    const kiosks = await db.query(
      `SELECT kiosk_id, unit_id, slot, last_mutation_id, last_contact_at, pending_count, oldest_pending_at FROM kiosks
       WHERE $1::text IS NULL OR unit_id = $1 ORDER BY unit_id, slot`,
      [unitId ?? null],
    );
    const partitions = await db.query('SELECT unit_id, rev, horizon_rev FROM partitions WHERE $1::text IS NULL OR unit_id = $1 ORDER BY unit_id', [unitId ?? null]);
    const failed = await db.query(`SELECT kiosk_id, count(*) AS n FROM mutations WHERE status = 'failed' GROUP BY kiosk_id`);
    const failedBy = new Map(failed.map((r) => [String(r.kiosk_id), int(r.n)]));
    const ratingsBy = await ratingCounts(db, unitId);
    return {
      at,
      epoch,
      kiosks: kiosks.map((k) => {
        const oldest = intOrNull(k.oldest_pending_at);
        const contact = intOrNull(k.last_contact_at);
        return {
          kioskId: String(k.kiosk_id),
          unitId: String(k.unit_id),
          slot: int(k.slot),
          lastMutationId: int(k.last_mutation_id),
          pendingReported: int(k.pending_count),
          oldestPendingAt: oldest,
          oldestPendingAgeMs: oldest === null ? null : Math.max(0, at - oldest),
          lastContactAt: contact,
          failedMutations: failedBy.get(String(k.kiosk_id)) ?? 0,
        };
      }),
      partitions: partitions.map((p) => ({ unitId: String(p.unit_id), rev: int(p.rev), horizonRev: int(p.horizon_rev), ratings: ratingsBy.get(String(p.unit_id)) ?? 0 })),
    };
  }

  async function health(): Promise<{ ok: boolean; storage: Database['kind']; epoch: string }> {
    try {
      await db.query('SELECT 1');
      return { ok: true, storage: db.kind, epoch };
    } catch {
      return { ok: false, storage: db.kind, epoch };
    }
  }

  return {
    epoch,
    kind: db.kind,
    kioskByToken,
    createEnrollmentCode,
    enroll,
    kioskState,
    push,
    changes,
    waitForChange,
    compact,
    blobStatus,
    putChunk,
    readBlob,
    issueTicket: centerQueue.issueTicket,
    withdrawTickets: centerQueue.withdrawTickets,
    handOverTickets: centerQueue.handOverTickets,
    callNext: centerQueue.callNext,
    settleTicket: centerQueue.settleTicket,
    queueSummary: centerQueue.queueSummary,
    citizenDocuments: createCitizenDocumentsStore(db, now),
    leaseCodeBlock,
    metrics,
    health,
    close: () => db.close(),
  };
}

function codeOf(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null || !('record' in payload)) return undefined;
  const record = (payload).record;
  if (typeof record !== 'object' || record === null || !('code' in record)) return undefined;
  const code = (record).code;
  return typeof code === 'string' ? code : undefined;
}
