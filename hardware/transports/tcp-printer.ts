import { Socket } from 'node:net';
import { createLogger } from '../../src-shared/log';
import { err, ok, type Result } from '../../src-shared/result';
import { printerErrors, type PrinterFailure } from '../printer/errors';
import { createReadBuffer } from '../printer/read-buffer';
import type { PrinterTransport } from '../printer/transport';

const log = createLogger('hardware.tcp-printer');

export type TcpPrinterOptions = {
  readonly host: string;
  /** 9100, the raw "JetDirect" port every network receipt printer listens on. */
  readonly port?: number;
  readonly connectTimeoutMs?: number;
  /**
   * A printer that stops reading (paper out mid-slip, buffer full) stalls the write forever; after this long the
   * write fails instead, and the queue marks the slip "uncertain" rather than waiting with the counter blocked.
   */
  readonly writeTimeoutMs?: number;
};

/** `tcp://host[:port]`, the way a technician writes a network printer's address (port 9100 by default). */
export function parseTcpPrinterUrl(url: string): Result<{ host: string; port: number }, PrinterFailure> {
  const match = /^tcp:\/\/([^:/]+)(?::(\d+))?\/?$/.exec(url.trim());
  if (!match?.[1]) return err(printerErrors.badUrl(url));
  return ok({ host: match[1], port: Number(match[2] ?? 9100) });
}

export async function openTcpPrinter(options: TcpPrinterOptions): Promise<Result<PrinterTransport, PrinterFailure>> {
  const port = options.port ?? 9100;
  const where = `tcp ${options.host}:${port}`;
  const socket = new Socket();
  const buffer = createReadBuffer();

  const connected = await new Promise<Result<void, PrinterFailure>>((resolve) => {
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(err(printerErrors.unreachable(`${where}: timeout`)));
    }, options.connectTimeoutMs ?? 3000);
    socket.once('error', (cause: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(err(printerErrors.unreachable(`${where}: ${cause.code ?? cause.message}`)));
    });
    socket.connect(port, options.host, () => {
      clearTimeout(timer);
      resolve(ok(undefined));
    });
  });
  if (!connected.ok) return connected;

  // Status queries are three bytes: Nagle would hold each one back waiting for more.
  socket.setNoDelay(true);
  socket.on('data', (chunk: Buffer) => buffer.push(chunk));
  socket.on('error', (cause: NodeJS.ErrnoException) => log.warn('printer connection error', { where, code: cause.code ?? cause.message }));
  socket.on('close', () => buffer.end(printerErrors.closed()));

  const writeTimeoutMs = options.writeTimeoutMs ?? 30_000;
  return ok({
    description: where,
    write(bytes) {
      if (socket.destroyed || !socket.writable) return Promise.resolve(err(printerErrors.closed()));
      return new Promise((resolve) => {
        const timer = setTimeout(() => {
          socket.destroy();
          resolve(err(printerErrors.writeFailed('timeout')));
        }, writeTimeoutMs);
        // The callback fires once the bytes are handed to the kernel; a broken connection reports here too.
        socket.write(bytes, (cause) => {
          clearTimeout(timer);
          resolve(cause ? err(printerErrors.writeFailed(errorCode(cause))) : ok(undefined));
        });
      });
    },
    read: (timeoutMs) => buffer.read(timeoutMs),
    close() {
      if (socket.destroyed) return Promise.resolve();
      return new Promise((resolve) => {
        // end() lets queued bytes reach the printer before the FIN; destroy() is the backstop if it never acks.
        const timer = setTimeout(() => socket.destroy(), 1000);
        socket.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
        socket.end();
      });
    },
  });
}

function errorCode(cause: Error): string {
  return 'code' in cause && typeof cause.code === 'string' ? cause.code : cause.message;
}
