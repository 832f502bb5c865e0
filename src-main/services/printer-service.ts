import { join } from 'node:path';
import type { PrinterState, PrintJob, SlipInput } from '../../src-shared/api/printer';
import { createLogger } from '../../src-shared/log';
import { ok, type Failure, type Result } from '../../src-shared/result';
import { openPrintQueue, parseTextModeSetting, type ConnectPrinter, type PrintQueue, type TextModeConfig } from '../../hardware/printer';
import { openReceiptJournal } from '../../hardware/printer/receipt-journal';
import { connectorFor, describePrinterAddress, parsePrinterAddress } from '../../hardware/transports/printer-address';
import { openTcpPrinter } from '../../hardware/transports/tcp-printer';
import { startEscPosSimulator, type EscPosSimulator } from '../../hardware/simulators/escpos-printer';
import type { DeviceRegistry } from './device-registry';
import type { EventBus } from './event-bus';

const log = createLogger('services.printer');

export type PrinterService = {
  state(): PrinterState;
  print(slip: SlipInput): Promise<Result<PrintJob, Failure>>;
  resolve(jobId: string, decision: 'printed' | 'reprint' | 'discard'): Promise<Result<PrintJob, Failure>>;
  /** The simulated printer, when the host runs one (demo and tests): its decoded pages. */
  readonly simulator: EscPosSimulator | undefined;
  close(): Promise<void>;
};

export type PrinterServiceOptions = {
  readonly dataDir: string;
  /** `tcp://host:9100`, `serial:///dev/ttyUSB0?baud=115200` or `usb:///dev/usb/lp0` (printer-address.ts); absent = a simulated printer (the default, no configuration). */
  readonly printerUrl?: string;
  readonly fontsDir?: string;
  /** `windows-1258:52` once a technician has checked the calibration slip: queue tickets then print as text. */
  readonly textMode?: string;
};

/**
 * The counter's receipt printer: a persisted queue (exactly-once rule in hardware/printer/queue.ts) in front of
 * a real printer on the network, or of the ESC/POS simulator when none is configured, so a fresh install prints
 * (to the simulator) with no setup.
 */
export async function openPrinterService(options: PrinterServiceOptions, events: EventBus, devices: DeviceRegistry): Promise<Result<PrinterService, Failure>> {
  let simulator: EscPosSimulator | undefined;
  let connect: ConnectPrinter;
  let name: string;
  if (options.printerUrl === undefined) {
    simulator = await startEscPosSimulator({ tcp: { host: '127.0.0.1', port: 0 } });
    const port = simulator.tcpPort ?? 0;
    connect = () => openTcpPrinter({ host: '127.0.0.1', port });
    name = 'Máy in biên nhận mô phỏng / Simulated receipt printer';
  } else {
    const parsed = parsePrinterAddress(options.printerUrl);
    if (!parsed.ok) return parsed;
    connect = connectorFor(parsed.value);
    name = describePrinterAddress(parsed.value);
  }
  let textMode: TextModeConfig | undefined;
  if (options.textMode !== undefined) {
    const parsed = parseTextModeSetting(options.textMode);
    if (!parsed.ok) {
      await simulator?.close();
      return parsed;
    }
    textMode = parsed.value;
  }
  const printerId = `receipt-printer:${options.printerUrl ?? 'simulated'}`;
  const opened = await openPrintQueue({
    dataDir: join(options.dataDir, 'printer'),
    paper: '80mm',
    connect,
    encodeOptions: { ...(options.fontsDir === undefined ? {} : { fontsDir: options.fontsDir }), ...(textMode === undefined ? {} : { textMode }) },
  });
  if (!opened.ok) {
    await simulator?.close();
    return opened;
  }
  const queue: PrintQueue = opened.value;
  const journal = await openReceiptJournal(join(options.dataDir, 'printer', 'receipts'));
  if (queue.startupNotice) log.warn('print queue file was unreadable and set aside', { code: queue.startupNotice.code });

  const state = (): PrinterState => {
    const status = queue.printerStatus;
    return {
      printerId,
      name,
      simulated: simulator !== undefined,
      ...(status === undefined ? {} : { status: { online: status.online, coverOpen: status.coverOpen, paperOut: status.paperOut, paperLow: status.paperLow, error: status.error } }),
      jobs: queue.jobs().slice(-20),
    };
  };
  const register = () =>
    devices.upsert({
      id: printerId,
      kind: 'receipt-printer',
      name,
      simulated: simulator !== undefined,
      status: queue.printerStatus === undefined ? 'ready' : queue.printerStatus.online && !queue.printerStatus.paperOut ? 'ready' : 'offline',
    });
  register();
  const known = new Map<string, string>();
  const stopListening = queue.onChange((jobs) => {
    register();
    for (const job of jobs) {
      const fingerprint = `${job.state}:${job.updatedAt}`;
      if (known.get(job.id) === fingerprint) continue;
      known.set(job.id, fingerprint);
      events.emit('printer.job', job);
    }
    events.emit('printer.status', state());
  });

  return ok({
    state,
    simulator,
    async print(slip) {
      const queued = await queue.enqueue(slip);
      // The journal lets a technician reprint this receipt from the command line (motcua print receipt).
      if (queued.ok && queued.value.slip.kind === 'receipt') await journal.remember(queued.value.slip);
      return queued;
    },
    resolve: (jobId, decision) => queue.resolveUncertain(jobId, decision),
    async close() {
      stopListening();
      await queue.close();
      await simulator?.close();
    },
  });
}
