import type { KioskHandlers } from '../../../src-shared/api/dispatcher';
import type {
  ConfiguredPrinter,
  DeviceLogEntry,
  DeviceProfile,
  DeviceTestAction,
  DeviceTestResult,
  DiscoveredDevice,
  DiscoveryReport,
  PermissionsReport,
  SourceReport,
} from '../../../src-shared/api/devices';
import type { HostMode } from '../../../src-shared/api/system';
import type { PrinterState } from '../../../src-shared/api/printer';
import { createLogger } from '../../../src-shared/log';
import { err, ok, type Failure, type Result } from '../../../src-shared/result';
import {
  checkDevicePermissions,
  createPrinterProbeSource,
  deviceIdOf,
  localDiscoverySources,
  mergeDevices,
  nodePermissionEnvironment,
  runDiscovery,
  scannerDiscoverySources,
  startHotPlugWatcher,
  type DeviceDiff,
  type DiscoverySource,
  type HotPlugWatcher,
  type PermissionEnvironment,
  type ProbeTarget,
} from '../../../hardware/discovery';
import type { EventBus } from '../event-bus';
import type { SettingsService } from '../settings-service';
import { appVersion } from '../version';
import { runDeviceTest } from './device-tests';
import { openDeviceProfileStore, type DeviceProfileStore } from './device-profile';
import { deviceConsoleErrors } from './errors';
import { createDeviceEventLog, type DeviceEventLog } from './event-log';
import { buildSupportBundle } from './support-bundle';

const log = createLogger('services.devices');

export type DeviceMethodName =
  | 'devices.discover'
  | 'devices.roles.get'
  | 'devices.roles.set'
  | 'devices.profile.export'
  | 'devices.profile.import'
  | 'devices.test'
  | 'devices.log'
  | 'devices.supportBundle'
  | 'devices.permissions'
  | 'printer.list';

export type DeviceConsoleOptions = {
  /** `<dataDir>/devices`: the profile and the event log. */
  readonly dir: string;
  readonly events: EventBus;
  readonly settings: SettingsService;
  readonly mode: HostMode;
  readonly electronVersion?: string | undefined;
  readonly fontsDir?: string | undefined;
  /** The host's own receipt printer (MOTCUA_PRINTER, or the simulator the host runs). */
  readonly configuredPrinter?: { readonly url: string; readonly name: string; readonly simulated: boolean } | undefined;
  readonly printerState?: (() => PrinterState) | undefined;
  /** Tests replace the buses; the host uses serial, HID, PC/SC, /dev/usb and whatever scanners register. */
  readonly localSources?: readonly DiscoverySource[];
  /** Sources that talk to devices or wait on the network (eSCL over mDNS): run only on request. Printers are added. */
  readonly probeSources?: readonly DiscoverySource[];
  readonly pollIntervalMs?: number;
  readonly permissionEnvironment?: PermissionEnvironment;
  readonly now?: () => number;
};

export type DeviceConsole = {
  readonly handlers: Pick<KioskHandlers, DeviceMethodName>;
  discover(addresses?: readonly string[], remember?: boolean): Promise<DiscoveryReport>;
  test(deviceId: string, action: DeviceTestAction): Promise<Result<DeviceTestResult, Failure>>;
  permissions(): Promise<PermissionsReport>;
  supportBundle(): Promise<{ fileName: string; mimeType: string; content: string }>;
  readonly profile: DeviceProfileStore;
  readonly log: DeviceEventLog;
  /** Stops the hot-plug watcher and waits for log lines still being written. */
  close(): Promise<void>;
};

/**
 * The technician's device console on the host: discovery (local buses polled for hot-plug, printers probed on
 * request), roles persisted per counter, tests from the console, the device event log, the support bundle and
 * the permissions report. The hot-plug watcher starts with the first console call, so a kiosk whose console is
 * never opened never polls.
 */
