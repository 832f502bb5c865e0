import { slipSchema } from '../../src-shared/api/printer';
import { validationFailure } from '../../src-shared/api/validation';
import { err, ok, type Result } from '../../src-shared/result';
import { printerErrors, type PrinterFailure } from './errors';

// The slip schemas belong to the kiosk API contract (src-shared/api/printer.ts); the printer re-exports them.
export * from '../../src-shared/api/printer';
import type { Slip } from '../../src-shared/api/printer';

export function parseSlip(input: unknown): Result<Slip, PrinterFailure> {
  const parsed = slipSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const failure = validationFailure(parsed.error);
  return err(printerErrors.invalidSlip(failure.message, failure.messageEn, failure.path));
}
