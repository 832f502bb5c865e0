import { createDispatcher, type Dispatch, type KioskHandlers } from '../../src-shared/api/dispatcher';
import type { HostMode } from '../../src-shared/api/system';
import { FailureError, ok } from '../../src-shared/result';
import { createDeviceRegistry, type DeviceRegistry } from './device-registry';
import { createEventBus, type EventBus } from './event-bus';
import { createQueueDisplayService } from './queue-display-service';
import { openPrinterService, type PrinterService } from './printer-service';
import { openSettingsService, type SettingsService } from './settings-service';
import { appVersion } from './version';

export type KioskHostOptions = {
  readonly dataDir: string;
  readonly mode: HostMode;
  readonly electronVersion?: string;
  /** `tcp://host:9100`; absent = the simulated receipt printer (see printer-service.ts). */
  readonly printerUrl?: string;
  /** Where the receipt font lives when the code runs bundled (dist/…); tests run from the sources and omit it. */
  readonly fontsDir?: string;
};

/** Everything a transport needs: the dispatcher for calls and the bus for events. */
export type KioskHost = {
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  readonly settings: SettingsService;
  readonly devices: DeviceRegistry;
  readonly printer: PrinterService;
  close(): Promise<void>;
};

/** Builds the host's services once; Electron and the web host wrap the same instance in their transport. */
export async function createKioskHost(options: KioskHostOptions): Promise<KioskHost> {
  const events = createEventBus();
  const settings = await openSettingsService(options.dataDir, events);
  const devices = createDeviceRegistry();
  const printer = await openPrinterService(
    { dataDir: options.dataDir, ...(options.printerUrl === undefined ? {} : { printerUrl: options.printerUrl }), ...(options.fontsDir === undefined ? {} : { fontsDir: options.fontsDir }) },
    events,
    devices,
  );
  // An invalid printer address is a configuration error: the host refuses to start and says why, in both languages.
  if (!printer.ok) throw new FailureError(printer.error);
  const queueDisplay = createQueueDisplayService(events);
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
    'printer.status': async () => ok(printer.value.state()),
    'printer.print': async ({ slip }) => printer.value.print(slip),
    'printer.resolve': async ({ jobId, decision }) => printer.value.resolve(jobId, decision),
    'queue.announce': async (call) => ok(queueDisplay.announce(call)),
    'queue.recentCalls': async () => ok(queueDisplay.recent()),
  };

  return { dispatch: createDispatcher(handlers), events, settings, devices, printer: printer.value, close: () => printer.value.close() };
}
