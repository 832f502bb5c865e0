import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockVpcdSlot, startVpcdCardProcess, type VpcdCardProcess, type VpcdSlotLock } from '../../../hardware/simulators/virtual-cccd/vpcd-bridge';
import { cardListCommand, cardReadCommand } from './card';

/**
 * The CLI through the real PC/SC stack: virtual CCCD → vpcd bridge → pcscd → smartcard. vpcd slot 1
 * (port 35964, "Virtual PCD 00 01"): slot 0 belongs to hardware/id-card/pcsc-vpcd.test.ts, which may run in
 * parallel.
 */
const READER = 'Virtual PCD 00 01';
const pcscdInstalled = ['/usr/sbin/pcscd', '/usr/bin/pcscd', '/usr/local/sbin/pcscd'].some((path) => existsSync(path));

describe.skipIf(!pcscdInstalled)('motcua card list / card read (virtual CCCD behind pcscd via vpcd)', () => {
  let card: VpcdCardProcess | undefined;
  let cscaFile: string;
  let slot: VpcdSlotLock | undefined;

  beforeAll(async () => {
    execFileSync('sh', [join(import.meta.dirname, '../../../scripts/start-pcscd.sh')], { stdio: 'pipe', timeout: 15_000 });
    const locked = await lockVpcdSlot(35964);
    if (!locked.ok) throw new Error(locked.error.messageEn);
    slot = locked.value;
    // The card runs in its own process: see startVpcdCardProcess for why.
    const started = await startVpcdCardProcess({ port: 35964 });
    if (!started.ok) throw new Error(started.error.messageEn);
    card = started.value;
    cscaFile = join(mkdtempSync(join(tmpdir(), 'motcua-card-')), 'csca.pem');
    writeFileSync(cscaFile, card.cscaPem);
    const inserted = await card.send({ op: 'insert' });
    if (!inserted.ok) throw new Error(inserted.error.messageEn);
  }, 200_000);
  afterAll(async () => {
    await card?.stop();
    slot?.release();
  });

  it('lists the virtual reader with its card', async () => {
    // pcscd notices a new card at its next poll: ask until it does.
    let present = false;
    for (let i = 0; i < 50 && !present; i++) {
      const listed = await cardListCommand.run([]);
      present = listed.ok && listed.value.text.includes(`${READER}: có thẻ / card present`);
      if (!present) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(present).toBe(true);
  });

  it('reads the card with the CAN and a CSCA file, with fields, face, checks and timings', async () => {
    const result = await cardReadCommand.run(['--can', '012345', '--csca', cscaFile, '--reader', READER]);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.messageEn}`);
    const json = result.value.json as {
      access: { method: string };
      dg13: { fullName: string };
      dg1: { citizenId: string };
      face: { format: string; bytes: number };
      passiveAuthentication: { status: string };
      steps: { step: string; durationMs: number }[];
    };
    expect(json.access.method).toBe('PACE-CAN');
    expect(json.dg13.fullName).toBe('Nguyễn Văn A');
    expect(json.dg1.citizenId).toBe('001099012345');
    expect(json.face).toEqual({ format: 'jpeg', bytes: 20_000 });
    expect(json.passiveAuthentication.status).toBe('passed');
    expect(json.steps.map((s) => s.step)).toContain('passive-authentication');
    expect(result.value.text).toContain('Họ tên / name: Nguyễn Văn A');
    expect(result.value.text).toContain('passive authentication: passed');
  });

  it('reports a wrong CAN and usage errors', async () => {
    const wrong = await cardReadCommand.run(['--can', '999999', '--reader', READER]);
    expect(wrong.ok ? undefined : wrong.error.code).toBe('id-card.wrong-password');
    expect((await cardReadCommand.run([])).ok ? undefined : 'cli.usage').toBe('cli.usage');
    const bad = await cardReadCommand.run(['--can', '12']);
    expect(bad.ok ? undefined : bad.error.code).toBe('cli.usage');
  });
});
