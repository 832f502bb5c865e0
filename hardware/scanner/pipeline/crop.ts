import type { Grey } from './grey';

export type CropBox = { readonly left: number; readonly top: number; readonly width: number; readonly height: number };

/** Darker than this is the feeder's black backing, not paper (paper, even recycled, scans above ~150). */
const BACKING = 50;
/** A row or column belongs to the page when at least this share of it is not backing. */
const CONTENT_SHARE = 0.02;

/**
 * The page inside the scan: scanners with a black backing (and a photo on the glass) return paper surrounded by
 * black. Finds the rows and columns that carry paper and answers their bounding box, in the grey image's pixels;
 * undefined when there is nothing to cut (paper fills the frame, the usual case with a white backing).
 */
export function findPage(grey: Grey): CropBox | undefined {
  const { width, height, data } = grey;
  const rowPaper = new Uint32Array(height);
  const colPaper = new Uint32Array(width);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((data[y * width + x] ?? 0) > BACKING) {
        rowPaper[y] = (rowPaper[y] ?? 0) + 1;
        colPaper[x] = (colPaper[x] ?? 0) + 1;
      }
    }
  }
  const rows = [...rowPaper].map((n) => n / width >= CONTENT_SHARE);
  const cols = [...colPaper].map((n) => n / height >= CONTENT_SHARE);
  const top = rows.indexOf(true);
  const bottom = rows.lastIndexOf(true);
  const left = cols.indexOf(true);
  const right = cols.lastIndexOf(true);
  if (top < 0 || left < 0) return undefined;
  const box = { left, top, width: right - left + 1, height: bottom - top + 1 };
  // Less than 3% to gain is scanner edge noise, not a backing: keep the frame.
  if (box.width * box.height > 0.97 * width * height) return undefined;
  return box;
}

export const scaleBox = (box: CropBox, factor: number, maxWidth: number, maxHeight: number): CropBox => {
  const left = Math.max(0, Math.floor(box.left * factor));
  const top = Math.max(0, Math.floor(box.top * factor));
  return { left, top, width: Math.min(maxWidth - left, Math.ceil(box.width * factor)), height: Math.min(maxHeight - top, Math.ceil(box.height * factor)) };
};
