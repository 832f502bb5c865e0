import { describe, expect, it } from 'vitest';
import { mondayMorning, sampleOfficer, sampleReceipt } from '../domain/records/fixtures.testing';
import { createSyncEngine } from './engine';
import type { HttpRequest, HttpResponse, Transport } from './http';
import { createMemoryKiosk } from './memory-kiosk.testing';

const json = (status: number, body: unknown): HttpResponse => ({ status, headers: { get: () => null }, json: async () => body });

function setup(transport: Transport) {
  const kiosk = createMemoryKiosk({ kioskId: 'k1', unitId: '000.00.15.H55', slot: 1, counterId: 'q1' });
  const sleeps: number[] = [];
  let wakeSleep: (() => void) | null = null;
  const engine = createSyncEngine({
    credentials: () => ({ baseUrl: 'http://s', token: 't'.repeat(40), unitId: '000.00.15.H55' }),
    transport,
    store: kiosk.port,
    clock: {
      now: () => mondayMorning,
      sleep: (ms) => {
        sleeps.push(ms);
        return new Promise((resolve) => (wakeSleep = resolve));
      },
    },
    random: () => 0,
  });
  return { kiosk, engine, sleeps, wake: () => wakeSleep?.() };
}

describe('the sync engine', () => {
  it('reports offline with the queue when the line is down, and backs off longer after each failure', async () => {
    const { kiosk, engine, sleeps, wake } = setup(async () => {
      throw new Error('ECONNREFUSED');
    });
    kiosk.receiveRecord(sampleReceipt(), mondayMorning, sampleOfficer);
    const r = await engine.syncOnce();
    expect(!r.ok && r.error.code).toBe('sync.network');
    expect(engine.status()).toMatchObject({ online: false, pendingCount: 1, oldestPendingAt: mondayMorning, consecutiveFailures: 1 });
    engine.start();
    for (let i = 0; i < 3 && sleeps.length < 3; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      wake();
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    engine.stop();
    expect(sleeps.slice(0, 3)).toEqual([1000, 2000, 4000]);
  });

  it('does not acknowledge what the server did not confirm, and stops on a gap instead of skipping', async () => {
    const { kiosk, engine } = setup(async (url: string, request: HttpRequest) => {
      if (url.endsWith('/v1/push')) {
        const body = JSON.parse(String(request.body)) as { mutations: { mutationId: number }[] };
        if (body.mutations[0]?.mutationId === 1) return json(200, { lastMutationId: 1, results: [{ mutationId: 1, status: 'applied' }] });
        return json(409, { error: { code: 'sync.mutation-gap', message: 'vi', messageEn: 'en' }, expectedMutationId: 5 });
      }
      return json(200, { kind: 'changes', epoch: 'e', partition: '000.00.15.H55', records: [], checkpoint: 0, hasMore: false });
    });
    kiosk.receiveRecord(sampleReceipt(), mondayMorning, sampleOfficer);
    kiosk.receiveRecord(sampleReceipt(), mondayMorning, sampleOfficer);
    const r = await engine.syncOnce();
    expect(!r.ok && r.error.code).toBe('sync.mutation-gap');
    expect(kiosk.outbox().map((m) => m.mutationId)).toEqual([2]);
    expect(engine.status().online).toBe(true); // the server answered: the line is up, something else is wrong
  });

  it('refuses a checkpoint that goes back within an epoch', async () => {
    const { kiosk, engine } = setup(async () => json(200, { kind: 'changes', epoch: 'e', partition: '000.00.15.H55', records: [], checkpoint: 3, hasMore: false }));
    await kiosk.port.applyPulled([], { epoch: 'e', rev: 10 });
    const r = await engine.syncOnce();
    expect(!r.ok && r.error.code).toBe('sync.bad-response');
    expect(kiosk.checkpoint()).toEqual({ epoch: 'e', rev: 10 });
  });

  it('runs one round at a time: a second call joins the round in flight', async () => {
    let calls = 0;
    const { engine } = setup(async () => {
      calls += 1;
      return json(200, { kind: 'changes', epoch: 'e', partition: '000.00.15.H55', records: [], checkpoint: 0, hasMore: false });
    });
    const [a, b] = await Promise.all([engine.syncOnce(), engine.syncOnce()]);
    expect([a.ok, b.ok, calls]).toEqual([true, true, 1]);
    expect(engine.status()).toMatchObject({ online: true, lastSuccessAt: mondayMorning, pendingCount: 0 });
  });
});
