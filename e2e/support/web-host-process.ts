import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type WebHostProcess = { readonly url: string; readonly dataDir: string; stop(): Promise<void> };

const repoRoot = join(import.meta.dirname, '..', '..');

/**
 * Starts the built web host exactly as `npm start` does, on a free port and a fresh data folder (or the given one,
 * e.g. prepared by a technician's CLI command; it is removed on stop all the same).
 */
export async function startBuiltWebHost(env: Readonly<Record<string, string>> = {}, options: { readonly dataDir?: string } = {}): Promise<WebHostProcess> {
  const entry = join(repoRoot, 'dist', 'web-host', 'main.mjs');
  if (!existsSync(entry)) throw new Error('dist/web-host/main.mjs is missing: run `npm run build` first');
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'motcua-e2e-')));
  const child: ChildProcess = spawn(process.execPath, [entry, '--port', '0', '--data-dir', dataDir], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start:\n${output}`)), 20_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /MotCua kiosk: (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`web host exited with ${String(code)}:\n${output}`)));
  });
  return {
    url,
    dataDir,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
