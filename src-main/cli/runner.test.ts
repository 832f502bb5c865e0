import { describe, expect, it } from 'vitest';
import { err, failure, ok } from '../../src-shared/result';
import type { CliCommand } from './command';
import { versionCommand } from './commands/version';
import { runCli } from './runner';

const capture = () => {
  const out: string[] = [];
  const errors: string[] = [];
  return { out, errors, streams: { out: (t: string) => out.push(t), err: (t: string) => errors.push(t) } };
};

const failing: CliCommand = {
  path: ['broken'],
  summary: 'always fails',
  usage: 'motcua broken',
  run: async () => err(failure('cli.usage', 'Thiếu --x', 'Missing --x')),
};

describe('motcua command line', () => {
  it('prints the version as JSON with --json', async () => {
    const io = capture();
    expect(await runCli([versionCommand], ['version', '--json'], io.streams)).toBe(0);
    const parsed = JSON.parse(io.out.join('')) as { ok: boolean; value: { app: string; version: string } };
    expect(parsed.ok).toBe(true);
    expect(parsed.value.app).toBe('motcua');
    expect(parsed.value.version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('explains a usage error in Vietnamese and English and exits 2', async () => {
    const io = capture();
    expect(await runCli([failing], ['broken'], io.streams)).toBe(2);
    expect(io.errors.join('\n')).toContain('Lỗi: Thiếu --x');
    expect(io.errors.join('\n')).toContain('Error: Missing --x');
  });

  it('reports an unknown command as JSON when asked', async () => {
    const io = capture();
    expect(await runCli([versionCommand], ['nope', '--json'], io.streams)).toBe(2);
    expect(JSON.parse(io.out.join(''))).toMatchObject({ ok: false, error: { code: 'cli.unknown-command' } });
  });

  it('lists commands on help', async () => {
    const io = capture();
    const ok0 = { ...versionCommand, run: async () => ok({ json: 1, text: 'x' }) };
    expect(await runCli([ok0], ['help'], io.streams)).toBe(0);
    expect(io.out.join('')).toContain('motcua version');
  });
});
