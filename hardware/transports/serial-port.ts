import { SerialPort } from 'serialport';
import { createLogger } from '../../src-shared/log';
import { err, ok, type Result } from '../../src-shared/result';
import { printerErrors, type PrinterFailure } from '../printer/errors';
import { createReadBuffer } from '../printer/read-buffer';
import type { PrinterTransport } from '../printer/transport';

const log = createLogger('hardware.serial-port');

export type SerialPrinterOptions = {
  readonly path: string;
  /** Receipt printers ship at 9600 or 19200 and are usually set to 115200 by the technician. */
  readonly baudRate?: number;
  /** Hardware flow control: set it when the cable carries RTS/CTS, or a slow printer drops raster data. */
  readonly rtscts?: boolean;
  readonly writeTimeoutMs?: number;
};

export async function openSerialPrinter(options: SerialPrinterOptions): Promise<Result<PrinterTransport, PrinterFailure>> {
  const where = `serial ${options.path}`;
  const buffer = createReadBuffer();
  let port: SerialPort;
  try {
    port = new SerialPort({ path: options.path, baudRate: options.baudRate ?? 115200, rtscts: options.rtscts ?? false, autoOpen: false });
  } catch (cause: unknown) {
    return err(printerErrors.unreachable(`${where}: ${messageOf(cause)}`));
  }
  const opened = await new Promise<Result<void, PrinterFailure>>((resolve) => {
    port.open((cause) => resolve(cause ? err(printerErrors.unreachable(`${where}: ${cause.message}`)) : ok(undefined)));
  });
  if (!opened.ok) return opened;

  port.on('data', (chunk: Buffer) => buffer.push(chunk));
  port.on('error', (cause: Error) => log.warn('serial port error', { where, error: cause.message }));
  port.on('close', () => buffer.end(printerErrors.closed()));

  const writeTimeoutMs = options.writeTimeoutMs ?? 60_000;
  return ok({
    description: where,
    write(bytes) {
      if (!port.isOpen) return Promise.resolve(err(printerErrors.closed()));
      return new Promise((resolve) => {
        const timer = setTimeout(() => resolve(err(printerErrors.writeFailed('timeout'))), writeTimeoutMs);
        port.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
        // drain() waits for tcdrain(): the bytes have left the UART, not merely our buffer.
        port.drain((cause) => {
          clearTimeout(timer);
          resolve(cause ? err(printerErrors.writeFailed(cause.message)) : ok(undefined));
        });
      });
    },
    read: (timeoutMs) => buffer.read(timeoutMs),
    close() {
      if (!port.isOpen) return Promise.resolve();
      return new Promise((resolve) => port.close(() => resolve()));
    },
  });
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
