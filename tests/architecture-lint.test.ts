import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';

const require = createRequire(import.meta.url);
const config = require('../.dependency-cruiser.cjs') as IConfiguration;
const repoRoot = join(import.meta.dirname, '..');

/** Runs our real rule set over a tiny tree shaped like the project, with one deliberate violation per case. */
async function violationsFor(files: Record<string, string>): Promise<string[]> {
  const base = await mkdtemp(join(tmpdir(), 'motcua-arch-'));
  try {
    for (const [path, content] of Object.entries(files)) {
      await mkdir(dirname(join(base, path)), { recursive: true });
      await writeFile(join(base, path), content);
    }
    const roots = [...new Set(Object.keys(files).map((p) => p.split('/')[0] ?? ''))];
    const { tsConfig: _ignored, ...options } = config.options ?? {};
    const result = await cruise(roots, { ...options, baseDir: base, ruleSet: { forbidden: config.forbidden }, validate: true });
    const output = result.output as ICruiseResult;
    return output.summary.violations.map((v) => v.rule.name);
  } finally {
    await rm(base, { recursive: true, force: true });
  }
}

describe('architecture lint (dependency direction)', () => {
  it('passes a tree that follows the direction', async () => {
    expect(
      await violationsFor({
        'src-shared/a.ts': 'export const a = 1;',
        'hardware/b.ts': "import { a } from '../src-shared/a'; export const b = a;",
        'src-main/services/c.ts': "import { b } from '../../hardware/b'; export const c = b;",
        'src-renderer/src/d.ts': "import { a } from '../../src-shared/a'; export const d = a;",
      }),
    ).toEqual([]);
  });

  it('catches src-shared importing hardware', async () => {
    expect(await violationsFor({ 'hardware/b.ts': 'export const b = 1;', 'src-shared/a.ts': "import { b } from '../hardware/b'; export const a = b;" })).toContain('shared-imports-nothing-of-ours');
  });

  it('catches src-shared using Node built-ins', async () => {
    expect(await violationsFor({ 'src-shared/a.ts': "import { readFileSync } from 'node:fs'; export const a = readFileSync;" })).toContain('shared-is-pure');
  });

  it('catches the renderer reaching into hardware or the host', async () => {
    const found = await violationsFor({
      'hardware/b.ts': 'export const b = 1;',
      'src-main/services/c.ts': 'export const c = 1;',
      'src-renderer/src/d.ts': "import { b } from '../../hardware/b'; import { c } from '../../src-main/services/c'; export const d = b + c;",
    });
    expect(found.filter((n) => n === 'renderer-only-shared')).toHaveLength(2);
  });

  it('catches hardware importing the host and sync-server importing hardware', async () => {
    const found = await violationsFor({
      'src-main/services/c.ts': 'export const c = 1;',
      'hardware/b.ts': "import { c } from '../src-main/services/c'; export const b = c;",
      'sync-server/s.ts': "import { b } from '../hardware/b'; export const s = b;",
    });
    expect(found).toContain('hardware-only-shared');
    expect(found).toContain('sync-server-only-shared');
  });

  it('catches electron imported outside src-main/electron', async () => {
    const found = await violationsFor({
      'src-main/services/c.ts': "import { app } from 'electron'; export const c = app;",
    });
    expect(found).toContain('only-electron-folder-imports-electron');
  });

  it('the real project has no violation', async () => {
    const result = await cruise(['src-shared', 'hardware', 'src-main', 'src-renderer', 'sync-server'], { ...config.options, baseDir: repoRoot, ruleSet: { forbidden: config.forbidden }, validate: true });
    const output = result.output as ICruiseResult;
    expect(output.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`)).toEqual([]);
  });
});
