import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextStatuses, type RecordStatus } from '../src-shared/domain/records';
import { day, mondayMorning, sampleOfficer, sampleReceipt } from '../src-shared/domain/records/fixtures.testing';
import { createSyncEngine } from '../src-shared/sync/engine';
import { createMemoryKiosk } from '../src-shared/sync/memory-kiosk.testing';
import { expectConverged, quiesce, type SimKiosk } from './convergence.testing';
import { faultyLine, type Fault } from './faults.testing';
import { enrollVia, nextUnit, openHarness, type Harness } from './harness.testing';

/**
 * Model-based test (SYNC.md, after ElectricSQL's model-based.test.ts): random sequences of local writes, syncs
 * through a faulty line, crashes, refetches, clock jumps and server restarts, against the real server on PGlite
 * with a data dir. After every command the safety invariants hold; after quiescence every kiosk equals its
 * Center's partition.
 */
type Model = { writes: number[] };
type Real = { h: Harness; unit: string; kiosks: SimKiosk[]; clocks: number[]; restart: () => Promise<void> };

const reasonFor = (to: RecordStatus): string | undefined => ([3, 5, 8].includes(to) ? 'Lý do theo quy định' : undefined);

class LocalWrite implements fc.AsyncCommand<Model, Real> {
  constructor(readonly k: number, readonly pick: number, readonly poison: boolean, readonly targetId?: string) {}
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    const kiosk = r.kiosks[this.k];
    if (kiosk === undefined) return;
    const at = mondayMorning + (r.clocks[this.k] ?? 0);
    const records = [...kiosk.memory.records().values()];
    const chosen = this.targetId === undefined ? undefined : kiosk.memory.records().get(this.targetId);
    const target = chosen ?? (records.length === 0 || this.pick % 3 === 0 ? undefined : records[this.pick % records.length]);
    let wrote = false;
    if (target === undefined) {
      wrote = kiosk.memory.receiveRecord(sampleReceipt({ dueAt: at + 5 * day }), at, sampleOfficer).ok;
    } else if (this.poison) {
      wrote = kiosk.memory.writePoison(target.id, at, sampleOfficer).ok;
    } else {
      const options = nextStatuses(target).filter((s) => s !== 4 || target.status !== 4);
      const to = options[this.pick % Math.max(1, options.length)];
      if (to !== undefined) {
        const note = reasonFor(to);
        wrote = kiosk.memory.transitionRecord(target.id, { to, at: Math.max(at, target.updatedAt), actor: sampleOfficer, ...(note === undefined ? {} : { note }) }).ok;
      }
    }
    if (wrote) m.writes[this.k] = (m.writes[this.k] ?? 0) + 1;
    expect(kiosk.memory.lastMutationId()).toBe(m.writes[this.k] ?? 0);
  }
  toString = () => `write(k${this.k}, ${this.pick}${this.poison ? ', poison' : ''})`;
}

class Sync implements fc.AsyncCommand<Model, Real> {
  constructor(readonly k: number, readonly fault: Fault, readonly calls: number) {}
  check = () => true;
  async run(_m: Model, r: Real): Promise<void> {
    const kiosk = r.kiosks[this.k];
    if (kiosk === undefined) return;
    kiosk.line.set(this.fault, this.calls);
    await kiosk.engine.syncOnce();
    kiosk.line.set('none', 0);
    await expectSafe(r);
  }
  toString = () => `sync(k${this.k}, ${this.fault}×${this.calls})`;
}

/** A local write lands while the kiosk is between its push and its pull: the pull must not hide it. */
class WriteDuringSync implements fc.AsyncCommand<Model, Real> {
  constructor(readonly k: number, readonly pick: number) {}
  check = () => true;
  async run(m: Model, r: Real): Promise<void> {
    const kiosk = r.kiosks[this.k];
    if (kiosk === undefined) return;
    // Adversarial: change a record that the coming pull page is about to bring from the server.
    kiosk.line.beforeNextPull(async () => {
      const cp = kiosk.memory.checkpoint();
      const page = await r.h.store.changes(r.unit, cp?.rev ?? 0, 5, undefined);
      const ids = page?.kind === 'changes' ? page.records.map((x) => x.id).filter((id) => kiosk.memory.records().has(id)) : [];
      await new LocalWrite(this.k, this.pick, false, ids[this.pick % Math.max(1, ids.length)]).run(m, r);
    });
    await kiosk.engine.syncOnce();
    await expectSafe(r);
  }
  toString = () => `write-during-sync(k${this.k}, ${this.pick})`;
}

