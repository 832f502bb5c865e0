import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { recordCodeDay } from '../src-shared/domain/records';
import { mondayMorning, sampleOfficer, sampleReceipt } from '../src-shared/domain/records/fixtures.testing';
import { createMemoryKiosk } from '../src-shared/sync/memory-kiosk.testing';
import { changesResponseSchema, codeBlockSchema, pushResponseSchema, serverTicketSchema, type ChangesResponse } from '../src-shared/sync/protocol';
import { createSyncEngine } from '../src-shared/sync/engine';
import { createCenterClient } from '../src-shared/sync/center-client';
import { partitionDigest } from '../src-shared/sync/partition-digest';
import { bearer, enrollVia, injectTransport, nextUnit, postgresSkipped, storageKinds, useHarness } from './harness.testing';

const clock = { now: () => mondayMorning, sleep: async () => undefined };

describe.each(storageKinds)('sync server on %s', (kind) => {
  const h = useHarness(kind);

  const skip = postgresSkipped(kind);
  const auth = bearer;

  async function kioskWith(unit: string, kioskId: string) {
    const enrolled = await enrollVia(h.app, unit, kioskId);
    const memory = createMemoryKiosk({ kioskId, unitId: unit, slot: enrolled.kioskSlot, counterId: 'q1' });
    const engine = createSyncEngine({
      credentials: () => ({ baseUrl: 'http://sync', token: enrolled.token, unitId: unit }),
      transport: injectTransport(() => h.app),
      store: memory.port,
      clock,
      random: () => 0.5,
    });
    return { enrolled, memory, engine };
  }

  async function changes(token: string, unit: string, since = 0, limit = 1000, epoch?: string, checksum = false): Promise<ChangesResponse> {
    const query = `since=${since}&limit=${limit}${epoch === undefined ? '' : `&epoch=${epoch}`}${checksum ? '&checksum=true' : ''}`;
    const res = await h.app.inject({ method: 'GET', url: `/v1/partitions/${unit}/changes?${query}`, headers: auth(token) });
    expect(res.statusCode).toBe(200);
    return changesResponseSchema.parse(res.json());
  }

  it.skipIf(skip)('enrolls kiosks with one-time codes into distinct slots, hashed credentials, and refuses strangers', async () => {
    const unit = nextUnit();
    const a = await enrollVia(h.app, unit, 'k-a');
    const b = await enrollVia(h.app, unit, 'k-b');
    expect([a.unitId, b.unitId]).toEqual([unit, unit]);
    expect(a.kioskSlot).not.toBe(b.kioskSlot);
    const stored = await h.db.query('SELECT token_hash FROM kiosks WHERE kiosk_id = $1', ['k-a']);
    expect(stored[0]?.token_hash).toBe(createHash('sha256').update(a.token).digest('hex'));

    const code = (await h.app.inject({ method: 'POST', url: `/v1/centers/${unit}/enrollment-codes`, headers: auth(h.adminTokenFor(unit)), payload: {} })).json<{ code: string }>();
    expect((await h.app.inject({ method: 'POST', url: '/v1/enroll', payload: { code: code.code, kioskId: 'k-c' } })).statusCode).toBe(200);
    const again = await h.app.inject({ method: 'POST', url: '/v1/enroll', payload: { code: code.code, kioskId: 'k-d' } });
    expect(again.statusCode).toBe(403);
    expect(again.json<{ error: { code: string; message: string } }>().error.code).toBe('sync.enrollment-invalid');

    // A kiosk token cannot create codes, nor read another Center; no token at all is 401.
    expect((await h.app.inject({ method: 'POST', url: `/v1/centers/${unit}/enrollment-codes`, headers: auth(a.token), payload: {} })).statusCode).toBe(403);
    const other = nextUnit();
    await enrollVia(h.app, other, 'k-other');
    expect((await h.app.inject({ method: 'GET', url: `/v1/partitions/${other}/changes`, headers: auth(a.token) })).statusCode).toBe(403);
    expect((await h.app.inject({ method: 'GET', url: `/v1/partitions/${other}/changes`, headers: auth(h.provinceToken) })).statusCode).toBe(200);
    expect((await h.app.inject({ method: 'GET', url: `/v1/partitions/${other}/changes` })).statusCode).toBe(401);
  });

  it.skipIf(skip)('answers duplicates as success, refuses gaps with the expected id, and never lets a poison mutation block the queue', async () => {
    const unit = nextUnit();
    const { enrolled, memory, engine } = await kioskWith(unit, `k-${unit}`);
    const r = memory.receiveRecord(sampleReceipt(), mondayMorning, sampleOfficer);
    if (!r.ok) throw new Error(r.error.messageEn);
    memory.writePoison(r.value.id, mondayMorning + 1, sampleOfficer); // 2 → 1 is not in the lifecycle
    memory.receiveRecord(sampleReceipt(), mondayMorning + 2, sampleOfficer); // the queue goes on after the refusal
    const outbox = [...memory.outbox()];

    const first = await h.app.inject({ method: 'POST', url: '/v1/push', headers: auth(enrolled.token), payload: { mutations: outbox, pending: { count: 3, oldestCreatedAt: mondayMorning } } });
    const body = pushResponseSchema.parse(first.json());
    expect(body.lastMutationId).toBe(3);
    expect(body.results.map((x) => x.status)).toEqual(['applied', 'failed', 'applied']);
    expect(body.results[1]?.error?.code).toBe('records.transition-not-allowed');
    expect(body.results[1]?.error?.message).toMatch(/Không thể/);

    const dup = pushResponseSchema.parse((await h.app.inject({ method: 'POST', url: '/v1/push', headers: auth(enrolled.token), payload: { mutations: outbox, pending: { count: 3, oldestCreatedAt: 1 } } })).json());
    expect(dup.results.map((x) => x.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);

    const gap = await h.app.inject({ method: 'POST', url: '/v1/push', headers: auth(enrolled.token), payload: { mutations: [{ ...outbox[0], mutationId: 6 }], pending: { count: 1, oldestCreatedAt: 1 } } });
    expect(gap.statusCode).toBe(409);
    expect(gap.json<{ expectedMutationId: number }>().expectedMutationId).toBe(4);

    const logged = await h.db.query('SELECT mutation_id, status FROM mutations WHERE kiosk_id = $1 ORDER BY mutation_id', [enrolled.kioskId]);
    expect(logged.map((x) => [Number(x.mutation_id), x.status])).toEqual([[1, 'applied'], [2, 'failed'], [3, 'applied']]);

    // The engine pulls the server's record (status 2: the refused move undone, with the revision) over its copy.
    expect(memory.records().get(r.value.id)?.status).toBe(1);
    await memory.port.acknowledge(3, []);
    const round = await engine.syncOnce();
    expect(round.ok).toBe(true);
    const local = memory.records().get(r.value.id);
    expect(local?.status).toBe(2);
    expect(local?.rev).toBeGreaterThan(0);
  });

  it.skipIf(skip)('records a lost update as failed and gives the record a new revision so the loser converges', async () => {
    const unit = nextUnit();
    const a = await kioskWith(unit, `ka-${unit}`);
    const b = await kioskWith(unit, `kb-${unit}`);
    const r = a.memory.receiveRecord(sampleReceipt(), mondayMorning, sampleOfficer);
    if (!r.ok) throw new Error('setup');
    expect((await a.engine.syncOnce()).ok).toBe(true);
    expect((await b.engine.syncOnce()).ok).toBe(true);
    // Both move the same version offline; A reaches the server first.
    a.memory.transitionRecord(r.value.id, { to: 4, at: mondayMorning + 10, actor: sampleOfficer });
    b.memory.transitionRecord(r.value.id, { to: 5, at: mondayMorning + 20, actor: sampleOfficer, note: 'Thiếu giấy tờ' });
    expect((await a.engine.syncOnce()).ok).toBe(true);
    const round = await b.engine.syncOnce();
    expect(round.ok && round.value.failed).toBe(1);
    expect(b.engine.status().failedMutations).toBe(1);
    expect(b.memory.records().get(r.value.id)?.status).toBe(4);
    const server = await changes(b.enrolled.token, unit);
    expect(server.kind === 'changes' && server.records.find((x) => x.id === r.value.id)).toEqual(b.memory.records().get(r.value.id));
  });

  it.skipIf(skip)('pages by revision, ends with the checksum, and asks for a refetch on another epoch, a future checkpoint or below the horizon', async () => {
    const unit = nextUnit();
    const { enrolled, memory, engine } = await kioskWith(unit, `k-${unit}`);
    for (let i = 0; i < 7; i += 1) memory.receiveRecord(sampleReceipt(), mondayMorning + i, sampleOfficer);
    expect((await engine.syncOnce()).ok).toBe(true);
    const p1 = await changes(enrolled.token, unit, 0, 3, undefined, true);
    if (p1.kind !== 'changes') throw new Error('page');
    expect([p1.records.length, p1.hasMore, p1.checksum]).toEqual([3, true, undefined]);
    const p3 = await changes(enrolled.token, unit, 6, 3, undefined, true);
    if (p3.kind !== 'changes') throw new Error('page');
    expect(p3.hasMore).toBe(false);
    // The digest in SQL is the kiosks' digest of the same records (partition-digest.ts).
    const all = await changes(enrolled.token, unit, 0, 100);
    if (all.kind !== 'changes') throw new Error('page');
    expect(p3.checksum).toEqual({ count: 7, sumRev: 1 + 2 + 3 + 4 + 5 + 6 + 7, digest: partitionDigest(all.records), rev: 7 });
    expect((await changes(enrolled.token, unit, 0, 10, 'another-epoch')).kind).toBe('refetch');
    expect(await changes(enrolled.token, unit, 99)).toMatchObject({ kind: 'refetch', reason: 'ahead-of-server' });
    await h.app.inject({ method: 'POST', url: `/v1/partitions/${unit}/compact`, headers: auth(h.adminTokenFor(unit)) });
    expect(await changes(enrolled.token, unit, 3)).toMatchObject({ kind: 'refetch', reason: 'compacted' });
    // The engine follows a refetch from scratch and ends with the same checksum as the server.
    await memory.port.applyPulled([], { epoch: 'old-epoch', rev: 3 });
    expect((await engine.syncOnce()).ok).toBe(true);
    expect(memory.checkpoint()?.epoch).toBe(h.store.epoch);
    expect(await engine.verify()).toEqual({ ok: true, value: true });
    // A kiosk that holds one record at a wrong revision and another ahead by as much has the same count and sum of
    // revisions, but not the same digest: verify says it differs.
    const [first, second] = [...memory.records().values()].sort((x, y) => x.rev - y.rev);
    if (first === undefined || second === undefined) throw new Error('records');
    await memory.port.applyPulled([{ ...first, rev: first.rev + 1 }, { ...second, rev: second.rev - 1 }], { epoch: h.store.epoch, rev: 7 });
    expect(await engine.verify()).toEqual({ ok: true, value: false });
  });

  it.skipIf(skip)('answers a long poll as soon as another kiosk’s push commits', async () => {
    const unit = nextUnit();
    const a = await kioskWith(unit, `ka-${unit}`);
    const b = await kioskWith(unit, `kb-${unit}`);
    expect((await b.engine.syncOnce()).ok).toBe(true);
    const waiting = h.app.inject({ method: 'GET', url: `/v1/partitions/${unit}/wait?since=0&timeoutMs=20000`, headers: auth(b.enrolled.token) });
    a.memory.receiveRecord(sampleReceipt(), mondayMorning, sampleOfficer);
    expect((await a.engine.syncOnce()).ok).toBe(true);
    expect((await waiting).json()).toEqual({ rev: 1, epoch: h.store.epoch });
    const idle = await h.app.inject({ method: 'GET', url: `/v1/partitions/${unit}/wait?since=1&timeoutMs=0`, headers: auth(b.enrolled.token) });
    expect(idle.json()).toEqual({ rev: 1, epoch: h.store.epoch });
  });

  it.skipIf(skip)('takes attachments in chunks, resumes at the held offset, verifies the hash and stores each once', async () => {
    const unit = nextUnit();
    const { enrolled } = await kioskWith(unit, `k-${unit}`);
    const bytes = new Uint8Array(300_000).map((_, i) => (i * 7) % 251);
    const hash = createHash('sha256').update(bytes).digest('hex');
    const put = (offset: number, chunk: Uint8Array) =>
      h.app.inject({
        method: 'PUT',
        url: `/v1/blobs/${hash}`,
        headers: { ...auth(enrolled.token), 'content-type': 'application/octet-stream', 'upload-offset': String(offset), 'upload-length': String(bytes.length) },
        payload: Buffer.from(chunk),
      });
    expect((await h.app.inject({ method: 'HEAD', url: `/v1/blobs/${hash}`, headers: auth(enrolled.token) })).statusCode).toBe(404);
    expect((await put(0, bytes.subarray(0, 100_000))).statusCode).toBe(200);
    const head = await h.app.inject({ method: 'HEAD', url: `/v1/blobs/${hash}`, headers: auth(enrolled.token) });
    expect([head.headers['upload-offset'], head.headers['upload-complete']]).toEqual(['100000', '?0']);
    const wrong = await put(0, bytes.subarray(0, 100_000));
    expect([wrong.statusCode, wrong.json<{ offset: number }>().offset]).toEqual([409, 100_000]);
    expect((await put(100_000, bytes.subarray(100_000))).json()).toEqual({ offset: 300_000, complete: true });
    expect((await put(0, bytes)).json()).toEqual({ offset: 300_000, complete: true });
    const got = await h.app.inject({ method: 'GET', url: `/v1/blobs/${hash}`, headers: auth(enrolled.token) });
    expect(createHash('sha256').update(got.rawPayload).digest('hex')).toBe(hash);

    const liar = createHash('sha256').update('something else').digest('hex');
    const bad = await h.app.inject({
      method: 'PUT',
      url: `/v1/blobs/${liar}`,
      headers: { ...auth(enrolled.token), 'content-type': 'application/octet-stream', 'upload-offset': '0', 'upload-length': '4' },
      payload: Buffer.from('abcd'),
    });
    expect([bad.statusCode, bad.json<{ error: { code: string } }>().error.code]).toEqual([422, 'sync.blob-hash-mismatch']);
  });

  it.skipIf(skip)('uploads a record’s pages after its metadata, through the engine', async () => {
    const unit = nextUnit();
    const { memory, engine, enrolled } = await kioskWith(unit, `k-${unit}`);
    const page = new Uint8Array(700_000).map((_, i) => i % 13);
    const hash = createHash('sha256').update(page).digest('hex');
    memory.putBlob(hash, page);
    memory.receiveRecord(sampleReceipt({ documents: [{ name: 'Tờ khai', original: 1, certifiedCopy: 0, photocopy: 0, pageHashes: [hash] }] }), mondayMorning, sampleOfficer);
    const round = await engine.syncOnce();
    expect(round.ok && round.value.uploaded).toBe(1);
    const head = await h.app.inject({ method: 'HEAD', url: `/v1/blobs/${hash}`, headers: auth(enrolled.token) });
    expect(head.headers['upload-complete']).toBe('?1');
  });

  it.skipIf(skip)('gives each waiting ticket to one counter only, numbering per field per day', async () => {
    const unit = nextUnit();
    const { enrolled } = await kioskWith(unit, `k-${unit}`);
    const issue = async (fieldCode: string) =>
      serverTicketSchema.parse((await h.app.inject({ method: 'POST', url: `/v1/centers/${unit}/tickets`, headers: auth(enrolled.token), payload: { fieldCode } })).json());
    const issued = await Promise.all([issue('ho-tich'), issue('ho-tich'), issue('dat-dai'), issue('ho-tich')]);
    expect(issued.filter((t) => t.fieldCode === 'ho-tich').map((t) => t.number).sort()).toEqual([1, 2, 3]);
    expect(issued.find((t) => t.fieldCode === 'dat-dai')?.number).toBe(1);
    // The typed client the kiosk uses gives the next number of a field and calls through the same authority.
    const center = createCenterClient(injectTransport(() => h.app), () => ({ baseUrl: 'http://sync', token: enrolled.token, unitId: unit }));
    const viaClient = await center.issueTicket({ fieldCode: 'dat-dai', priority: true });
    expect(viaClient?.ok && viaClient.value.number).toBe(2);
    const call = (counterId: string) =>
      h.app.inject({ method: 'POST', url: `/v1/centers/${unit}/tickets/next`, headers: auth(enrolled.token), payload: { counterId, fieldCodes: [] } }).then((r) => r.json<{ ticket: { id: string } | null }>().ticket);
    const called = await Promise.all([call('q1'), call('q2'), call('q3'), call('q1'), call('q2')]);
    const ids = called.flatMap((t) => (t === null ? [] : [t.id]));
    expect(ids).toHaveLength(5);
    expect(new Set(ids).size).toBe(5);
    const none = await center.callNext('q9', []);
    expect(none).toEqual({ ok: true, value: null });
  });

  it.skipIf(skip)('leases record-code blocks that never overlap and never touch an enrolled kiosk’s slot thousands', async () => {
    const unit = nextUnit();
    const a = await kioskWith(unit, `ka-${unit}`);
    const b = await kioskWith(unit, `kb-${unit}`);
    const lease = (token: string, size: number) =>
      h.app.inject({ method: 'POST', url: `/v1/centers/${unit}/code-blocks`, headers: auth(token), payload: { day: recordCodeDay(Date.now()), size } }).then((r) => codeBlockSchema.parse(r.json()));
    const blocks = await Promise.all([lease(a.enrolled.token, 400), lease(b.enrolled.token, 400), lease(a.enrolled.token, 400), lease(b.enrolled.token, 999)]);
    const taken = new Set<number>();
    const slots = new Set([a.enrolled.kioskSlot, b.enrolled.kioskSlot]);
    for (const block of blocks) {
      for (let n = block.first; n <= block.last; n += 1) {
        expect(taken.has(n)).toBe(false);
        expect(slots.has(Math.floor(n / 1000))).toBe(false);
        taken.add(n);
      }
    }
    // A kiosk enrolled later does not get a slot whose thousand is already leased.
    const c = await enrollVia(h.app, unit, `kc-${unit}`);
    expect(blocks.some((bl) => Math.floor(bl.first / 1000) === c.kioskSlot)).toBe(false);
  });

  it.skipIf(skip)('reports health and per-kiosk queue depth, oldest pending, last contact and partition revisions', async () => {
    const unit = nextUnit();
    const { enrolled, memory, engine } = await kioskWith(unit, `k-${unit}`);
    memory.receiveRecord(sampleReceipt(), mondayMorning, sampleOfficer);
    await engine.syncOnce();
    expect((await h.app.inject({ method: 'GET', url: '/health' })).json()).toMatchObject({ ok: true, storage: kind });
    const res = await h.app.inject({ method: 'GET', url: '/v1/metrics', headers: auth(h.provinceToken) });
    const m = res.json<{ kiosks: { kioskId: string; lastMutationId: number; pendingReported: number; lastContactAt: number }[]; partitions: { unitId: string; rev: number }[] }>();
    expect(m.kiosks.find((k) => k.kioskId === enrolled.kioskId)).toMatchObject({ lastMutationId: 1, pendingReported: 0 });
    expect(m.partitions.find((p) => p.unitId === unit)?.rev).toBe(1);
    expect((await h.app.inject({ method: 'GET', url: '/v1/metrics', headers: auth(enrolled.token) })).statusCode).toBe(403);
  });
});
