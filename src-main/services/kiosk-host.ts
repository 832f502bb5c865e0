import { join } from 'node:path';
import { createDispatcher, type Dispatch, type KioskHandlers } from '../../src-shared/api/dispatcher';
import type { HostMode, KioskMode } from '../../src-shared/api/system';
import { selfServiceHandlers } from './self-service-policy';
import { FailureError, ok } from '../../src-shared/result';
import { openCardService, type CardService } from './card-service';
import { createDeviceRegistry, type DeviceRegistry } from './device-registry';
import { openDeviceConsole } from './devices';
import { createEventBus, type EventBus } from './event-bus';
import { createQueueDisplayService } from './queue-display-service';
import { relaySyncCall } from './sync-relay';
import { openPrinterService, type PrinterService } from './printer-service';
import { openScannerService, type ScannerService } from './scanner-service';
import { openSettingsService, type SettingsService } from './settings-service';
import { appVersion } from './version';

export type KioskHostOptions = {
  readonly dataDir: string;
  readonly mode: HostMode;
  readonly electronVersion?: string;
  /** `tcp://host:9100`; absent = the simulated receipt printer (see printer-service.ts). */
  readonly printerUrl?: string;
  /** MOTCUA_KIOSK_MODE: a technician starts a citizens' self-service point with `self-service` (see self-service-policy.ts). */
  readonly kioskMode?: KioskMode;
  /** MOTCUA_PRINTER_TEXT_MODE, e.g. `windows-1258:52`: set by a technician after the calibration slip printed right. */
  readonly printerTextMode?: string;
  /** Where the receipt font lives when the code runs bundled (dist/…); tests run from the sources and omit it. */
  readonly fontsDir?: string;
  /** `http://host:port/eSCL` or `sane:<device>`; absent = MOTCUA_SCANNER, else the simulated scanner (scanner-service.ts). */
  readonly scannerUrl?: string;
  /** `pcsc` = real PC/SC readers; absent = MOTCUA_CARD_READER, else the simulated CCCD reader (card-service.ts). */
  readonly cardReader?: 'pcsc' | 'simulated';
};

/** Everything a transport needs: the dispatcher for calls and the bus for events. */
export type KioskHost = {
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  readonly settings: SettingsService;
  readonly devices: DeviceRegistry;
  readonly printer: PrinterService;
  readonly scanner: ScannerService;
  readonly card: CardService;
  close(): Promise<void>;
};

/** Builds the host's services once; Electron and the web host wrap the same instance in their transport. */
export async function createKioskHost(options: KioskHostOptions): Promise<KioskHost> {
  const events = createEventBus();
  const settings = await openSettingsService(options.dataDir, events);
  const devices = createDeviceRegistry();
  const printer = await openPrinterService(
    {
      dataDir: options.dataDir,
      ...(options.printerUrl === undefined ? {} : { printerUrl: options.printerUrl }),
      ...(options.fontsDir === undefined ? {} : { fontsDir: options.fontsDir }),
      ...(options.printerTextMode === undefined ? {} : { textMode: options.printerTextMode }),
    },
    events,
    devices,
  );
  // An invalid printer address is a configuration error: the host refuses to start and says why, in both languages.
  if (!printer.ok) throw new FailureError(printer.error);
  const scannerUrl = options.scannerUrl ?? process.env.MOTCUA_SCANNER;
  const scanner = await openScannerService(
    { dataDir: options.dataDir, ...(scannerUrl ? { scannerUrl } : {}), ...(options.fontsDir === undefined ? {} : { fontsDir: options.fontsDir }) },
    events,
    devices,
  );
  if (!scanner.ok) {
    await printer.value.close();
    throw new FailureError(scanner.error);
  }
  const cardReader = options.cardReader ?? (process.env.MOTCUA_CARD_READER === 'pcsc' ? 'pcsc' : 'simulated');
  const card = await openCardService({ mode: cardReader, ...(process.env.MOTCUA_CSCA ? { cscaFiles: process.env.MOTCUA_CSCA.split(':') } : {}) }, events, devices);
  if (!card.ok) {
    await scanner.value.close();
    await printer.value.close();
    throw new FailureError(card.error);
  }
  const queueDisplay = createQueueDisplayService(events);
  const startedAt = Date.now();
  const version = appVersion();
  // The technician's device console (docs/DEVICES.md); it knows the host's own receipt printer by address.
  const deviceConsole = await openDeviceConsole({
    dir: join(options.dataDir, 'devices'),
    events,
    settings,
    mode: options.mode,
    electronVersion: options.electronVersion,
    fontsDir: options.fontsDir,
    configuredPrinter: {
      url: options.printerUrl ?? `tcp://127.0.0.1:${printer.value.simulator?.tcpPort ?? 9100}`,
      name: printer.value.state().name,
      simulated: printer.value.simulator !== undefined,
    },
    printerState: () => printer.value.state(),
  });

  const handlers: KioskHandlers = {
    'system.info': async () =>
      ok({
        app: 'motcua' as const,
        version,
        mode: options.mode,
        kioskMode: options.kioskMode ?? 'counter',
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
    ...deviceConsole.handlers,
    'queue.announce': async (call) => ok(queueDisplay.announce(call)),
    'queue.recentCalls': async () => ok(queueDisplay.recent()),
    'sync.relay': async (request) => {
      const { syncServerUrl, kioskToken } = settings.get();
      return relaySyncCall(request, { url: syncServerUrl, token: kioskToken, mayEnroll: options.kioskMode !== 'self-service' });
    },
    'scanner.list': async () => scanner.value.list(),
    'scanner.capabilities': async ({ scannerId }) => scanner.value.capabilities(scannerId),
    'scanner.scan': async (input) => scanner.value.scan(input),
    'scanner.cancel': async ({ jobId }) => scanner.value.cancel(jobId),
    'scanner.pdfChunk': async ({ jobId, offset, length }) => scanner.value.pdfChunk(jobId, offset, length),
    'card.readers': async () => card.value.readers(),
    'card.read': async (input) => card.value.read(input),
    'card.simulate': async (input) => card.value.simulate(input),
    'face.verify': async (input) => card.value.verifyFace(input),
  };

  return {
    dispatch: createDispatcher(options.kioskMode === 'self-service' ? selfServiceHandlers(handlers) : handlers),
    events,
    settings,
    devices,
    printer: printer.value,
    scanner: scanner.value,
    card: card.value,
    close: async () => {
      await card.value.close();
      await scanner.value.close();
      await deviceConsole.close();
      await printer.value.close();
    },
  };
}