class LateRedelivery implements fc.AsyncCommand<Model, Real> {
  constructor(readonly k: number, readonly which: number) {}
  check = () => true;
  async run(_m: Model, r: Real): Promise<void> {
    const kiosk = r.kiosks[this.k];
    const sent = kiosk?.line.sentPushes ?? [];
    const body = sent[this.which % Math.max(1, sent.length)];
    if (kiosk === undefined || body === undefined) return;
    // An old push arriving late (reordered behind newer ones): duplicates answered as success, never a gap.
    const res = await kiosk.line.transport('http://sync/v1/push', { method: 'POST', headers: { 'content-type': 'application/json', authorization: (await tokenOf(r, this.k)) ?? '' }, body });
    expect(res.status).toBe(200);
    await expectSafe(r);
  }
  toString = () => `redeliver(k${this.k}, #${this.which})`;
}

class KioskCrash implements fc.AsyncCommand<Model, Real> {
  constructor(readonly k: number, readonly during: 'write' | 'sync') {}
  check = () => true;
  async run(_m: Model, r: Real): Promise<void> {
    const kiosk = r.kiosks[this.k];
    if (kiosk === undefined) return;
    const before = kiosk.memory.lastMutationId();
    kiosk.memory.crashNext();
    if (this.during === 'write') {
      const at = mondayMorning + (r.clocks[this.k] ?? 0);
      expect(kiosk.memory.receiveRecord(sampleReceipt({ dueAt: at + 5 * day }), at, sampleOfficer).ok).toBe(false);
      expect(kiosk.memory.lastMutationId()).toBe(before);
    } else {
      await kiosk.engine.syncOnce(); // the first local transaction of the round (ack or apply) dies
    }
    await expectSafe(r);
  }
  toString = () => `crash(k${this.k}, ${this.during})`;
}

/** The kiosk's checkpoint belongs to another server epoch (a restored or replaced server): it must refetch. */
class Refetch implements fc.AsyncCommand<Model, Real> {
  constructor(readonly k: number) {}
  check = () => true;
  async run(_m: Model, r: Real): Promise<void> {
    const kiosk = r.kiosks[this.k];
    const cp = kiosk?.memory.checkpoint();
    if (kiosk === undefined || cp === null || cp === undefined) return;
    await kiosk.memory.port.applyPulled([], { epoch: 'another-epoch', rev: cp.rev });
  }
  toString = () => `refetch(k${this.k})`;
}

/** The Center's partition is compacted: every kiosk below the horizon refetches. Rare, as in life. */
class Compact implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(_m: Model, r: Real): Promise<void> {
    await r.h.store.compact(r.unit);
  }
  toString = () => 'compact';
}

class ClockJump implements fc.AsyncCommand<Model, Real> {
  constructor(readonly k: number, readonly days: number) {}
  check = () => true;
  async run(_m: Model, r: Real): Promise<void> {
    r.clocks[this.k] = Math.max(-mondayMorning + day, (r.clocks[this.k] ?? 0) + this.days * day);
  }
  toString = () => `clock(k${this.k}, ${this.days > 0 ? '+' : ''}${this.days}d)`;
}

class ServerRestart implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(_m: Model, r: Real): Promise<void> {
    await r.restart();
    await expectSafe(r);
  }
  toString = () => 'server restart';
}

const tokens = new Map<string, string>();
async function tokenOf(r: Real, k: number): Promise<string | undefined> {
  const id = r.kiosks[k]?.kioskId;
  return id === undefined ? undefined : `Bearer ${tokens.get(id) ?? ''}`;
}

