import { err, ok, type Result } from '../../../src-shared/result';
import { printerErrors, type PrinterFailure } from '../errors';

/** What the officer and the queue need to know; `raw` keeps the four bytes for a technician's diagnosis. */
export type PrinterStatus = {
  readonly online: boolean;
  readonly coverOpen: boolean;
  readonly paperOut: boolean;
  readonly paperLow: boolean;
  readonly error: boolean;
  readonly raw: readonly [number, number, number, number];
};

/** The answers to DLE EOT 1, 2, 3 and 4, in that order. */
export type StatusBytes = { readonly printer: number; readonly offlineCause: number; readonly errorCause: number; readonly paperSensor: number };

/**
 * Every DLE EOT answer has bits 1 and 4 set and bits 0 and 7 clear. Checking that pattern tells a status byte from
 * a stray byte (a leftover of an earlier answer, line noise, a non-ESC/POS device on the port).
 */
export function isStatusByte(byte: number): boolean {
  return (byte & 0x93) === 0x12;
}

/**
 * Decodes the four status bytes (Epson ESC/POS):
 * - n=1 printer: bit 3 offline.
 * - n=2 offline cause: bit 2 cover open, bit 5 stopped by paper end, bit 6 error.
 * - n=3 error cause: bit 2 recoverable, bit 3 autocutter, bit 5 unrecoverable, bit 6 auto-recoverable (head heat).
 * - n=4 paper sensor: bits 2–3 roll near end, bits 5–6 roll end.
 */
export function parseStatusBytes(bytes: StatusBytes): Result<PrinterStatus, PrinterFailure> {
  const raw = [bytes.printer, bytes.offlineCause, bytes.errorCause, bytes.paperSensor] as const;
  const bad = raw.find((b) => !isStatusByte(b));
  if (bad !== undefined) return err(printerErrors.badStatus(bad));
  return ok({
    online: (bytes.printer & 0x08) === 0,
    coverOpen: (bytes.offlineCause & 0x04) !== 0,
    paperOut: (bytes.offlineCause & 0x20) !== 0 || (bytes.paperSensor & 0x60) !== 0,
    paperLow: (bytes.paperSensor & 0x0c) !== 0,
    error: (bytes.offlineCause & 0x40) !== 0 || (bytes.errorCause & 0x6c) !== 0,
    raw,
  });
}

/**
 * Why the printer cannot take a slip now, in the order an officer should fix things (a closed cover comes before
 * loading paper), or undefined when it can print. Paper low still prints: it is a warning, not a stop.
 */
export function notReadyReason(status: PrinterStatus): PrinterFailure | undefined {
  if (status.coverOpen) return printerErrors.coverOpen();
  if (status.paperOut) return printerErrors.paperOut();
  if (status.error) return printerErrors.hardwareError();
  if (!status.online) return printerErrors.offline();
  return undefined;
}
