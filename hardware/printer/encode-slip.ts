import { ok, type Result } from '../../src-shared/result';
import type { PrinterFailure } from './errors';
import { encodeRasterJob, type RasterJobOptions } from './escpos';
import { encodeTextJob, type TextModeConfig } from './escpos/text-mode';
import { renderSlip, type RenderOptions } from './render/render-slip';
import type { Slip } from './slip-schema';
import { queueTicketLines } from './slips/queue-ticket-text';

export type EncodeSlipOptions = RenderOptions &
  RasterJobOptions & {
    /** A printer a technician calibrated for text mode: queue tickets go as text, everything else stays raster. */
    readonly textMode?: TextModeConfig;
  };

/**
 * A slip as the bytes a printer gets: rendered to a raster with the Vietnamese font, then GS v 0 slices and a cut.
 * Queue tickets on a calibrated printer go as text in its Vietnamese code page (small, fast); receipts and forms
 * always go as raster (their QR and layout need it).
 */
export function encodeSlip(slip: Slip, options: EncodeSlipOptions): Result<Uint8Array, PrinterFailure> {
  if (slip.kind === 'queue-ticket' && options.textMode?.calibrated === true) return encodeTextJob(queueTicketLines(slip), options.textMode);
  const bitmap = renderSlip(slip, options);
  if (!bitmap.ok) return bitmap;
  return ok(encodeRasterJob(bitmap.value, options));
}
