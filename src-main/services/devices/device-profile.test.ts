import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDeviceProfileStore } from './device-profile';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-devices-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('device roles, persisted in the host data folder', () => {
  it('saves a role, survives a restart, and clears it again', async () => {
    const store = await openDeviceProfileStore(dir);
    const set = await store.setRole({ deviceId: 'tcp:192.168.1.50:9100', role: 'receipt-printer', label: 'Máy in quầy 3' });
    expect(set.ok).toBe(true);
    const again = await openDeviceProfileStore(dir);
    expect(again.get().assignments).toEqual([{ deviceId: 'tcp:192.168.1.50:9100', role: 'receipt-printer', label: 'Máy in quầy 3' }]);
    await again.setRole({ deviceId: 'tcp:192.168.1.50:9100', role: 'ticket-printer' });
    expect(again.get().assignments).toEqual([{ deviceId: 'tcp:192.168.1.50:9100', role: 'ticket-printer' }]);
    await again.setRole({ deviceId: 'tcp:192.168.1.50:9100', role: null });
    expect((await openDeviceProfileStore(dir)).get().assignments).toEqual([]);
  });

  it('sets a damaged file aside (never deleted) and starts empty, saying so', async () => {
    await writeFile(join(dir, 'device-profile.json'), '{ "format": "motcua-device-profile", "version": 1, "assignments": [ {');
    const store = await openDeviceProfileStore(dir);
    expect(store.get().assignments).toEqual([]);
    expect(store.startupNotice?.code).toBe('devices.profile-unreadable');
    expect((await readdir(dir)).some((name) => name.startsWith('device-profile.json.unreadable-'))).toBe(true);
  });
});

describe('profile export and import', () => {
  it('round-trips through the exported file (with its format version) onto another kiosk', async () => {
    const first = await openDeviceProfileStore(dir);
    await first.setRole({ deviceId: 'pcsc:ACS ACR1252 00 00', role: 'id-card-reader' });
    await first.setRole({ deviceId: 'serial:/dev/ttyUSB0', role: 'queue-display', serialPrinter: undefined });
    await first.rememberAddresses(['tcp://192.168.1.50:9100']);
    const file = first.exportFile(Date.UTC(2026, 2, 2, 3), 3);
    expect(file.fileName).toBe('motcua-devices-quay-3-2026-03-02.json');
    expect(JSON.parse(file.content)).toMatchObject({ format: 'motcua-device-profile', version: 1, exportedAt: Date.UTC(2026, 2, 2, 3) });

    const otherDir = await mkdtemp(join(tmpdir(), 'motcua-devices-other-'));
    const other = await openDeviceProfileStore(otherDir);
    const imported = await other.importFile(file.content);
    expect(imported.ok && imported.value.assignments).toHaveLength(2);
    expect(JSON.parse(await readFile(join(otherDir, 'device-profile.json'), 'utf8'))).toMatchObject({ printerAddresses: ['tcp://192.168.1.50:9100'] });
    await rm(otherDir, { recursive: true, force: true });
  });

  const bad: ReadonlyArray<[string, string, string]> = [
    ['not JSON', 'hello', 'devices.profile-not-json'],
    ['another file', JSON.stringify({ centerName: 'x' }), 'devices.profile-wrong-format'],
    ['a newer format', JSON.stringify({ format: 'motcua-device-profile', version: 2, assignments: [] }), 'devices.profile-future-version'],
    ['an unknown role', JSON.stringify({ format: 'motcua-device-profile', version: 1, assignments: [{ deviceId: 'a', role: 'coffee-machine' }], printerAddresses: [], serialPrinters: [] }), 'devices.profile-invalid'],
    [
      'two roles for one device',
      JSON.stringify({ format: 'motcua-device-profile', version: 1, assignments: [{ deviceId: 'a', role: 'receipt-printer' }, { deviceId: 'a', role: 'ticket-printer' }], printerAddresses: [], serialPrinters: [] }),
      'devices.profile-invalid',
    ],
    ['a bad address', JSON.stringify({ format: 'motcua-device-profile', version: 1, assignments: [], printerAddresses: ['http://x'], serialPrinters: [] }), 'devices.profile-invalid'],
  ];

  it.each(bad)('refuses %s with a bilingual reason and keeps what was saved', async (_what, content, code) => {
    const store = await openDeviceProfileStore(dir);
    await store.setRole({ deviceId: 'tcp:10.0.0.9:9100', role: 'receipt-printer' });
    const before = await readFile(join(dir, 'device-profile.json'), 'utf8');
    const result = await store.importFile(content);
    expect(!result.ok && result.error.code).toBe(code);
    expect(!result.ok && result.error.message).toMatch(/giữ nguyên/);
    expect(!result.ok && result.error.messageEn).toMatch(/kept/);
    expect(await readFile(join(dir, 'device-profile.json'), 'utf8')).toBe(before);
    expect(store.get().assignments).toEqual([{ deviceId: 'tcp:10.0.0.9:9100', role: 'receipt-printer' }]);
  });
});
