// `npm run bench`: runs every *.bench.ts with vitest's bench runner and writes docs/BENCHMARKS.md
// (machine and date included), so figures are measured, dated and reviewable — never asserted in tests.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, tmpdir, type as osType, release } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const out = join(mkdtempSync(join(tmpdir(), 'motcua-bench-')), 'bench.json');
const run = spawnSync('npx', ['vitest', 'bench', '--run', '--config', 'vitest.bench.config.ts', '--outputJson', out], { cwd: root, stdio: 'inherit' });
if (run.status !== 0) process.exit(run.status ?? 1);

// The counter's store at 1,000,000 records runs in Chromium, outside vitest (needs the built renderer).
const storeBench = spawnSync('npx', ['tsx', 'e2e/bench/store-at-scale.ts'], { cwd: root, stdio: 'inherit' });
if (storeBench.status !== 0) console.error('[motcua] the browser store benchmark failed; docs/BENCHMARKS.store.md keeps its last figures');

const report = JSON.parse(readFileSync(out, 'utf8'));
const rows = [];
for (const file of report.files ?? []) {
  for (const group of file.groups ?? []) {
    for (const b of group.benchmarks ?? []) {
      rows.push({ file: file.filepath.replace(`${root}/`, ''), group: group.fullName.split(' > ').slice(1).join(' > ') || group.fullName, name: b.name, hz: b.hz, mean: b.mean, p99: b.p99, rme: b.rme, samples: b.sampleCount });
    }
  }
}
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const fmt = (n, digits = 3) => (n >= 100 ? n.toFixed(0) : n.toFixed(digits));
const lines = [
  '# Benchmarks',
  '',
  'Written by `npm run bench` (vitest bench over every `*.bench.ts`). Figures are from one run on the machine below;',
  'compare runs on the same machine only. Targets are checked here, never in timed tests.',
  '',
  `- Date: ${new Date().toISOString()}`,
  `- Machine: ${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, ${osType()} ${release()}`,
  `- Node ${process.versions.node}`,
  '',
  '| benchmark | case | ops/s | mean (ms) | p99 (ms) | ±% | samples |',
  '|---|---|---:|---:|---:|---:|---:|',
  ...rows.map((r) => `| ${r.group} | ${r.name} | ${fmt(r.hz, 1)} | ${fmt(r.mean)} | ${fmt(r.p99)} | ${r.rme.toFixed(1)} | ${r.samples} |`),
  '',
  '## Reading the figures',
  '',
  '- A "1,000 receipts" case computes 1,000 due dates per iteration: due dates per second = ops/s × 1,000.',
  '- The procedure search runs on every keystroke of the counter\'s picker; it must stay far below a frame (16 ms).',
  '',
];
const extra = join(root, 'docs', 'BENCHMARKS.notes.md');
let notes = '';
try {
  notes = readFileSync(extra, 'utf8');
} catch {
  // no extra notes
}
let syncFigures = '';
try {
  syncFigures = readFileSync(join(root, 'docs', 'BENCHMARKS.sync.md'), 'utf8');
} catch {
  // not measured yet
}
let storeFigures = '';
try {
  storeFigures = readFileSync(join(root, 'docs', 'BENCHMARKS.store.md'), 'utf8');
} catch {
  // not measured yet
}
writeFileSync(join(root, 'docs', 'BENCHMARKS.md'), lines.join('\n') + (storeFigures ? `\n${storeFigures}` : '') + (syncFigures ? `\n${syncFigures}` : '') + (notes ? `\n${notes}` : ''));
console.log(`[motcua] docs/BENCHMARKS.md written (${rows.length} benchmarks)`);
