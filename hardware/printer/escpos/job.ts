import type { MonoBitmap } from '../render/bitmap';
import { concatBytes, feedAndCut, initialize, type CutMode } from './commands';
import { rasterSlices } from './raster';

export type RasterJobOptions = {
  /** Lines per GS v 0 command, 24–256. */
  readonly sliceLines?: number;
  readonly cut?: CutMode;
  /** Extra feed after the cutter position, in motion units (0 wastes no paper). */
  readonly extraFeed?: number;
};

/** One slip as the printer gets it: initialize, the raster in slices, feed to the cutter and cut. */
export function encodeRasterJob(bitmap: MonoBitmap, options: RasterJobOptions = {}): Uint8Array {
  return concatBytes([initialize(), ...rasterSlices(bitmap, options.sliceLines), feedAndCut(options.cut ?? 'partial', options.extraFeed ?? 0)]);
}
