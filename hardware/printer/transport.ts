import type { Result } from '../../src-shared/result';
import type { PrinterFailure } from './errors';

/**
 * A byte pipe to one printer, whatever the cable: TCP 9100, a serial line, a USB printer device file.
 * `read` resolves with whatever bytes have arrived (at least one) or fails with `printer.timeout`; a write-only
 * transport fails every read with `printer.read-unsupported`. One reader at a time.
 */
export type PrinterTransport = {
  /** Human-readable place for messages and logs, e.g. "tcp 192.168.1.50:9100" (never personal data). */
  readonly description: string;
  write(bytes: Uint8Array): Promise<Result<void, PrinterFailure>>;
  read(timeoutMs: number): Promise<Result<Uint8Array, PrinterFailure>>;
  close(): Promise<void>;
};

/** Opens a fresh connection; the queue calls it once per attempt so a dropped cable heals by itself. */
export type ConnectPrinter = () => Promise<Result<PrinterTransport, PrinterFailure>>;
