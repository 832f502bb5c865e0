import type { MonoBitmap } from '../render/bitmap';
import { GS } from './commands';

/** Lines per `GS v 0` command: small enough for the receive buffer of a cheap printer, large enough to stay fast. */
export const DEFAULT_SLICE_LINES = 128;
export const MIN_SLICE_LINES = 24;
export const MAX_SLICE_LINES = 256;

/**
 * GS v 0 m xL xH yL yH d… — one raster bit image, m = 0 (normal scale), x = bytes per row, y = rows.
 * A whole receipt in one command would exceed the receive buffer of many printers (they then drop data or print
 * garbage), so the image goes out in horizontal slices that the printer joins without a gap.
 */
export function rasterSlices(bitmap: MonoBitmap, sliceLines: number = DEFAULT_SLICE_LINES): readonly Uint8Array[] {
  const lines = Math.max(MIN_SLICE_LINES, Math.min(MAX_SLICE_LINES, Math.trunc(sliceLines)));
  const slices: Uint8Array[] = [];
  for (let top = 0; top < bitmap.height; top += lines) {
    const rows = Math.min(lines, bitmap.height - top);
    const header = Uint8Array.of(GS, 0x76, 0x30, 0, bitmap.bytesPerRow & 0xff, bitmap.bytesPerRow >> 8, rows & 0xff, rows >> 8);
    const slice = new Uint8Array(header.length + rows * bitmap.bytesPerRow);
    slice.set(header, 0);
    slice.set(bitmap.data.subarray(top * bitmap.bytesPerRow, (top + rows) * bitmap.bytesPerRow), header.length);
    slices.push(slice);
  }
  return slices;
}
