import { create } from 'zustand';
import type { KioskApi } from '../../../src-shared/api/contract';
import type { Settings, SettingsPatch } from '../../../src-shared/api/settings';
import type { SystemInfo } from '../../../src-shared/api/system';
import type { ConnectionState } from '../../../src-shared/api/ws-client';
import type { Failure } from '../../../src-shared/result';

export type Screen = 'home' | 'queue' | 'receive' | 'records' | 'procedures' | 'calendar' | 'settings' | 'accounts' | 'devices';
export type StorageState = 'granted' | 'denied' | 'unsupported' | 'unknown';

type KioskState = {
  api: KioskApi | undefined;
  transport: 'electron-ipc' | 'websocket' | undefined;
  connection: ConnectionState;
  systemInfo: SystemInfo | undefined;
  settings: Settings | undefined;
  storage: StorageState;
  screen: Screen;
  lastFailure: Failure | undefined;
  attach: (api: KioskApi, transport: 'electron-ipc' | 'websocket') => void;
  setConnection: (state: ConnectionState) => void;
  setStorage: (state: StorageState) => void;
  go: (screen: Screen) => void;
  refresh: () => Promise<void>;
  saveSettings: (patch: SettingsPatch) => Promise<Failure | undefined>;
};

/** One store for the shell: what the host told us, and where the officer is. Domain data lives in Dexie. */
export const useKioskStore = create<KioskState>()((set, get) => ({
  api: undefined,
  transport: undefined,
  connection: 'connecting',
  systemInfo: undefined,
  settings: undefined,
  storage: 'unknown',
  screen: 'home',
  lastFailure: undefined,
  attach: (api, transport) => {
    set({ api, transport });
    api.on('settings.changed', (settings) => set({ settings }));
  },
  setConnection: (connection) => {
    set({ connection });
    if (connection === 'open') void get().refresh();
  },
  setStorage: (storage) => {
    set({ storage });
  },
  go: (screen) => {
    set({ screen });
  },
  refresh: async () => {
    const api = get().api;
    if (!api) return;
    const [info, settings] = await Promise.all([api.call('system.info', {}), api.call('settings.get', {})]);
    set({
      systemInfo: info.ok ? info.value : get().systemInfo,
      settings: settings.ok ? settings.value : get().settings,
      lastFailure: !info.ok ? info.error : !settings.ok ? settings.error : undefined,
    });
  },
  saveSettings: async (patch) => {
    const api = get().api;
    if (!api) return undefined;
    const result = await api.call('settings.set', patch);
    if (!result.ok) return result.error;
    set({ settings: result.value });
    return undefined;
  },
}));
