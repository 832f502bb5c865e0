import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { portrait, portraits } from '../../../hardware/biometric/test-faces';
import { faceVerifyCommand } from './face';

describe('motcua face verify', () => {
  it('compares a chip photo with frames from files and prints the decision with score and threshold', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'motcua-face-'));
    const write = async (name: string, bytes: Uint8Array) => {
      await writeFile(join(dir, name), bytes);
      return join(dir, name);
    };
    const chip = await write('chip.jpg', await portrait(portraits.a));
    const frames = [await write('f1.jpg', await portrait(portraits.a, { dx: 20 })), await write('f2.jpg', await portrait(portraits.a, { dy: 25 })), await write('f3.jpg', await portrait(portraits.a, { grow: 30 }))];
    const result = await faceVerifyCommand.run(['--chip', chip, ...frames.flatMap((f) => ['--frame', f])]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.text).toMatch(/decision: match/);
    expect(result.value.text).toMatch(/threshold 0\.500/);
    expect(result.value.json).toMatchObject({ decision: 'match', liveness: { passed: true } });
  }, 60_000);

  it('refuses a missing --frame and an unreadable file as usage / file errors', async () => {
    const usage = await faceVerifyCommand.run(['--chip', 'x.jpg']);
    expect(!usage.ok && usage.error.code).toBe('cli.usage');
    const missing = await faceVerifyCommand.run(['--chip', '/nonexistent/x.jpg', '--frame', '/nonexistent/y.jpg']);
    expect(!missing.ok && missing.error.code).toBe('cli.file');
  });
});
