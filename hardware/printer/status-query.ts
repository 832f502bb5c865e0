import { err, ok, type Result } from '../../src-shared/result';
import { printerErrors, type PrinterFailure } from './errors';
import { isStatusByte, parseStatusBytes, statusQuery, type PrinterStatus, type StatusKind } from './escpos';
import type { PrinterTransport } from './transport';

export const DEFAULT_STATUS_TIMEOUT_MS = 1500;

/**
 * Asks DLE EOT 1–4 one after the other and parses the answers. Any byte still waiting from before (a late answer
 * to an earlier query that timed out) is drained first, and only bytes with the status bit pattern are taken, so a
 * stray byte can never be mistaken for "paper out" or "all well".
 */
export async function queryPrinterStatus(transport: PrinterTransport, timeoutMs = DEFAULT_STATUS_TIMEOUT_MS): Promise<Result<PrinterStatus, PrinterFailure>> {
  // The drain also tells a write-only transport apart before a single query byte is sent to it.
  const drained = await transport.read(0);
  if (!drained.ok && drained.error.code === 'printer.read-unsupported') return drained;
  const printer = await ask(transport, 'printer', timeoutMs);
  if (!printer.ok) return printer;
  const offlineCause = await ask(transport, 'offline-cause', timeoutMs);
  if (!offlineCause.ok) return offlineCause;
  const errorCause = await ask(transport, 'error-cause', timeoutMs);
  if (!errorCause.ok) return errorCause;
  const paperSensor = await ask(transport, 'paper-sensor', timeoutMs);
  if (!paperSensor.ok) return paperSensor;
  return parseStatusBytes({ printer: printer.value, offlineCause: offlineCause.value, errorCause: errorCause.value, paperSensor: paperSensor.value });
}

async function ask(transport: PrinterTransport, kind: StatusKind, timeoutMs: number): Promise<Result<number, PrinterFailure>> {
  const written = await transport.write(statusQuery(kind));
  if (!written.ok) return written;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await transport.read(Math.max(0, deadline - Date.now()));
    if (!answer.ok) return answer;
    // The last status-shaped byte is the freshest answer; anything else is noise.
    const bytes = [...answer.value].filter(isStatusByte);
    const last = bytes[bytes.length - 1];
    if (last !== undefined) return ok(last);
    if (Date.now() >= deadline) return err(printerErrors.timeout());
  }
}