export async function openDeviceConsole(options: DeviceConsoleOptions): Promise<DeviceConsole> {
  const now = options.now ?? Date.now;
  const profile = await openDeviceProfileStore(options.dir);
  const eventLog = createDeviceEventLog({ dir: options.dir });
  const localSources = options.localSources ?? localDiscoverySources();
  const extraProbeSources = options.probeSources ?? scannerDiscoverySources();
  const permissionEnvironment = options.permissionEnvironment ?? nodePermissionEnvironment();

  let local: DiscoveryReport | undefined;
  let probed: { devices: readonly DiscoveredDevice[]; sources: readonly SourceReport[] } = { devices: [], sources: [] };
  /** The last test's failure per device, shown as "last error" until a test succeeds. */
  const lastErrors = new Map<string, Failure>();
  let watcher: HotPlugWatcher | undefined;
  let closed = false;

  const note = (entry: Omit<DeviceLogEntry, 'at'>): void => {
    // A scan still in flight when the host closes must not write into a folder being removed.
    if (closed) return;
    const full: DeviceLogEntry = { at: now(), ...entry };
    void eventLog.append(full);
    options.events.emit('devices.log', full);
  };
  if (profile.startupNotice) note({ type: 'profile-rejected', code: profile.startupNotice.code });

  const full = (): DiscoveryReport => {
    const devices = mergeDevices([local?.devices ?? [], probed.devices]).map((d) => {
      const failure = lastErrors.get(d.id);
      return failure === undefined ? d : { ...d, lastError: failure };
    });
    return { devices, sources: [...(local?.sources ?? []), ...probed.sources], scannedAt: local?.scannedAt ?? now() };
  };

  const noteSources = (before: readonly SourceReport[] | undefined, after: readonly SourceReport[]): void => {
    for (const report of after) {
      const was = before?.find((b) => b.source === report.source);
      // Only on a change: "pcscd not running" every 2 s would bury everything else in the log.
      if (report.state !== 'ok' && was?.state !== report.state) note({ type: 'source-unavailable', source: report.source, ...(report.error ? { code: report.error.code } : {}) });
    }
  };

  const onHotPlug = (diff: DeviceDiff): void => {
    for (const d of diff.added) note({ type: 'added', deviceId: d.id, bus: d.bus });
    for (const d of diff.removed) note({ type: 'removed', deviceId: d.id, bus: d.bus });
    for (const d of diff.changed) note({ type: 'state-changed', deviceId: d.id, bus: d.bus, state: d.state });
    const report = full();
    options.events.emit('devices.changed', { added: [...diff.added], removed: [...diff.removed], changed: [...diff.changed], report });
  };

  const ensureWatcher = (): HotPlugWatcher => {
    watcher ??= startHotPlugWatcher({
      intervalMs: options.pollIntervalMs ?? 2000,
      scan: async () => {
        const before = local?.sources;
        const report = await runDiscovery(localSources, now);
        noteSources(before, report.sources);
        return report;
      },
      onChange: (diff, report) => {
        local = report;
        if (!closed) onHotPlug(diff);
      },
    });
    return watcher;
  };

  const probeTargets = (extra: readonly string[]): ProbeTarget[] => {
    const current = profile.get();
    const configured = options.configuredPrinter;
    const targets: ProbeTarget[] = configured === undefined ? [] : [{ kind: 'tcp', url: configured.url, name: configured.name, simulated: configured.simulated, configured: true }];
    const configuredId = targets[0] === undefined ? undefined : deviceIdOf(targets[0]);
    for (const url of new Set([...current.printerAddresses, ...extra])) {
      const target: ProbeTarget = { kind: 'tcp', url };
      if (deviceIdOf(target) !== configuredId) targets.push(target);
    }
    for (const serial of current.serialPrinters) targets.push({ kind: 'serial', path: serial.path, baudRate: serial.baudRate });
    return targets;
  };

  const discover = async (addresses: readonly string[] = [], remember = false): Promise<DiscoveryReport> => {
    if (remember && addresses.length > 0) {
      const saved = await profile.rememberAddresses(addresses);
      if (!saved.ok) log.warn('could not remember printer addresses', { code: saved.error.code });
    }
    const probeSources = [createPrinterProbeSource('printers', () => probeTargets(addresses)), ...extraProbeSources];
    const [localReport, probeReport] = await Promise.all([ensureWatcher().poll(), runDiscovery(probeSources, now)]);
    local = localReport;
    const before = probed.sources;
    probed = { devices: probeReport.devices, sources: probeReport.sources };
    noteSources(before, probeReport.sources);
    return full();
  };

  const findDevice = async (deviceId: string): Promise<DiscoveredDevice | undefined> => {
    const known = full().devices.find((d) => d.id === deviceId);
    if (known !== undefined) return known;
    return (await discover()).devices.find((d) => d.id === deviceId);
  };

  const test = async (deviceId: string, action: DeviceTestAction): Promise<Result<DeviceTestResult, Failure>> => {
    const device = await findDevice(deviceId);
    if (device === undefined) return err(deviceConsoleErrors.notFound(deviceId));
    const result = await runDeviceTest(device, action, {
      paper: '80mm',
      fontsDir: options.fontsDir,
      centerName: options.settings.get().centerName,
      profile: profile.get(),
      now,
    });
    if (result.ok) {
      lastErrors.delete(deviceId);
      note({ type: 'test-ok', deviceId, bus: device.bus, action });
    } else {
      lastErrors.set(deviceId, result.error);
      note({ type: 'test-failed', deviceId, bus: device.bus, action, code: result.error.code });
    }
    return result;
  };

  const permissions = () => checkDevicePermissions(permissionEnvironment);

  const supportBundle = async () => {
    const bundle = buildSupportBundle({
      now: now(),
      appVersion: appVersion(),
      mode: options.mode,
      electronVersion: options.electronVersion,
      settings: options.settings.get(),
      discovery: local === undefined ? undefined : full(),
      profile: profile.get(),
      permissions: await permissions(),
      log: await eventLog.recent(500),
      printer: options.printerState?.(),
    });
    note({ type: 'bundle-exported' });
    return bundle;
  };

  const printers = (): ConfiguredPrinter[] => {
    const report = full();
    const byId = new Map(report.devices.map((d) => [d.id, d]));
    const current: DeviceProfile = profile.get();
    const list: ConfiguredPrinter[] = [];
    const configured = options.configuredPrinter;
    const configuredId = configured === undefined ? undefined : deviceIdOf({ kind: 'tcp', url: configured.url });
    const stateOfConfigured = (): ConfiguredPrinter['state'] => {
      const status = options.printerState?.().status;
      if (status === undefined) return 'present';
      return status.coverOpen || status.paperOut || status.error ? 'error' : status.online ? 'ready' : 'offline';
    };
    if (configured !== undefined && configuredId !== undefined) {
      const assignment = current.assignments.find((a) => a.deviceId === configuredId);
      list.push({
        deviceId: configuredId,
        name: configured.name,
        bus: 'network',
        path: configured.url,
        ...(assignment === undefined ? {} : { role: assignment.role, ...(assignment.label === undefined ? {} : { label: assignment.label }) }),
        state: byId.get(configuredId)?.state ?? stateOfConfigured(),
        simulated: configured.simulated,
        configured: true,
        missing: false,
      });
    }
    for (const assignment of current.assignments) {
      if (assignment.deviceId === configuredId || (assignment.role !== 'receipt-printer' && assignment.role !== 'ticket-printer')) continue;
      const device = byId.get(assignment.deviceId);
      list.push({
        deviceId: assignment.deviceId,
        name: device?.name ?? assignment.label ?? assignment.deviceId,
        bus: device?.bus ?? (assignment.deviceId.startsWith('tcp:') ? 'network' : assignment.deviceId.startsWith('usb-printer:') ? 'usb-printer' : 'serial'),
        ...(device?.path === undefined ? {} : { path: device.path }),
        role: assignment.role,
        ...(assignment.label === undefined ? {} : { label: assignment.label }),
        state: device?.state ?? 'offline',
        simulated: device?.simulated ?? false,
        configured: false,
        missing: device === undefined,
      });
    }
    return list;
  };

  const handlers: DeviceConsole['handlers'] = {
    'devices.discover': async ({ addresses, remember }) => ok(await discover(addresses, remember)),
    'devices.roles.get': async () => ok(profile.get()),
    'devices.roles.set': async ({ deviceId, role, label, serialPrinter }) => {
      const saved = await profile.setRole({ deviceId, role, label, serialPrinter });
      if (saved.ok) {
        const bus = full().devices.find((d) => d.id === deviceId)?.bus;
        note(role === null ? { type: 'role-cleared', deviceId, ...(bus ? { bus } : {}) } : { type: 'role-set', deviceId, role, ...(bus ? { bus } : {}) });
      }
      return saved;
    },
    'devices.profile.export': async () => {
      note({ type: 'profile-exported' });
      return ok(profile.exportFile(now(), options.settings.get().counterNumber));
    },
    'devices.profile.import': async ({ content }) => {
      const imported = await profile.importFile(content);
      note(imported.ok ? { type: 'profile-imported' } : { type: 'profile-rejected', code: imported.error.code });
      return imported;
    },
    'devices.test': async ({ deviceId, action }) => test(deviceId, action),
    'devices.log': async ({ limit }) => ok({ entries: await eventLog.recent(limit) }),
    'devices.supportBundle': async () => ok(await supportBundle()),
    'devices.permissions': async () => ok(await permissions()),
    'printer.list': async () => ok({ printers: printers() }),
  };

  return {
    handlers,
    discover,
    test,
    permissions,
    supportBundle,
    profile,
    log: eventLog,
    async close() {
      closed = true;
      watcher?.stop();
      await eventLog.flush();
    },
  };
}
