import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DevicesPage } from './pages/devices-page';
import { KioskPage } from './pages/kiosk-page';
import { useKioskInChromium } from './support/kiosk-in-chromium';

const served = useKioskInChromium();

describe("the technician's device console in Chromium", () => {
  it('shows the simulated receipt printer, assigns a role, prints a test page, exports the profile and a support bundle', async () => {
    const page = await served.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const kiosk = new KioskPage(page);
    await kiosk.open(served.host.url);
    const devices = new DevicesPage(page);
    await devices.open();

    const printer = devices.simulatedPrinter();
    await printer.waitFor();
    await expect.poll(() => printer.getByTestId('device-state').textContent()).toMatch(/Sẵn sàng/);
    await expect.poll(() => printer.getByTestId('device-state').textContent()).toMatch(/trực tuyến/);
    const deviceId = (await printer.getAttribute('data-device-id')) ?? '';
    expect(deviceId).toMatch(/^tcp:127\.0\.0\.1:\d+$/);

    await devices.assignRole(printer, 'receipt-printer');
    await expect
      .poll(async () => {
        try {
          return (JSON.parse(await readFile(join(served.host.dataDir, 'devices', 'device-profile.json'), 'utf8')) as { assignments: unknown[] }).assignments;
        } catch {
          return [];
        }
      })
      .toEqual([{ deviceId, role: 'receipt-printer' }]);
    await expect.poll(() => devices.log().textContent()).toContain('Gán vai trò');

    const outcome = await devices.test(printer, 'print-test');
    await expect.poll(() => outcome.textContent(), { timeout: 15_000 }).toMatch(/Đã in trang thử/);
    await expect.poll(() => devices.log().textContent()).toContain('Kiểm tra đạt');

    const profileFile = await devices.download('profile-export');
    expect(profileFile.suggestedFilename()).toMatch(/^motcua-devices-quay-1-\d{4}-\d{2}-\d{2}\.json$/);
    const profile = JSON.parse(await readFile((await profileFile.path()) ?? '', 'utf8')) as { format: string; version: number; assignments: unknown[] };
    expect(profile).toMatchObject({ format: 'motcua-device-profile', version: 1, assignments: [{ deviceId, role: 'receipt-printer' }] });

    const bundleFile = await devices.download('support-bundle');
    const bundleText = await readFile((await bundleFile.path()) ?? '', 'utf8');
    const bundle = JSON.parse(bundleText) as { format: string; profile: { assignments: unknown[] }; devices: { devices: { id: string }[] } };
    expect(bundle.format).toBe('motcua-support-bundle');
    expect(bundle.profile.assignments).toHaveLength(1);
    expect(bundle.devices.devices.map((d) => d.id)).toContain(deviceId);
    // The officer's name lives in the renderer's store and never reaches the host, let alone the bundle.
    expect(bundleText).not.toContain('Giám Sát');
    expect(bundleText).not.toContain(served.host.dataDir);

    await expect.poll(() => devices.permissions().textContent()).toMatch(/pcscd/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('scans a test page through the counter’s scanner from the console', async () => {
    const page = await served.browser.newPage();
    const kiosk = new KioskPage(page);
    await kiosk.open(served.host.url);
    const devices = new DevicesPage(page);
    await devices.open();
    const panel = page.getByTestId('scanner-test');
    await expect.poll(() => panel.textContent()).toMatch(/mô phỏng|simulated/);
    await page.getByTestId('scanner-test-button').click();
    const result = page.getByTestId('scanner-test-result');
    await result.waitFor({ timeout: 60_000 });
    // The demo feeder's five sheets, blank one kept (blank removal off for a test scan).
    expect(await result.getAttribute('data-pages')).toBe('5');
    expect(await result.locator('img').getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
    await page.close();
  });

  it('refuses a bad profile file and keeps the role; a good one is imported and its absent printer shown as missing', async () => {
    const page = await served.browser.newPage();
    const kiosk = new KioskPage(page);
    await kiosk.open(served.host.url);
    const devices = new DevicesPage(page);
    await devices.open();
    const outcome = await devices.importProfile('bad.json', '{"format":"motcua-device-profile","version":7}');
    await expect.poll(() => outcome.textContent()).toMatch(/phiên bản 7.*giữ nguyên/);
    const printer = devices.simulatedPrinter();
    await expect.poll(() => printer.getByTestId('device-role').inputValue()).toBe('receipt-printer');

    // A good file from another kiosk: its ticket printer is not on this network, and the console says so.
    const deviceId = (await printer.getAttribute('data-device-id')) ?? '';
    const good = {
      format: 'motcua-device-profile',
      version: 1,
      assignments: [
        { deviceId, role: 'receipt-printer' },
        { deviceId: 'tcp:192.0.2.10:9100', role: 'ticket-printer', label: 'Máy in số thứ tự' },
      ],
      printerAddresses: [],
      serialPrinters: [],
    };
    const imported = await devices.importProfile('good.json', JSON.stringify(good));
    await expect.poll(() => imported.textContent()).toMatch(/Đã nhập hồ sơ thiết bị/);
    const missing = devices.rows().filter({ has: page.getByTestId('device-missing') });
    await expect.poll(() => missing.textContent()).toContain('Máy in số thứ tự');
    await expect.poll(() => missing.getByTestId('device-role').inputValue()).toBe('ticket-printer');
    await page.close();
  });
});
