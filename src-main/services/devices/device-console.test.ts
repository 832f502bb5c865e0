import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DevicesChanged, DiscoveredDevice } from '../../../src-shared/api/devices';
import { defaultSettings } from '../../../src-shared/api/settings';
import { ok } from '../../../src-shared/result';
import type { DiscoverySource } from '../../../hardware/discovery';
import { openPtyPair, startEscPosSimulator, type EscPosSimulator, type PtyPair } from '../../../hardware/simulators/escpos-printer';
import { createEventBus } from '../event-bus';
import type { SettingsService } from '../settings-service';
import { openDeviceConsole, type DeviceConsole } from './device-console';

const settings: SettingsService = { get: () => defaultSettings, set: async () => ok(defaultSettings) };
const permissionEnvironment = {
  platform: 'linux' as const,
  uid: 1000,
  groups: [1000],
  listDir: async () => [],
  readText: async () => 'dialout:x:20:\n',
  canOpen: async () => false,
  pcsc: async () => ok([]),
};

/** A bus whose contents the test changes between looks, as a technician plugs things in. */
function fakeBus(): DiscoverySource & { devices: DiscoveredDevice[] } {
  const bus = {
    name: 'fake-usb',
    kind: 'local' as const,
    devices: [] as DiscoveredDevice[],
    scan: async () => ok([...bus.devices]),
  };
  return bus;
}

let simulator: EscPosSimulator;
let dir: string;
let console_: DeviceConsole | undefined;
beforeAll(async () => {
  simulator = await startEscPosSimulator({ tcp: { host: '127.0.0.1', port: 0 } });
});
afterAll(async () => {
  await simulator.close();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-console-'));
});
afterEach(async () => {
  await console_?.close();
  console_ = undefined;
  await rm(dir, { recursive: true, force: true });
});

const open = async (bus: DiscoverySource, events = createEventBus()) => {
  console_ = await openDeviceConsole({
    dir,
    events,
    settings,
    mode: 'web',
    configuredPrinter: { url: `tcp://127.0.0.1:${simulator.tcpPort ?? 0}`, name: 'Simulated receipt printer', simulated: true },
    localSources: [bus],
    probeSources: [],
    pollIntervalMs: 50,
    permissionEnvironment,
  });
  return console_;
};

