// `npm run bench` (browser part): the counter's store with 1,000,000 records in Chromium's IndexedDB.
// Bundles store-bench-entry.ts next to the built renderer, serves it from the web host (same origin, same database
// as the kiosk), seeds, measures lookups, name search and the receive transaction through the repository, then
// measures the kiosk's first screen after a cold browser start on that profile. Writes docs/BENCHMARKS.store.md.
import { build } from 'esbuild';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { startBuiltWebHost } from '../support/web-host-process';
import type { StoreBench } from './store-bench-entry';

const say = (text: string): void => void process.stdout.write(`${text}\n`);

const root = join(import.meta.dirname, '..', '..');
const total = Number(process.env.MOTCUA_BENCH_RECORDS ?? 1_000_000);
const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

async function launch(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args, headless: true });
}

type Figures = { p50: number; p95: number; max: number; n: number };

async function main(): Promise<void> {
  const benchDir = join(root, 'dist', 'renderer', 'bench');
  await mkdir(benchDir, { recursive: true });
  await build({ entryPoints: [join(import.meta.dirname, 'store-bench-entry.ts')], bundle: true, format: 'esm', platform: 'browser', target: 'chrome120', outfile: join(benchDir, 'store-bench.js'), logLevel: 'warning' });
  await writeFile(join(benchDir, 'index.html'), '<!doctype html><meta charset="utf-8"><title>store bench</title><script type="module" src="./store-bench.js"></script>');

  const host = await startBuiltWebHost();
  const profile = await mkdtemp(join(tmpdir(), 'motcua-bench-profile-'));
  try {
    let context = await launch(profile);
    let page = await context.newPage();
    await page.goto(`${host.url}bench/index.html`);
    await page.waitForFunction(() => 'motcuaStoreBench' in window);
    const seedStart = Date.now();
    for (let from = 0; from < total; from += 100_000) {
      const count = await page.evaluate(([a, b]) => (window as unknown as { motcuaStoreBench: StoreBench }).motcuaStoreBench.seed(a, b), [from, Math.min(total, from + 100_000)] as const);
      say(`[bench] seeded ${count} records (${Math.round((Date.now() - seedStart) / 1000)} s)`);
    }
    const seedSeconds = (Date.now() - seedStart) / 1000;
    const figures = await page.evaluate((n) => (window as unknown as { motcuaStoreBench: StoreBench }).motcuaStoreBench.measure(n), total);
    await context.close();

    // Cold start: a new browser process on the same profile (1M records on disk), timed to the sign-in screen.
    const coldStarts: number[] = [];
    for (let i = 0; i < 3; i++) {
      context = await launch(profile);
      page = await context.newPage();
      const t0 = Date.now();
      await page.goto(host.url);
      await page.getByRole('button', { name: /Đăng nhập|Sign in|Tạo tài khoản|Create/ }).first().waitFor({ timeout: 30_000 });
      coldStarts.push(Date.now() - t0);
      await context.close();
    }

    const row = (name: string, f: Figures | undefined, target: string) =>
      f ? `| ${name} | ${f.n} | ${f.p50.toFixed(2)} | ${f.p95.toFixed(2)} | ${f.max.toFixed(2)} | ${target} |` : `| ${name} | – | – | – | – | ${target} |`;
    const lines = [
      '## The counter\'s store at scale (Chromium IndexedDB)',
      '',
      `Written by \`npm run bench\` (e2e/bench/store-at-scale.ts) on ${new Date().toISOString()}; ${cpus()[0]?.model ?? 'CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; Debian Chromium headless.`,
      `${total.toLocaleString('en')} records seeded in ${seedSeconds.toFixed(0)} s (10,000 per transaction), then measured through the repository.`,
      '',
      '| operation | runs | p50 (ms) | p95 (ms) | max (ms) | target p95 |',
      '|---|---:|---:|---:|---:|---|',
      row('lookup by record code', figures.byCode, '≤ 5 ms'),
      row('lookup by ID number (20 newest)', figures.byCitizen, '≤ 5 ms'),
      row('name search without diacritics (20 hits)', figures.byName, '≤ 50 ms'),
      row('receive transaction (record, history, documents, outbox, audit, counts)', figures.receiveTx, '≤ 20 ms'),
      '',
      `First screen after a cold browser start on that profile: ${coldStarts.map((ms) => `${ms} ms`).join(', ')} (target ≤ 1,500 ms).`,
      '',
    ];
    await writeFile(join(root, 'docs', 'BENCHMARKS.store.md'), lines.join('\n'));
    say(lines.join('\n'));
  } finally {
    await host.stop();
    await rm(profile, { recursive: true, force: true });
    await rm(benchDir, { recursive: true, force: true });
  }
}

await main();
