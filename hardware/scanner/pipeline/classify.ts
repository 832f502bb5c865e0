import type { Sharp } from 'sharp';
import type { Grey } from './grey';

/**
 * Text or photo: a printed form is paper and ink with few grey levels between them (anti-aliased edges only), a
 * photo is mostly mid-tones. Decides the encoding: text → bitonal or greyscale, photo → JPEG.
 */
export function classifyContent(grey: Grey): 'text' | 'photo' {
  let mid = 0;
  for (const v of grey.data) if (v > 60 && v < 200) mid++;
  return mid / grey.data.length > 0.2 ? 'photo' : 'text';
}

/** Whether the page carries colour worth keeping (stamps, photos), from the mean chroma of a small copy. */
export async function hasColour(image: Sharp): Promise<boolean> {
  const { data, info } = await image.clone().resize({ width: 200 }).removeAlpha().toColourspace('srgb').raw().toBuffer({ resolveWithObject: true });
  if (info.channels < 3) return false;
  let chroma = 0;
  const n = info.width * info.height;
  for (let i = 0; i < n; i++) {
    const r = data[i * info.channels] ?? 0;
    const g = data[i * info.channels + 1] ?? 0;
    const b = data[i * info.channels + 2] ?? 0;
    chroma += Math.max(r, g, b) - Math.min(r, g, b);
  }
  return chroma / n > 12;
}
