import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createKioskHost, type KioskHost } from '../kiosk-host';
import { withoutSecrets } from './support-bundle';

let host: KioskHost | undefined;
let dir: string | undefined;
afterEach(async () => {
  await host?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  host = undefined;
});

const citizenName = 'Trần Thị Bích Ngọc';
const citizenId = '001099012345';

describe('the support bundle', () => {
  it('carries versions, settings, devices, roles and the log, and no personal data from slips printed before', async () => {
    dir = await mkdtemp(join(tmpdir(), 'motcua-bundle-'));
    host = await createKioskHost({ dataDir: dir, mode: 'web' });
    const ctx = { transport: 'in-process' as const };
    const printed = await host.dispatch(
      'printer.print',
      {
        slip: {
          kind: 'receipt',
          centerName: 'Trung tâm Phục vụ hành chính công phường Mẫu',
          recordCode: `000.00.00.H99-${citizenId}`,
          citizenName,
          procedureName: 'Đăng ký khai sinh',
          documents: [{ name: `Tờ khai của ${citizenName}`, original: 1, certifiedCopy: 0, photocopy: 0 }],
          receivedAt: Date.UTC(2026, 2, 2, 2),
          dueAt: Date.UTC(2026, 2, 3, 2),
          fee: { amountVnd: 0, paid: true },
          pickup: { kind: 'counter' },
          officerName: 'Lê Văn Cán Bộ',
        },
      },
      ctx,
    );
    expect(printed.ok).toBe(true);
    await host.printer.simulator?.waitForPages(1);
    await expect.poll(() => host?.printer.state().jobs[0]?.state, { timeout: 10_000 }).toBe('done');

    const discovered = await host.dispatch('devices.discover', {}, ctx);
    expect(discovered.ok).toBe(true);
    const bundle = await host.dispatch('devices.supportBundle', {}, ctx);
    expect(bundle.ok).toBe(true);
    if (!bundle.ok) return;
    const { fileName, content } = bundle.value as { fileName: string; content: string };
    expect(fileName).toMatch(/^motcua-support-.*\.json$/);
    const parsed = JSON.parse(content) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['format', 'version', 'createdAt', 'app', 'runtime', 'settings', 'devices', 'profile', 'permissions', 'receiptPrinter', 'deviceLog']);
    expect(parsed.receiptPrinter).toMatchObject({ recentJobsByState: { done: 1 } });
    expect(content).toContain(process.versions.node);
    for (const personal of [citizenName, 'Ngọc', citizenId, 'Lê Văn Cán Bộ', 'khai sinh', dir]) expect(content).not.toContain(personal);
  });

  it('removes secret-looking keys at any depth', () => {
    expect(withoutSecrets({ centerName: 'A', sync: { token: 't0k', url: 'https://x' }, list: [{ password: 'p' }] })).toEqual({
      centerName: 'A',
      sync: { token: '[removed]', url: 'https://x' },
      list: [{ password: '[removed]' }],
    });
  });
});
