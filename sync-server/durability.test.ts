import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mondayMorning, sampleOfficer, sampleReceipt } from '../src-shared/domain/records/fixtures.testing';
import { createMemoryKiosk } from '../src-shared/sync/memory-kiosk.testing';
import { enrollResponseSchema, enrollmentCodeSchema, pushResponseSchema } from '../src-shared/sync/protocol';
import { openHarness } from './harness.testing';

const unit = '000.00.77.H55';
const admin = 'admin-token-durability-0123456789';

function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'main.ts')], {
    env: { ...process.env, MOTCUA_SYNC_PORT: '0', MOTCUA_SYNC_HOST: '127.0.0.1', MOTCUA_SYNC_DATA_DIR: dataDir, MOTCUA_SYNC_ADMIN_TOKENS: `${unit}=${admin}`, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /MotCua sync server .*: (http:\/\/\S+)/.exec(out);
      if (match?.[1] !== undefined) resolve({ child, url: match[1] });
    });
    child.on('exit', (code) => reject(new Error(`server exited ${String(code)}: ${out}`)));
  });
}

/**
 * The embedded store's acknowledgements survive the process being killed (kill -9) right after the answer:
 * every acknowledged mutation is there when the server comes back. (A power cut is stronger than a killed process:
 * the WAL is fsynced by the store after each commit for that case, which this test cannot simulate.)
 */
describe('embedded store durability', () => {
  const dir = mkdtempSync(join(tmpdir(), 'motcua-sync-kill-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps every acknowledged push after kill -9', async () => {
    const { child, url } = await startServer(dir);
    const post = async (path: string, body: unknown, token?: string) => {
      const res = await fetch(url + path, { method: 'POST', headers: { 'content-type': 'application/json', ...(token === undefined ? {} : { authorization: `Bearer ${token}` }) }, body: JSON.stringify(body) });
      return res.json() as Promise<unknown>;
    };
    const code = enrollmentCodeSchema.parse(await post(`/v1/centers/${unit}/enrollment-codes`, {}, admin));
    const enrolled = enrollResponseSchema.parse(await post('/v1/enroll', { code: code.code, kioskId: 'durable-k' }));
    const kiosk = createMemoryKiosk({ kioskId: 'durable-k', unitId: unit, slot: enrolled.kioskSlot, counterId: 'q1' });
    for (let i = 0; i < 120; i += 1) kiosk.receiveRecord(sampleReceipt(), mondayMorning + i, sampleOfficer);
    let acked = 0;
    for (let from = 0; from < 120; from += 30) {
      const answer = pushResponseSchema.parse(await post('/v1/push', { mutations: kiosk.outbox().slice(from, from + 30), pending: { count: 120 - from, oldestCreatedAt: mondayMorning } }, enrolled.token));
      acked = answer.lastMutationId;
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const reopened = await openHarness('pglite', { dataDir: dir });
    try {
      const last = await reopened.db.query('SELECT last_mutation_id FROM kiosks WHERE kiosk_id = $1', ['durable-k']);
      expect(Number(last[0]?.last_mutation_id)).toBe(acked);
      const records = await reopened.db.query('SELECT count(*) AS n FROM records WHERE unit_id = $1', [unit]);
      expect(Number(records[0]?.n)).toBe(acked);
      expect(acked).toBe(120);
    } finally {
      await reopened.close();
    }
  }, 120_000);
});
