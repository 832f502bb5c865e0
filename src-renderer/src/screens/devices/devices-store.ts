import { create } from 'zustand';
import type { KioskApi } from '../../../../src-shared/api/contract';
import type { DeviceLogEntry, DeviceProfile, DeviceRole, DeviceTestAction, DeviceTestResult, DiscoveryReport, PermissionsReport } from '../../../../src-shared/api/devices';
import type { Failure } from '../../../../src-shared/result';

/** The outcome of the last test per device, shown beside its buttons until the next one. */
export type TestOutcome = { readonly action: DeviceTestAction; readonly result?: DeviceTestResult; readonly failure?: Failure; readonly running?: boolean };

type DevicesState = {
  report: DiscoveryReport | undefined;
  profile: DeviceProfile | undefined;
  log: readonly DeviceLogEntry[];
  permissions: PermissionsReport | undefined;
  outcomes: Readonly<Record<string, TestOutcome>>;
  scanning: boolean;
  failure: Failure | undefined;
  /** Subscribes to hot-plug and log events and loads everything; returns the unsubscribe. */
  attach: (api: KioskApi) => () => void;
  scan: (api: KioskApi, addresses?: readonly string[]) => Promise<void>;
  setRole: (api: KioskApi, deviceId: string, role: DeviceRole | null, serialPath?: string) => Promise<void>;
  test: (api: KioskApi, deviceId: string, action: DeviceTestAction) => Promise<void>;
  loadPermissions: (api: KioskApi) => Promise<void>;
  setProfile: (profile: DeviceProfile) => void;
};

const LOG_SHOWN = 100;

/** The console's own store: device data lives on the host, this only mirrors what the host last said. */
export const useDevicesStore = create<DevicesState>()((set, get) => ({
  report: undefined,
  profile: undefined,
  log: [],
  permissions: undefined,
  outcomes: {},
  scanning: false,
  failure: undefined,
  attach(api) {
    const stopChanged = api.on('devices.changed', (change) => set({ report: change.report }));
    const stopLog = api.on('devices.log', (entry) => set({ log: [...get().log, entry].slice(-LOG_SHOWN) }));
    void (async () => {
      const [profile, log] = await Promise.all([api.call('devices.roles.get', {}), api.call('devices.log', { limit: LOG_SHOWN })]);
      set({ profile: profile.ok ? profile.value : get().profile, log: log.ok ? log.value.entries : get().log });
      await Promise.all([get().scan(api), get().loadPermissions(api)]);
    })();
    return () => {
      stopChanged();
      stopLog();
    };
  },
  async scan(api, addresses = []) {
    set({ scanning: true });
    const result = await api.call('devices.discover', { addresses: [...addresses], remember: addresses.length > 0 });
    set(result.ok ? { report: result.value, scanning: false, failure: undefined } : { scanning: false, failure: result.error });
    if (addresses.length > 0) {
      const profile = await api.call('devices.roles.get', {});
      if (profile.ok) set({ profile: profile.value });
    }
  },
  async setRole(api, deviceId, role, serialPath) {
    const result = await api.call('devices.roles.set', {
      deviceId,
      role,
      // A serial line given a printer role is then probed as an ESC/POS printer at each scan.
      ...(serialPath !== undefined && (role === 'receipt-printer' || role === 'ticket-printer') ? { serialPrinter: { path: serialPath, baudRate: 115_200 } } : {}),
    });
    set(result.ok ? { profile: result.value, failure: undefined } : { failure: result.error });
  },
  async test(api, deviceId, action) {
    set({ outcomes: { ...get().outcomes, [deviceId]: { action, running: true } } });
    const result = await api.call('devices.test', { deviceId, action });
    set({ outcomes: { ...get().outcomes, [deviceId]: result.ok ? { action, result: result.value } : { action, failure: result.error } } });
  },
  async loadPermissions(api) {
    const result = await api.call('devices.permissions', {});
    if (result.ok) set({ permissions: result.value });
  },
  setProfile(profile) {
    set({ profile });
  },
}));
