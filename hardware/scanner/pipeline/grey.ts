import sharp, { type Sharp } from 'sharp';

/** An 8-bit greyscale raster: 0 black, 255 white, row-major. */
export type Grey = { readonly data: Uint8Array; readonly width: number; readonly height: number };

/** Decodes any page image (PNG, JPEG, colour or not) to greyscale, optionally scaled to a maximum width. */
export async function toGrey(input: Uint8Array | Sharp, maxWidth?: number): Promise<Grey> {
  let image = input instanceof Uint8Array ? sharp(input) : input.clone();
  image = image.flatten({ background: '#ffffff' }).toColourspace('b-w');
  if (maxWidth !== undefined) image = image.resize({ width: maxWidth, withoutEnlargement: true, kernel: 'linear' });
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  if (info.channels === 1) return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height };
  const out = new Uint8Array(info.width * info.height);
  for (let i = 0; i < out.length; i++) out[i] = data[i * info.channels] ?? 255;
  return { data: out, width: info.width, height: info.height };
}

export const fromGrey = (grey: Grey): Sharp => sharp(grey.data, { raw: { width: grey.width, height: grey.height, channels: 1 } });

/** Otsu's threshold: the grey level that best splits ink from paper for this page, whatever its exposure. */
export function otsuThreshold(grey: Grey): number {
  const histogram = new Float64Array(256);
  for (const v of grey.data) histogram[v] = (histogram[v] ?? 0) + 1;
  const total = grey.data.length;
  let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * (histogram[i] ?? 0);
  let sumBack = 0;
  let weightBack = 0;
  let best = 0;
  let threshold = 128;
  for (let t = 0; t < 256; t++) {
    weightBack += histogram[t] ?? 0;
    if (weightBack === 0) continue;
    const weightFore = total - weightBack;
    if (weightFore === 0) break;
    sumBack += t * (histogram[t] ?? 0);
    const meanBack = sumBack / weightBack;
    const meanFore = (sum - sumBack) / weightFore;
    const between = weightBack * weightFore * (meanBack - meanFore) ** 2;
    if (between > best) {
      best = between;
      threshold = t;
    }
  }
  // A page of pure paper has no second class: Otsu then splits the paper's own noise, which is not ink.
  return Math.min(threshold, 160);
}

/** Ink pixel coordinates (darker than the threshold), at most `limit` of them sampled evenly. */
export function inkPoints(grey: Grey, threshold: number, limit = 150_000): { xs: Float64Array; ys: Float64Array } {
  let count = 0;
  for (const v of grey.data) if (v < threshold) count++;
  const step = Math.max(1, Math.ceil(count / limit));
  const n = Math.floor(count / step);
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  let seen = 0;
  let k = 0;
  for (let y = 0; y < grey.height && k < n; y++) {
    for (let x = 0; x < grey.width; x++) {
      if ((grey.data[y * grey.width + x] ?? 255) >= threshold) continue;
      if (seen++ % step === 0 && k < n) {
        xs[k] = x;
        ys[k] = y;
        k++;
      }
    }
  }
  return { xs: xs.subarray(0, k), ys: ys.subarray(0, k) };
}
