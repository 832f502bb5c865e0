import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import sharp from 'sharp';

/**
 * Real face photographs for tests, without committing any: @vladmandic/face-api (MIT) ships group photographs in
 * `demo/sample1–6.jpg` (1920 px wide). A "portrait" is a crop around one face found there (boxes measured once
 * with the SSD detector, with half a face of margin), re-encoded as JPEG like a chip photo or a camera frame.
 * The people are strangers to each other; whether two crops of one photo are the same person is known by
 * construction. Test support only (not shipped).
 */
const require = createRequire(import.meta.url);
const demoDir = join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'demo');

type Crop = { readonly sample: number; readonly left: number; readonly top: number; readonly width: number; readonly height: number };

export const portraits = {
  /** sample3, the woman on the left. */
  a: { sample: 3, left: 485, top: 193, width: 399, height: 543 },
  /** sample6, the woman on the right. */
  b: { sample: 6, left: 1381, top: 115, width: 424, height: 592 },
  /** sample1, the woman on the left. */
  c: { sample: 1, left: 325, top: 235, width: 355, height: 480 },
  /** sample4, below the faces: clothes and background, no face. */
  noFace: { sample: 4, left: 0, top: 1000, width: 480, height: 440 },
} as const satisfies Record<string, Crop>;

export const demoPhotoPath = (sample: number): string => join(demoDir, `sample${sample}.jpg`);

export async function portrait(crop: Crop, shift: { dx?: number; dy?: number; grow?: number } = {}): Promise<Uint8Array> {
  const source = await readFile(demoPhotoPath(crop.sample));
  const grow = shift.grow ?? 0;
  const box = {
    left: Math.max(0, crop.left + (shift.dx ?? 0) - grow),
    top: Math.max(0, crop.top + (shift.dy ?? 0) - grow),
    width: crop.width + 2 * grow,
    height: crop.height + 2 * grow,
  };
  return Uint8Array.from(await sharp(source).extract(box).jpeg({ quality: 90 }).toBuffer());
}

/** The same photograph, changed the way a chip photo and a webcam frame differ: size, angle, light, encoding. */
export async function transformed(image: Uint8Array, kind: 'scaled' | 'rotated' | 'brighter' | 'darker-png'): Promise<Uint8Array> {
  const pipeline = sharp(image);
  switch (kind) {
    case 'scaled':
      return Uint8Array.from(await pipeline.resize({ width: 200 }).jpeg({ quality: 70 }).toBuffer());
    case 'rotated':
      return Uint8Array.from(await pipeline.rotate(8, { background: '#808080' }).jpeg().toBuffer());
    case 'brighter':
      return Uint8Array.from(await pipeline.modulate({ brightness: 1.3 }).jpeg({ quality: 60 }).toBuffer());
    case 'darker-png':
      return Uint8Array.from(await pipeline.linear(0.7, 0).png().toBuffer());
  }
}

/** A still photo before the camera: the same picture with a little sensor noise (different bytes, same geometry). */
export async function stillFrame(image: Uint8Array, seed: number): Promise<Uint8Array> {
  const quality = 80 + (seed % 10);
  return Uint8Array.from(await sharp(image).modulate({ brightness: 1 + (seed % 3) * 0.02 }).jpeg({ quality }).toBuffer());
}
