import { join, resolve } from 'node:path';
import type { DiscoveredDevice, PermissionCheck } from '../../../src-shared/api/devices';
import { tcpAddressSchema } from '../../../src-shared/api/devices';
import { err, failure, ok, type Result } from '../../../src-shared/result';
import { writeFileAtomic } from '../../../hardware/files/atomic-file';
import { checkDevicePermissions } from '../../../hardware/discovery';
import { defaultDataDir } from '../../services/data-dir';
import { deviceConsoleErrors, openDeviceConsole, type DeviceConsole } from '../../services/devices';
import { createEventBus } from '../../services/event-bus';
import { openSettingsService } from '../../services/settings-service';
import { parseOptions } from '../options';
import type { CliCommand } from '../command';

/**
 * The console without the kiosk: the same discovery, roles and bundle, read from the host's data folder
 * (`--data-dir`, default as the host's). Useful over SSH when the screen is not reachable.
 */
async function withConsole<T>(dataDir: string | undefined, use: (devices: DeviceConsole) => Promise<Result<T>>): Promise<Result<T>> {
  const dir = dataDir ?? defaultDataDir();
  const events = createEventBus();
  const settings = await openSettingsService(dir, events);
  const printerUrl = process.env.MOTCUA_PRINTER;
  const devices = await openDeviceConsole({
    dir: join(dir, 'devices'),
    events,
    settings,
    mode: 'web',
    ...(printerUrl === undefined ? {} : { configuredPrinter: { url: printerUrl, name: `ESC/POS ${printerUrl}`, simulated: false } }),
  });
  try {
    return await use(devices);
  } finally {
    await devices.close();
  }
}

const stateWords: Record<DiscoveredDevice['state'], string> = {
  present: 'có mặt / present',
  ready: 'sẵn sàng / ready',
  busy: 'đang bận / busy',
  offline: 'không trả lời / offline',
  error: 'lỗi / error',
};

const statusWords: Record<PermissionCheck['status'], string> = { ok: 'OK', problem: 'CẦN SỬA / FIX', warning: 'LƯU Ý / NOTE', 'not-applicable': '—' };

/** `motcua devices list [--printer tcp://…] [--json]`: every device the host can see, with roles. */
export const devicesListCommand: CliCommand = {
  path: ['devices', 'list'],
  summary: 'Dò thiết bị (nối tiếp, HID, đầu đọc thẻ, máy in) / Discover devices (serial, HID, readers, printers)',
  usage: 'motcua devices list [--printer tcp://192.168.1.50:9100] [--data-dir DIR] [--json]',
  async run(argv) {
    const parsed = parseOptions(argv, { printer: { type: 'string', multiple: true }, 'data-dir': { type: 'string' } });
    if (!parsed.ok) return parsed;
    const addresses: string[] = [];
    for (const address of parsed.value.printer ?? []) {
      const checked = tcpAddressSchema.safeParse(address);
      if (!checked.success) return err(failure('cli.usage', `Địa chỉ máy in không hợp lệ: ${address} (ví dụ tcp://192.168.1.50:9100).`, `Invalid printer address: ${address} (e.g. tcp://192.168.1.50:9100).`));
      addresses.push(checked.data);
    }
    return withConsole(parsed.value['data-dir'], async (devices) => {
      const report = await devices.discover(addresses);
      const roles = new Map(devices.profile.get().assignments.map((a) => [a.deviceId, a.role]));
      const lines = report.devices.map((d) => {
        const role = roles.get(d.id);
        const error = d.lastError ? `\n      ${d.lastError.message} / ${d.lastError.messageEn}` : '';
        return `  [${d.bus}] ${d.name}\n      ${d.id} — ${stateWords[d.state]}${role ? ` — vai trò / role: ${role}` : ''}${error}`;
      });
      const sources = report.sources.map((s) => `  ${s.source}: ${s.state}${s.error ? ` — ${s.error.message} / ${s.error.messageEn}` : ''}`);
      const text = [`Thiết bị / Devices (${report.devices.length}):`, ...(lines.length ? lines : ['  (không có / none)']), '', 'Nguồn dò / Sources:', ...sources].join('\n');
      return ok({ json: { ...report, roles: devices.profile.get().assignments }, text });
    });
  },
};

/** `motcua devices permissions`: udev rules, dialout, device files, pcscd, in plain words with the fix. */
export const devicesPermissionsCommand: CliCommand = {
  path: ['devices', 'permissions'],
  summary: 'Kiểm tra quyền mở thiết bị (udev, dialout, pcscd) / Check device permissions',
  usage: 'motcua devices permissions [--json]',
  async run(argv) {
    if (argv.length > 0) return err(failure('cli.usage', `Tham số thừa: ${argv.join(' ')}`, `Unexpected arguments: ${argv.join(' ')}`));
    const report = await checkDevicePermissions();
    const text = report.checks
      .map((c) => `[${statusWords[c.status]}] ${c.subject}\n    ${c.message}\n    ${c.messageEn}${c.fix ? `\n    $ ${c.fix}` : ''}`)
      .join('\n');
    return ok({ json: report, text });
  },
};

/** `motcua devices bundle --out file.json`: the support bundle (no personal data) as one JSON file. */
export const devicesBundleCommand: CliCommand = {
  path: ['devices', 'bundle'],
  summary: 'Xuất gói hỗ trợ kỹ thuật (không có dữ liệu cá nhân) / Export a support bundle (no personal data)',
  usage: 'motcua devices bundle --out motcua-support.json [--data-dir DIR]',
  async run(argv) {
    const parsed = parseOptions(argv, { out: { type: 'string' }, 'data-dir': { type: 'string' } });
    if (!parsed.ok) return parsed;
    const out = parsed.value.out;
    if (out === undefined) return err(failure('cli.usage', 'Cần --out tên-tệp.json.', 'Give --out file.json.'));
    return withConsole(parsed.value['data-dir'], async (devices) => {
      await devices.discover();
      const bundle = await devices.supportBundle();
      const path = resolve(out);
      try {
        await writeFileAtomic(path, bundle.content);
      } catch (cause: unknown) {
        const detail = cause instanceof Error ? cause.message : String(cause);
        return err(deviceConsoleErrors.bundleWriteFailed(path, detail));
      }
      return ok({ json: { path, bytes: Buffer.byteLength(bundle.content) }, text: `Đã ghi gói hỗ trợ / Support bundle written: ${path}` });
    });
  },
};