/** After every command: the server never holds more than the kiosk wrote, and nothing acknowledged is lost. */
async function expectSafe(r: Real): Promise<void> {
  for (const k of r.kiosks) {
    const server = await r.h.db.query('SELECT last_mutation_id FROM kiosks WHERE kiosk_id = $1', [k.kioskId]);
    const last = Number(server[0]?.last_mutation_id);
    const logged = await r.h.db.query('SELECT count(*) AS n FROM mutations WHERE kiosk_id = $1', [k.kioskId]);
    expect(Number(logged[0]?.n)).toBe(last);
    expect(last).toBeLessThanOrEqual(k.memory.lastMutationId());
    // The kiosk deleted only what the server holds; what it still has continues right after something held.
    // A pulled page never hides a local change still waiting to be pushed.
    for (const m of k.memory.outbox()) {
      const local = k.memory.records().get(m.entityId);
      expect(local).toBeDefined();
      const { baseVersion, event } = m.payload as { baseVersion?: number; event?: unknown };
      if (m.kind === 'record.transition' && baseVersion !== undefined && local !== undefined) expect(local.history[baseVersion]).toEqual(event);
    }
    const first = k.memory.outbox()[0];
    if (first !== undefined) expect(first.mutationId).toBeLessThanOrEqual(last + 1);
    else expect(last).toBe(k.memory.lastMutationId());
  }
}

describe('model-based sync against the real server (PGlite on a data dir)', () => {
  let dir: string;
  let h: Harness;
  let run = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'motcua-sync-model-'));
    h = await openHarness('pglite', { dataDir: dir });
  }, 60_000);
  afterAll(async () => {
    await h.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every invariant under writes, faults, crashes, refetches, clock jumps and restarts, and converges', async () => {
    const kioskCount = 3;
    const k = fc.nat({ max: kioskCount - 1 });
    const commands = [
      fc.tuple(k, fc.nat(), fc.nat({ max: 9 }).map((n) => n < 2)).map(([a, b, c]) => new LocalWrite(a, b, c)),
      fc.tuple(k, fc.nat(), fc.nat()).map(([a, b]) => new LocalWrite(a, b, false)),
      fc.tuple(k, fc.constantFrom<Fault>('none', 'down', 'server-error', 'lost-reply', 'duplicate'), fc.integer({ min: 1, max: 3 })).map(([a, f, c]) => new Sync(a, f, c)),
      fc.tuple(k, fc.nat()).map(([a, w]) => new LateRedelivery(a, w)),
      fc.tuple(k, fc.constantFrom<'write' | 'sync'>('write', 'sync')).map(([a, d]) => new KioskCrash(a, d)),
      fc.tuple(k, fc.nat()).map(([a, b]) => new WriteDuringSync(a, b)),
      k.map((a) => new Refetch(a)),
      fc.nat({ max: 4 }).map((n): fc.AsyncCommand<Model, Real> => (n === 0 ? new Compact() : new Sync(n % kioskCount, 'none', 0))),
      fc.tuple(k, fc.integer({ min: -3, max: 3 })).map(([a, d]) => new ClockJump(a, d)),
      fc.constant(new ServerRestart()),
    ];
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 40, size: 'max' }), async (cmds) => {
        run += 1;
        const unit = nextUnit();
        const real: Real = {
          h,
          unit,
          kiosks: [],
          clocks: [0, 0, 0],
          restart: async () => {
            await h.close();
            h = await openHarness('pglite', { dataDir: dir });
            real.h = h;
          },
        };
        for (let i = 0; i < kioskCount; i += 1) {
          const kioskId = `m${run}-k${i}`;
          const enrolled = await enrollVia(h.app, unit, kioskId);
          tokens.set(kioskId, enrolled.token);
          const memory = createMemoryKiosk({ kioskId, unitId: unit, slot: enrolled.kioskSlot, counterId: `q${i}` });
          const line = faultyLine(() => real.h.app);
          const engine = createSyncEngine({
            credentials: () => ({ baseUrl: 'http://sync', token: enrolled.token, unitId: unit }),
            transport: line.transport,
            store: memory.port,
            clock: { now: () => mondayMorning + (real.clocks[i] ?? 0), sleep: async () => undefined },
            random: () => 0.5,
            options: { pushBatch: 4, pullLimit: 5 },
          });
          real.kiosks.push({ memory, engine, line, kioskId });
        }
        await fc.asyncModelRun(() => ({ model: { writes: [0, 0, 0] }, real }), cmds);
        await quiesce(real.kiosks);
        await expectConverged(real.h, unit, real.kiosks);
      }),
      { numRuns: Number(process.env.MOTCUA_SYNC_MODEL_RUNS ?? 15), seed: Number(process.env.MOTCUA_SYNC_SEED ?? 7270001) },
    );
  }, 600_000);
});
