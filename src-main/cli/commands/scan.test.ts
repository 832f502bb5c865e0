import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEsclSimulator, type EsclSimulator } from '../../../hardware/simulators/escl-scanner';
import { runCli } from '../runner';
import { scanCommand, scanListCommand } from './scan';

let simulator: EsclSimulator;
let dir: string;
beforeAll(async () => {
  simulator = await startEsclSimulator();
  dir = await mkdtemp(join(tmpdir(), 'motcua-cli-scan-test-'));
});
afterAll(async () => {
  await simulator.close();
  await rm(dir, { recursive: true, force: true });
});

describe('motcua scan (against the eSCL simulator)', () => {
  it('scans the feeder to a PDF and prints the quality report as JSON', async () => {
    simulator.loadFeeder([{ front: 'text' }, { front: 'blank' }, { front: 'skewed' }]);
    const out = join(dir, 'ho-so.pdf');
    const printed: string[] = [];
    const code = await runCli([scanCommand, scanListCommand], ['scan', '--device', simulator.baseUrl, '--out', out, '--document', 'Giấy khai sinh', '--dpi', '150', '--colour', 'bw', '--expected', '3', '--no-ocr', '--json'], {
      out: (t) => printed.push(t),
      err: (t) => printed.push(t),
    });
    expect(code).toBe(0);
    const answer = JSON.parse(printed.join('\n')) as { ok: boolean; value: { pageCount: number; dropped: unknown[]; quality: { issues: { code: string }[] } } };
    expect(answer.ok).toBe(true);
    expect(answer.value.pageCount).toBe(2);
    expect(answer.value.dropped).toEqual([{ index: 1, side: 'front', reason: 'blank' }]);
    expect(answer.value.quality.issues.map((i) => i.code).sort()).toEqual(['low-resolution', 'page-count-mismatch']);
    const pdf = await PDFDocument.load(await readFile(out));
    expect(pdf.getPageCount()).toBe(2);
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('reports an empty feeder as an operation failure (exit 1), bilingually', async () => {
    simulator.loadFeeder([]);
    const errors: string[] = [];
    const code = await runCli([scanCommand], ['scan', '--device', simulator.baseUrl, '--out', join(dir, 'x.pdf'), '--no-ocr'], { out: () => undefined, err: (t) => errors.push(t) });
    expect(code).toBe(1);
    expect(errors.join('\n')).toContain('Khay nạp giấy trống');
  });

  it('explains bad arguments as usage errors', async () => {
    expect(await scanCommand.run([])).toMatchObject({ ok: false, error: { code: 'cli.usage' } });
    expect(await scanCommand.run(['--device', 'ftp://x', '--out', 'a.pdf'])).toMatchObject({ ok: false, error: { code: 'cli.usage' } });
    expect(await scanCommand.run(['--device', simulator.baseUrl, '--out', 'a.pdf', '--colour', 'purple'])).toMatchObject({ ok: false, error: { code: 'cli.usage' } });
  });

  it('lists scanners without failing when none answer', async () => {
    const result = await scanListCommand.run(['--wait', '200']);
    expect(result.ok).toBe(true);
  });
});
