import sharp, { type Sharp } from 'sharp';
import { err, ok, type Result } from '../../src-shared/result';
import { biometricErrors, type BiometricFailure } from './errors';
import { decodeJpeg2000 } from './jpeg2000';

/**
 * Image bytes → RGB pixels for the face networks, with sharp (libvips). JPEG and PNG (camera frames, most chip
 * photos) decode in sharp; JPEG 2000 does not (the prebuilt libvips in sharp 0.35 has no OpenJPEG), so a JP2 chip
 * photo is decoded by OpenJPEG in WebAssembly (jpeg2000.ts) and handed to sharp as raw pixels.
 */
export type ImageFormat = 'jpeg' | 'png' | 'jpeg2000' | 'webp' | 'unknown';

export type RgbImage = { readonly data: Uint8Array; readonly width: number; readonly height: number };

/** Larger frames are shrunk first: the detector looks at 416 px anyway and decoding 1080p costs more than it gives. */
export const MAX_SIDE = 640;

export function sniffImageFormat(bytes: Uint8Array): ImageFormat {
  const at = (i: number): number => bytes[i] ?? -1;
  if (at(0) === 0xff && at(1) === 0xd8) return 'jpeg';
  if (at(0) === 0x89 && at(1) === 0x50 && at(2) === 0x4e && at(3) === 0x47) return 'png';
  // JP2 box signature, or a bare J2K codestream (SOC + SIZ).
  if ((at(4) === 0x6a && at(5) === 0x50 && at(6) === 0x20 && at(7) === 0x20) || (at(0) === 0xff && at(1) === 0x4f && at(2) === 0xff && at(3) === 0x51)) return 'jpeg2000';
  if (at(8) === 0x57 && at(9) === 0x45 && at(10) === 0x42 && at(11) === 0x50) return 'webp';
  return 'unknown';
}

/** sharp's input: the bytes themselves, or raw pixels from the WASM JPEG 2000 decoder. */
async function sharpInput(bytes: Uint8Array): Promise<Result<Sharp, BiometricFailure>> {
  if (sniffImageFormat(bytes) !== 'jpeg2000' || sharp.format.jp2.input.buffer) return ok(sharp(bytes, { limitInputPixels: 40_000_000 }));
  const decoded = await decodeJpeg2000(bytes);
  if (!decoded.ok) return decoded;
  const { data, width, height, channels } = decoded.value;
  return ok(sharp(data, { raw: { width, height, channels } }));
}

export async function decodeRgb(bytes: Uint8Array, what: string): Promise<Result<RgbImage, BiometricFailure>> {
  const format = sniffImageFormat(bytes);
  if (format === 'unknown') return err(biometricErrors.imageUnreadable(what, 'not a JPEG, PNG, WebP or JPEG 2000 image'));
  const input = await sharpInput(bytes);
  if (!input.ok) return input;
  try {
    const { data, info } = await input.value
      .rotate()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true })
      .removeAlpha()
      .toColourspace('srgb')
      .raw()
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 3) return err(biometricErrors.imageUnreadable(what, `${info.channels} channels`));
    return ok({ data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: info.width, height: info.height });
  } catch (cause: unknown) {
    return err(biometricErrors.imageUnreadable(what, cause instanceof Error ? cause.message : 'decoder error'));
  }
}

/** Re-encodes an image as JPEG for the renderer (a data URL an <img> shows); JPEG input passes unchanged. */
export async function toJpeg(bytes: Uint8Array): Promise<Result<Uint8Array, BiometricFailure>> {
  const format = sniffImageFormat(bytes);
  if (format === 'jpeg') return ok(bytes);
  const input = await sharpInput(bytes);
  if (!input.ok) return input;
  try {
    return ok(Uint8Array.from(await input.value.jpeg({ quality: 90 }).toBuffer()));
  } catch (cause: unknown) {
    return err(biometricErrors.imageUnreadable('chip', cause instanceof Error ? cause.message : 'decoder error'));
  }
}
