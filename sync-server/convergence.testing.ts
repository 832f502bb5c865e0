import { expect } from 'vitest';
import type { AdministrativeRecord } from '../src-shared/domain/records';
import type { SyncEngine } from '../src-shared/sync/engine';
import type { MemoryKiosk } from '../src-shared/sync/memory-kiosk.testing';
import type { FaultyLine } from './faults.testing';
import type { Harness } from './harness.testing';

export type SimKiosk = { readonly memory: MemoryKiosk; readonly engine: SyncEngine; readonly line: FaultyLine; readonly kioskId: string };

/** Lines restored, every kiosk syncs until its queue is empty, then once more so everyone saw everyone. */
export async function quiesce(kiosks: readonly SimKiosk[]): Promise<void> {
  for (const k of kiosks) k.line.set('none', 0);
  for (let pass = 0; pass < 2; pass += 1) {
    for (const k of kiosks) {
      for (let tries = 0; tries < 5; tries += 1) {
        const r = await k.engine.syncOnce();
        if (r.ok && k.memory.outbox().length === 0) break;
      }
    }
  }
}

/** The invariants of SYNC.md, checked against the server's own tables. */
export async function expectConverged(h: Harness, unit: string, kiosks: readonly SimKiosk[]): Promise<void> {
  const rows = await h.db.query('SELECT rev, data FROM records WHERE unit_id = $1', [unit]);
  const server = new Map(rows.map((r) => {
    const record = { ...(r.data as AdministrativeRecord), rev: Number(r.rev) };
    return [record.id, record];
  }));
  for (const k of kiosks) {
    // The queue drained.
    expect(k.memory.outbox()).toEqual([]);
    // Every mutation the kiosk ever wrote is on the server exactly once (the key forbids twice; count proves once).
    const logged = await h.db.query('SELECT count(*) AS n, coalesce(max(mutation_id), 0) AS m FROM mutations WHERE kiosk_id = $1', [k.kioskId]);
    expect([Number(logged[0]?.n), Number(logged[0]?.m)]).toEqual([k.memory.lastMutationId(), k.memory.lastMutationId()]);
    const last = await h.db.query('SELECT last_mutation_id FROM kiosks WHERE kiosk_id = $1', [k.kioskId]);
    expect(Number(last[0]?.last_mutation_id)).toBe(k.memory.lastMutationId());
    // The kiosk holds exactly its Center's partition.
    const local = new Map([...k.memory.records()].filter(([, r]) => r.unitId === unit));
    expect(local.size).toBe(server.size);
    for (const [id, record] of server) expect(local.get(id)).toEqual(record);
    // Checkpoints never went back within an epoch.
    const cps = k.memory.checkpoints();
    for (let i = 1; i < cps.length; i += 1) {
      const [a, b] = [cps[i - 1], cps[i]];
      if (a !== undefined && b !== undefined && a.epoch === b.epoch) expect(b.rev).toBeGreaterThanOrEqual(a.rev);
    }
    expect(await k.engine.verify()).toEqual({ ok: true, value: true });
  }
}
