import { createSimulatedPrinterCore, type SimulatorOptions } from './printer-core';
import type { PrintedPage } from './page';
import { listenSerial, type SerialEndpoint } from './serial-endpoint';
import type { SimulatedCondition } from './status-script';
import { listenTcp, type TcpEndpoint } from './tcp-endpoint';

export type EscPosSimulatorOptions = SimulatorOptions & {
  /** Listen on TCP (127.0.0.1, port 0 = any free port unless given). */
  readonly tcp?: { readonly host?: string; readonly port?: number };
  /** Also answer on this serial device (e.g. one end of a socat pty pair). */
  readonly serial?: { readonly path: string; readonly baudRate?: number };
};

export type EscPosSimulator = {
  /** The TCP port it listens on, when TCP was asked for. */
  readonly tcpPort: number | undefined;
  readonly pages: readonly PrintedPage[];
  readonly condition: SimulatedCondition;
  setCondition(patch: Partial<SimulatedCondition>): void;
  runOutOfPaperAfterRows(rows: number): void;
  readonly unknownCommands: readonly Uint8Array[];
  readonly statusQueries: number;
  /** Resolves with the pages once at least `count` have been cut; rejects after `timeoutMs`. */
  waitForPages(count: number, timeoutMs?: number): Promise<readonly PrintedPage[]>;
  close(): Promise<void>;
};

/** A simulated ESC/POS receipt printer on real transports (TCP and/or a tty), for tests and for the demo host. */
export async function startEscPosSimulator(options: EscPosSimulatorOptions = {}): Promise<EscPosSimulator> {
  const core = createSimulatedPrinterCore(options);
  const tcp: TcpEndpoint | undefined = options.tcp === undefined ? undefined : await listenTcp(core, options.tcp.host, options.tcp.port);
  let serial: SerialEndpoint | undefined;
  try {
    serial = options.serial === undefined ? undefined : await listenSerial(core, options.serial.path, options.serial.baudRate);
  } catch (cause: unknown) {
    await tcp?.close();
    throw cause;
  }
  return {
    tcpPort: tcp?.port,
    get pages() {
      return core.pages;
    },
    get condition() {
      return core.condition;
    },
    setCondition: (patch) => core.setCondition(patch),
    runOutOfPaperAfterRows: (rows) => core.runOutOfPaperAfterRows(rows),
    get unknownCommands() {
      return core.unknownCommands;
    },
    get statusQueries() {
      return core.statusQueries;
    },
    waitForPages(count, timeoutMs = 10_000) {
      if (core.pages.length >= count) return Promise.resolve(core.pages);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          stop();
          reject(new Error(`expected ${count} page(s) within ${timeoutMs} ms, got ${core.pages.length}`));
        }, timeoutMs);
        const stop = core.onPage(() => {
          if (core.pages.length < count) return;
          clearTimeout(timer);
          stop();
          resolve(core.pages);
        });
      });
    },
    async close() {
      await Promise.all([tcp?.close(), serial?.close()]);
    },
  };
}
