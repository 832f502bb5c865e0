import { ok, type Result } from '../../src-shared/result';
import type { PrinterFailure } from './errors';
import { encodeRasterJob, type RasterJobOptions } from './escpos';
import { renderSlip, type RenderOptions } from './render/render-slip';
import type { Slip } from './slip-schema';

export type EncodeSlipOptions = RenderOptions & RasterJobOptions;

/** A slip as the bytes a printer gets: rendered to a raster with the Vietnamese font, then GS v 0 slices and a cut. */
export function encodeSlip(slip: Slip, options: EncodeSlipOptions): Result<Uint8Array, PrinterFailure> {
  const bitmap = renderSlip(slip, options);
  if (!bitmap.ok) return bitmap;
  return ok(encodeRasterJob(bitmap.value, options));
}
