import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mondayMorning, sampleOfficer, sampleReceipt } from '../src-shared/domain/records/fixtures.testing';
import { createSyncEngine } from '../src-shared/sync/engine';
import { createMemoryKiosk } from '../src-shared/sync/memory-kiosk.testing';
import { codeBlockSchema, serverTicketSchema } from '../src-shared/sync/protocol';
import { recordCodeDay } from '../src-shared/domain/records';
import { enrollVia, freshPostgresDatabase, injectTransport, nextUnit, openHarness, postgresMissing, type Harness } from './harness.testing';

/**
 * Two server instances on one PostgreSQL, pushing concurrently for the same Center: revisions stay gap-free and
 * unique per partition, every mutation is recorded once, and shared Center state is never handed out twice.
 */
describe.skipIf(postgresMissing())('two server instances on one PostgreSQL', () => {
  let one: Harness;
  let two: Harness;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const fresh = await freshPostgresDatabase();
    drop = fresh.drop;
    // Both migrate at once: the advisory lock makes one of them do it.
    [one, two] = await Promise.all([openHarness('postgres', { url: fresh.url }), openHarness('postgres', { url: fresh.url })]);
  }, 60_000);
  afterAll(async () => {
    await one.close();
    await two.close();
    await drop();
  });

  it('assigns each revision once and applies each mutation once when kiosks push through both at the same time', async () => {
    const unit = nextUnit();
    const clock = { now: () => mondayMorning, sleep: async () => undefined };
    const kiosks = await Promise.all(
      [0, 1, 2, 3].map(async (i) => {
        const enrolled = await enrollVia(one.app, unit, `k${i}-${unit}`);
        const memory = createMemoryKiosk({ kioskId: enrolled.kioskId, unitId: unit, slot: enrolled.kioskSlot, counterId: `q${i}` });
        // Each kiosk's pushes alternate between the two instances, as behind a load balancer.
        let flip = i;
        const engine = createSyncEngine({
          credentials: () => ({ baseUrl: 'http://sync', token: enrolled.token, unitId: unit }),
          transport: injectTransport(() => ((flip += 1) % 2 === 0 ? one.app : two.app)),
          store: memory.port,
          clock,
          random: () => 0.5,
          options: { pushBatch: 7 },
        });
        return { memory, engine, enrolled };
      }),
    );
    for (let round = 0; round < 4; round += 1) {
      for (const k of kiosks) for (let j = 0; j < 15; j += 1) k.memory.receiveRecord(sampleReceipt(), mondayMorning + j, sampleOfficer);
      const results = await Promise.all(kiosks.flatMap((k) => [k.engine.syncOnce(), k.engine.syncOnce()]));
      expect(results.every((r) => r.ok)).toBe(true);
    }
    for (const k of kiosks) expect((await k.engine.syncOnce()).ok).toBe(true);

    const revs = await one.db.query('SELECT rev FROM records WHERE unit_id = $1 ORDER BY rev', [unit]);
    expect(revs.map((r) => Number(r.rev))).toEqual(Array.from({ length: 240 }, (_, i) => i + 1));
    const perKiosk = await one.db.query('SELECT kiosk_id, count(*) AS n, max(mutation_id) AS m FROM mutations WHERE kiosk_id = ANY($1::text[]) GROUP BY kiosk_id', [
      kiosks.map((k) => k.enrolled.kioskId),
    ]);
    expect(perKiosk.map((r) => [Number(r.n), Number(r.m)])).toEqual([[60, 60], [60, 60], [60, 60], [60, 60]]);
    for (const k of kiosks) {
      expect(k.memory.outbox()).toHaveLength(0);
      expect(k.memory.records().size).toBe(240);
    }
  });

  it('never gives one ticket to two counters, nor one record number to two kiosks, across instances', async () => {
    const unit = nextUnit();
    const a = await enrollVia(one.app, unit, `ta-${unit}`);
    const b = await enrollVia(two.app, unit, `tb-${unit}`);
    const appOf = (i: number) => (i % 2 === 0 ? one.app : two.app);
    const auth = (t: string) => ({ authorization: `Bearer ${t}` });
    await Promise.all(Array.from({ length: 30 }, (_, i) => appOf(i).inject({ method: 'POST', url: `/v1/centers/${unit}/tickets`, headers: auth(a.token), payload: { fieldCode: 'ho-tich' } })));
    const called = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        appOf(i).inject({ method: 'POST', url: `/v1/centers/${unit}/tickets/next`, headers: auth(i % 3 === 0 ? a.token : b.token), payload: { counterId: `q${i % 5}`, fieldCodes: ['ho-tich'] } }),
      ),
    );
    const ids = called.flatMap((r) => {
      const t = r.json<{ ticket: unknown }>().ticket;
      return t === null || t === undefined ? [] : [serverTicketSchema.parse(t).id];
    });
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);

    const day = recordCodeDay(Date.now());
    const blocks = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        appOf(i).inject({ method: 'POST', url: `/v1/centers/${unit}/code-blocks`, headers: auth(i % 2 === 0 ? a.token : b.token), payload: { day, size: 97 } }),
      ),
    );
    const numbers = blocks.flatMap((r) => {
      const block = codeBlockSchema.parse(r.json());
      return Array.from({ length: block.last - block.first + 1 }, (_, k) => block.first + k);
    });
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.some((n) => [a.kioskSlot, b.kioskSlot].includes(Math.floor(n / 1000)))).toBe(false);
  });
});
