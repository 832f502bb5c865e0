import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { HttpRequest, Transport } from '../../../src-shared/sync/http';
import { runCli } from '../runner';
import { syncEnrollCommand } from './sync';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A Center's server that knows one code: answers an enrollment like the real one (docs/SYNC-PROTOCOL.md). */
function centerServer(calls: { url: string; request: HttpRequest }[]): Transport {
  return async (url, request) => {
    calls.push({ url, request });
    const body = JSON.parse(typeof request.body === 'string' ? request.body : '{}') as { code: string; kioskId: string };
    const known = body.code === 'ABCD-EFGH-JKMN';
    const answer = known
      ? { kioskId: body.kioskId, unitId: '000.00.15.H55', kioskSlot: 4, token: 't'.repeat(43), epoch: 'e1' }
      : { error: { code: 'sync.enrollment-invalid', message: 'Mã đăng ký máy không đúng, đã dùng hoặc đã hết hạn.', messageEn: 'The enrollment code is wrong, used or expired.' } };
    return { status: known ? 200 : 403, headers: { get: () => null }, json: () => Promise.resolve(answer) };
  };
}

async function run(argv: string[], transport: Transport) {
  const out: string[] = [];
  const errors: string[] = [];
  const code = await runCli([syncEnrollCommand({ transport, newKioskId: () => 'point-1' })], argv, { out: (t) => out.push(t), err: (t) => errors.push(t) });
  return { code, out: out.join('\n'), errors: errors.join('\n') };
}

describe('motcua sync enroll', () => {
  it('enrolls a stopped point by its data folder: the credential goes to the settings file, never to the terminal', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'motcua-cli-enroll-'));
    dirs.push(dataDir);
    const calls: { url: string; request: HttpRequest }[] = [];
    const result = await run(['sync', 'enroll', '--server', 'http://192.168.1.10:8787/', '--code', 'ABCD-EFGH-JKMN', '--data-dir', dataDir, '--json'], centerServer(calls));

    expect(result.code).toBe(0);
    expect(JSON.parse(result.out)).toEqual({ ok: true, value: { kioskId: 'point-1', unitId: '000.00.15.H55', kioskSlot: 4, server: 'http://192.168.1.10:8787', dataDir } });
    expect(result.out).not.toContain('t'.repeat(43));
    expect(calls.map((c) => [c.url, c.request.method, c.request.body])).toEqual([['http://192.168.1.10:8787/v1/enroll', 'POST', JSON.stringify({ code: 'ABCD-EFGH-JKMN', kioskId: 'point-1' })]]);
    const settings = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')) as Record<string, unknown>;
    expect(settings).toMatchObject({ syncServerUrl: 'http://192.168.1.10:8787', kioskToken: 't'.repeat(43), centerUnitId: '000.00.15.H55', kioskSlot: 4 });
  });

  it('writes nothing when the server refuses the code, and says why in both languages', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'motcua-cli-enroll-'));
    dirs.push(dataDir);
    const result = await run(['sync', 'enroll', '--server', 'http://192.168.1.10:8787', '--code', 'WRONG-CODE', '--data-dir', dataDir], centerServer([]));
    expect(result.code).toBe(1);
    expect(result.errors).toMatch(/Lỗi: Mã đăng ký máy không đúng[\s\S]*Error: The enrollment code is wrong/);
    await expect(stat(join(dataDir, 'settings.json'))).rejects.toThrow();
  });

  it('refuses a missing code or a server that is not http(s) as a usage error', async () => {
    expect((await run(['sync', 'enroll', '--server', 'http://x:8787'], centerServer([]))).code).toBe(2);
    expect((await run(['sync', 'enroll', '--server', 'ftp://x', '--code', 'ABCD-EFGH-JKMN'], centerServer([]))).code).toBe(2);
    expect((await run(['sync', 'enroll', '--server', 'http://x:8787', '--code', 'ABCD-EFGH-JKMN', '--kiosk-id', 'bad id'], centerServer([]))).code).toBe(2);
  });
});
