import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repoRoot = join(import.meta.dirname, '..', '..');

export type SyncServerProcess = {
  readonly url: string;
  /** Stops the process (SIGTERM) and keeps its data: `start()` brings the same server back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** A one-time enrollment code of the unit, made with its admin token as a Center admin would. */
  enrollmentCode(unitId: string): Promise<string>;
  close(): Promise<void>;
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The built sync server (`npm run build` → dist/sync-server/main.mjs) as a Center runs it: its own process, the
 * embedded store in a fresh folder, loopback only, one admin token per unit given.
 */
export async function startBuiltSyncServer(units: readonly string[]): Promise<SyncServerProcess> {
  const entry = join(repoRoot, 'dist', 'sync-server', 'main.mjs');
  if (!existsSync(entry)) throw new Error('dist/sync-server/main.mjs is missing: run `npm run build` first');
  const dataDir = await mkdtemp(join(tmpdir(), 'motcua-e2e-sync-'));
  const port = await freePort();
  const adminToken = (unit: string) => `e2e-admin-token-${unit}`;
  const env = {
    ...process.env,
    MOTCUA_SYNC_PORT: String(port),
    MOTCUA_SYNC_HOST: '127.0.0.1',
    MOTCUA_SYNC_DATA_DIR: dataDir,
    MOTCUA_SYNC_ADMIN_TOKENS: units.map((u) => `${u}=${adminToken(u)}`).join(','),
  };
  let child: ChildProcess | undefined;

  const start = async (): Promise<void> => {
    const started = spawn(process.execPath, [entry], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env });
    child = started;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`sync server did not start:\n${output}`)), 30_000);
      started.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('MotCua sync server')) {
          clearTimeout(timer);
          resolve();
        }
      });
      started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      started.once('exit', (code) => reject(new Error(`sync server exited with ${String(code)}:\n${output}`)));
    });
  };
  const stop = async (): Promise<void> => {
    const running = child;
    if (running === undefined || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  };
  await start();
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    start,
    stop,
    async enrollmentCode(unitId: string): Promise<string> {
      const response = await fetch(`${url}/v1/centers/${encodeURIComponent(unitId)}/enrollment-codes`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminToken(unitId)}`, 'content-type': 'application/json' },
        body: '{}',
      });
      if (!response.ok) throw new Error(`enrollment code: HTTP ${response.status}`);
      return ((await response.json()) as { code: string }).code;
    },
    async close() {
      await stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
