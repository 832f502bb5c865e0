/**
 * A 1-bit image as thermal printers take it: rows of bytes, the leftmost dot in the high bit, 1 = burn a dot.
 * `GS v 0` sends exactly this layout, so encoding is a copy, and the simulator decodes into the same type.
 */
export type MonoBitmap = {
  readonly width: number;
  readonly height: number;
  readonly bytesPerRow: number;
  readonly data: Uint8Array;
};

export function createBitmap(width: number, height: number): MonoBitmap {
  const bytesPerRow = Math.ceil(width / 8);
  return { width, height, bytesPerRow, data: new Uint8Array(bytesPerRow * height) };
}

export function isBlack(bitmap: MonoBitmap, x: number, y: number): boolean {
  if (x < 0 || y < 0 || x >= bitmap.width || y >= bitmap.height) return false;
  const byte = bitmap.data[y * bitmap.bytesPerRow + (x >> 3)] ?? 0;
  return (byte & (0x80 >> (x & 7))) !== 0;
}

export function setBlack(bitmap: MonoBitmap, x: number, y: number): void {
  const index = y * bitmap.bytesPerRow + (x >> 3);
  bitmap.data[index] = (bitmap.data[index] ?? 0) | (0x80 >> (x & 7));
}

export function countBlack(bitmap: MonoBitmap): number {
  let total = 0;
  for (let y = 0; y < bitmap.height; y += 1) {
    for (let x = 0; x < bitmap.width; x += 1) if (isBlack(bitmap, x, y)) total += 1;
  }
  return total;
}

/** Dots that differ between two bitmaps over the larger extent (a dot outside one bitmap counts as white). */
export function countDifferences(a: MonoBitmap, b: MonoBitmap): number {
  let total = 0;
  const width = Math.max(a.width, b.width);
  const height = Math.max(a.height, b.height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) if (isBlack(a, x, y) !== isBlack(b, x, y)) total += 1;
  }
  return total;
}

/** Rows [from, to) as a new bitmap: used to compare one printed line with a reference. */
export function cropRows(bitmap: MonoBitmap, from: number, to: number): MonoBitmap {
  const start = Math.max(0, Math.min(from, bitmap.height));
  const end = Math.max(start, Math.min(to, bitmap.height));
  const data = bitmap.data.slice(start * bitmap.bytesPerRow, end * bitmap.bytesPerRow);
  return { width: bitmap.width, height: end - start, bytesPerRow: bitmap.bytesPerRow, data };
}

/** Opaque RGBA (black on white), the layout PNG encoders and QR decoders take. */
export function toRgba(bitmap: MonoBitmap): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(bitmap.width * bitmap.height * 4);
  for (let y = 0; y < bitmap.height; y += 1) {
    for (let x = 0; x < bitmap.width; x += 1) {
      const value = isBlack(bitmap, x, y) ? 0 : 255;
      const i = (y * bitmap.width + x) * 4;
      rgba[i] = value;
      rgba[i + 1] = value;
      rgba[i + 2] = value;
      rgba[i + 3] = 255;
    }
  }
  return rgba;
}

export type MonochromeMethod = 'threshold' | 'dither';
export type MonochromeOptions = { readonly method?: MonochromeMethod; readonly threshold?: number };

/**
 * Grey to 1 bit. Text and QR codes want a plain threshold (crisp edges, nothing speckled); photos and logos want
 * Floyd–Steinberg error diffusion, which keeps their grey levels as dot density.
 */
export function toMonochrome(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number, options: MonochromeOptions = {}): MonoBitmap {
  const threshold = options.threshold ?? 128;
  const grey = new Float32Array(width * height);
  for (let i = 0; i < grey.length; i += 1) {
    const alpha = (rgba[i * 4 + 3] ?? 255) / 255;
    const luminance = 0.299 * (rgba[i * 4] ?? 0) + 0.587 * (rgba[i * 4 + 1] ?? 0) + 0.114 * (rgba[i * 4 + 2] ?? 0);
    // Transparent pixels sit on white paper.
    grey[i] = luminance * alpha + 255 * (1 - alpha);
  }
  const bitmap = createBitmap(width, height);
  const method = options.method ?? 'threshold';
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const i = y * width + x;
      const old = grey[i] ?? 255;
      const black = old < threshold;
      if (black) setBlack(bitmap, x, y);
      if (method === 'dither') diffuse(grey, width, height, x, y, old - (black ? 0 : 255));
    }
  }
  return bitmap;
}

function diffuse(grey: Float32Array, width: number, height: number, x: number, y: number, error: number): void {
  const spread = (dx: number, dy: number, weight: number): void => {
    const nx = x + dx;
    const ny = y + dy;
    if (nx < 0 || nx >= width || ny >= height) return;
    const j = ny * width + nx;
    grey[j] = (grey[j] ?? 0) + (error * weight) / 16;
  };
  spread(1, 0, 7);
  spread(-1, 1, 3);
  spread(0, 1, 5);
  spread(1, 1, 1);
}
