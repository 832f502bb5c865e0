import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEscPosSimulator, type EscPosSimulator } from '../../../hardware/simulators/escpos-printer';
import { devicesBundleCommand, devicesListCommand, devicesPermissionsCommand } from './devices';

let simulator: EscPosSimulator;
let dataDir: string;
beforeAll(async () => {
  simulator = await startEscPosSimulator({ tcp: { host: '127.0.0.1', port: 0 } });
  dataDir = await mkdtemp(join(tmpdir(), 'motcua-cli-devices-'));
});
afterAll(async () => {
  await simulator.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('motcua devices …', () => {
  it('lists the buses and a printer probed by address', async () => {
    const url = `tcp://127.0.0.1:${simulator.tcpPort ?? 0}`;
    const result = await devicesListCommand.run(['--printer', url, '--data-dir', dataDir]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.text).toContain(`tcp:127.0.0.1:${simulator.tcpPort ?? 0}`);
    expect(result.value.text).toContain('sẵn sàng / ready');
    expect(result.value.text).toMatch(/pcsc: (ok|unavailable)/);
  });

  it('refuses a printer address that is not tcp://', async () => {
    const result = await devicesListCommand.run(['--printer', 'http://x']);
    expect(!result.ok && result.error.code).toBe('cli.usage');
  });

  it('prints the permission checks with their fixes', async () => {
    const result = await devicesPermissionsCommand.run([]);
    expect(result.ok && result.value.text).toContain('pcscd');
  });

  it('writes the support bundle where it is told', async () => {
    const out = join(dataDir, 'bundle.json');
    const result = await devicesBundleCommand.run(['--out', out, '--data-dir', dataDir]);
    expect(result.ok).toBe(true);
    const bundle = JSON.parse(await readFile(out, 'utf8')) as { format: string };
    expect(bundle.format).toBe('motcua-support-bundle');
    expect((await devicesBundleCommand.run([])).ok).toBe(false);
  });
});
