import { createDispatcher, type Dispatch, type KioskHandlers } from '../../src-shared/api/dispatcher';
import type { HostMode } from '../../src-shared/api/system';
import { ok } from '../../src-shared/result';
import { createDeviceRegistry, type DeviceRegistry } from './device-registry';
import { createEventBus, type EventBus } from './event-bus';
import { openSettingsService, type SettingsService } from './settings-service';
import { appVersion } from './version';

export type KioskHostOptions = {
  readonly dataDir: string;
  readonly mode: HostMode;
  readonly electronVersion?: string;
};

/** Everything a transport needs: the dispatcher for calls and the bus for events. */
export type KioskHost = {
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  readonly settings: SettingsService;
  readonly devices: DeviceRegistry;
};

/** Builds the host's services once; Electron and the web host wrap the same instance in their transport. */
export async function createKioskHost(options: KioskHostOptions): Promise<KioskHost> {
  const events = createEventBus();
  const settings = await openSettingsService(options.dataDir, events);
  const devices = createDeviceRegistry();
  const startedAt = Date.now();
  const version = appVersion();

  const handlers: KioskHandlers = {
    'system.info': async () =>
      ok({
        app: 'motcua' as const,
        version,
        mode: options.mode,
        ...(options.electronVersion === undefined ? {} : { electronVersion: options.electronVersion }),
        nodeVersion: process.versions.node,
        platform: `${process.platform}-${process.arch}`,
        startedAt,
        devices: [...devices.list()],
      }),
    'settings.get': async () => ok(settings.get()),
    'settings.set': async (patch) => settings.set(patch),
  };

  return { dispatch: createDispatcher(handlers), events, settings, devices };
}
