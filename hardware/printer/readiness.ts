import { ok, type Result } from '../../src-shared/result';
import type { PrinterFailure } from './errors';
import { notReadyReason, type PrinterStatus } from './escpos';
import { queryPrinterStatus } from './status-query';
import type { PrinterTransport } from './transport';

/**
 * Can the printer take a slip now? `unknown`: a write-only transport cannot tell, so the slip is sent and trusted
 * to print. `not-ready` carries the reason in words an officer can act on ("Máy in hết giấy").
 */
export type Readiness =
  | { readonly kind: 'ready'; readonly status: PrinterStatus }
  | { readonly kind: 'not-ready'; readonly status: PrinterStatus; readonly reason: PrinterFailure }
  | { readonly kind: 'unknown' };

/** Fails only when the printer could not be asked (no answer, garbage, connection lost). */
export async function checkReadiness(transport: PrinterTransport, timeoutMs?: number): Promise<Result<Readiness, PrinterFailure>> {
  const status = await queryPrinterStatus(transport, timeoutMs);
  if (!status.ok) return status.error.code === 'printer.read-unsupported' ? ok({ kind: 'unknown' }) : status;
  const reason = notReadyReason(status.value);
  return ok(reason === undefined ? { kind: 'ready', status: status.value } : { kind: 'not-ready', status: status.value, reason });
}