describe('the device console on the host', () => {
  it('finds the configured (simulated) printer, assigns it a role, prints a test page the simulator decodes', async () => {
    const devices = await open(fakeBus());
    const report = await devices.discover();
    const printer = report.devices.find((d) => d.configured === true);
    expect(printer).toMatchObject({ bus: 'network', state: 'ready', simulated: true, printer: { online: true } });
    if (!printer) return;

    const set = await devices.handlers['devices.roles.set']({ deviceId: printer.id, role: 'receipt-printer' }, { transport: 'in-process' });
    expect(set.ok && set.value.assignments).toEqual([{ deviceId: printer.id, role: 'receipt-printer' }]);

    const pagesBefore = simulator.pages.length;
    const printed = await devices.test(printer.id, 'print-test');
    expect(printed.ok && printed.value.bytesSent).toBeGreaterThan(1000);
    const pages = await simulator.waitForPages(pagesBefore + 1);
    expect(pages[pagesBefore]?.height).toBeGreaterThan(200);

    const listed = await devices.handlers['printer.list']({}, { transport: 'in-process' });
    expect(listed.ok && listed.value.printers[0]).toMatchObject({ deviceId: printer.id, role: 'receipt-printer', configured: true, simulated: true });

    const log = await devices.log.recent(10);
    expect(log.map((e) => e.type)).toEqual(expect.arrayContaining(['role-set', 'test-ok']));
  });

  it('records a failed test as the device’s last error and in the log, with the printer’s own reason', async () => {
    const devices = await open(fakeBus());
    const report = await devices.discover();
    const printer = report.devices.find((d) => d.configured === true);
    if (!printer) throw new Error('no printer');
    simulator.setCondition({ coverOpen: true });
    const refused = await devices.test(printer.id, 'print-test');
    simulator.setCondition({ coverOpen: false });
    expect(!refused.ok && refused.error.code).toBe('devices.printer-not-ready');
    expect(!refused.ok && refused.error.message).toContain('Nắp máy in đang mở');
    const again = await devices.handlers['devices.discover']({ addresses: [], remember: false }, { transport: 'in-process' });
    expect(again.ok && again.value.devices.find((d) => d.id === printer.id)?.lastError?.code).toBe('devices.printer-not-ready');
    expect((await devices.log.recent(5)).some((e) => e.type === 'test-failed' && e.code === 'devices.printer-not-ready')).toBe(true);
  });

  it('finds a network printer by the address the technician types and remembers it when asked', async () => {
    const other = await startEscPosSimulator({ tcp: { host: '127.0.0.1', port: 0 } });
    try {
      const devices = await open(fakeBus());
      const url = `tcp://127.0.0.1:${other.tcpPort ?? 0}`;
      const report = await devices.discover([url], true);
      expect(report.devices.find((d) => d.path === url)).toMatchObject({ state: 'ready', suggestedRole: 'receipt-printer' });
      expect(devices.profile.get().printerAddresses).toEqual([url]);
    } finally {
      await other.close();
    }
  });

  it('emits devices.changed and logs added/removed when a device is plugged in and out', async () => {
    const bus = fakeBus();
    const events = createEventBus();
    const changes: DevicesChanged[] = [];
    events.subscribe((event, payload) => {
      if (event === 'devices.changed') changes.push(payload as DevicesChanged);
    });
    const devices = await open(bus, events);
    await devices.discover();
    bus.devices = [{ id: 'hid:0c2e:0b61', bus: 'hid', name: 'Honeywell Voyager', actions: [], state: 'present', simulated: false }];
    await expect.poll(() => changes.length, { timeout: 3000 }).toBeGreaterThanOrEqual(1);
    expect(changes[0]?.added.map((d) => d.id)).toEqual(['hid:0c2e:0b61']);
    expect(changes[0]?.report.devices.some((d) => d.configured === true)).toBe(true);
    bus.devices = [];
    await expect.poll(() => changes.length, { timeout: 3000 }).toBeGreaterThanOrEqual(2);
    expect(changes[1]?.removed.map((d) => d.id)).toEqual(['hid:0c2e:0b61']);
    const types = (await devices.log.recent(20)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['added', 'removed']));
  });

  it('reports the permission checks it was given', async () => {
    const devices = await open(fakeBus());
    const report = await devices.permissions();
    expect(report.checks.find((c) => c.id === 'group-dialout')?.status).toBe('problem');
  });
});

describe('a serial printer on a socat pty pair, through the console', () => {
  let pty: PtyPair | undefined;
  let serialSim: EscPosSimulator | undefined;
  afterEach(async () => {
    await serialSim?.close();
    await pty?.close();
  });

  it('is probed once named as a printer, and prints a test page over the tty', async () => {
    pty = await openPtyPair();
    serialSim = await startEscPosSimulator({ serial: { path: pty.paths[1] } });
    const devices = await open(fakeBus());
    const id = `serial:${pty.paths[0]}`;
    await devices.handlers['devices.roles.set']({ deviceId: id, role: 'ticket-printer', serialPrinter: { path: pty.paths[0], baudRate: 115_200 } }, { transport: 'in-process' });
    const report = await devices.discover();
    expect(report.devices.find((d) => d.id === id)).toMatchObject({ bus: 'serial', state: 'ready' });
    const printed = await devices.test(id, 'print-test');
    expect(printed.ok).toBe(true);
    const pages = await serialSim.waitForPages(1, 20_000);
    expect(pages).toHaveLength(1);
  }, 30_000);
});
