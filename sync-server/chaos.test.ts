import { describe, expect, it } from 'vitest';
import { nextStatuses, type RecordStatus } from '../src-shared/domain/records';
import { day, mondayMorning, sampleOfficer, sampleReceipt } from '../src-shared/domain/records/fixtures.testing';
import { createSyncEngine } from '../src-shared/sync/engine';
import { createMemoryKiosk } from '../src-shared/sync/memory-kiosk.testing';
import { expectConverged, quiesce, type SimKiosk } from './convergence.testing';
import { faultyLine } from './faults.testing';
import { enrollVia, nextUnit, postgresSkipped, storageKinds, useHarness } from './harness.testing';

/**
 * Seeded chaos (after PouchDB's fuzzy tests and RxDB's "stability"): 5 kiosks of one Center, each doing
 * MOTCUA_SYNC_CHAOS_OPS operations (default 2,000) — receipts, moves, syncs — while their lines are cut and
 * restored at random and syncs run concurrently; then the lines come back and everything must converge.
 */
const ops = Number(process.env.MOTCUA_SYNC_CHAOS_OPS ?? 2000);
const seed = Number(process.env.MOTCUA_SYNC_SEED ?? 20260302);

function mulberry32(a: number): () => number {
  let s = a >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe.each(storageKinds)('chaos on %s', (kind) => {
  const skip = postgresSkipped(kind);

  const h = useHarness(kind);

  it.skipIf(skip)(`5 kiosks × ${ops} operations with the line cut at random converge (seed ${seed})`, async () => {
    const random = mulberry32(seed);
    const unit = nextUnit();
    const kiosks: SimKiosk[] = [];
    const down: boolean[] = [];
    for (let i = 0; i < 5; i += 1) {
      const kioskId = `chaos-${kind}-${i}`;
      const enrolled = await enrollVia(h.app, unit, kioskId);
      const memory = createMemoryKiosk({ kioskId, unitId: unit, slot: enrolled.kioskSlot, counterId: `q${i}` });
      const line = faultyLine(() => h.app);
      const engine = createSyncEngine({
        credentials: () => ({ baseUrl: 'http://sync', token: enrolled.token, unitId: unit }),
        transport: line.transport,
        store: memory.port,
        clock: { now: () => mondayMorning, sleep: async () => undefined },
        random,
        options: { pushBatch: 50, pullLimit: 200 },
      });
      kiosks.push({ memory, engine, line, kioskId });
      down.push(false);
    }

    let writes = 0;
    let syncs = 0;
    for (let step = 0; step < ops; step += 1) {
      const rounds: Promise<unknown>[] = [];
      kiosks.forEach((k, i) => {
        if (random() < 0.01) {
          down[i] = !down[i];
          k.line.set(down[i] ? (random() < 0.5 ? 'down' : 'lost-reply') : 'none');
        }
        const at = mondayMorning + step * 60_000;
        const dice = random();
        if (dice < 0.85) {
          const records = [...k.memory.records().values()];
          const target = records.length < 3 || random() < 0.3 ? undefined : records[Math.floor(random() * records.length)];
          if (target === undefined) {
            if (k.memory.receiveRecord(sampleReceipt({ dueAt: at + 5 * day }), at, sampleOfficer).ok) writes += 1;
          } else {
            const options = nextStatuses(target).filter((s) => s !== target.status);
            const to: RecordStatus | undefined = options[Math.floor(random() * options.length)];
            if (to !== undefined && k.memory.transitionRecord(target.id, { to, at: Math.max(at, target.updatedAt), actor: sampleOfficer, note: 'Ghi chú' }).ok) writes += 1;
          }
        } else {
          syncs += 1;
          rounds.push(k.engine.syncOnce());
        }
      });
      await Promise.all(rounds);
    }

    await quiesce(kiosks);
    await expectConverged(h, unit, kiosks);
    const failed = await h.db.query(`SELECT count(*) AS n FROM mutations WHERE status = 'failed' AND kiosk_id LIKE $1`, [`chaos-${kind}-%`]);
    // Concurrent moves of one record lose to whoever reached the server first: those are recorded, not lost.
    expect(writes).toBeGreaterThan(ops * 3);
    expect(syncs).toBeGreaterThan(ops / 2);
    expect(Number(failed[0]?.n)).toBeLessThan(writes);
  }, 300_000);
});
