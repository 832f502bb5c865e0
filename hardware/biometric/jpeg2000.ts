import { createRequire } from 'node:module';
import { err, ok, type Result } from '../../src-shared/result';
import { biometricErrors, type BiometricFailure } from './errors';

/**
 * JPEG 2000 chip photos (ISO 19794-5 allows them; sharp's libvips here has no OpenJPEG), decoded with OpenJPEG
 * compiled to WebAssembly (@cornerstonejs/codec-openjpeg, MIT; the .wasm ships inside the npm package). The codec
 * reads a J2K codestream: a JP2 file is unwrapped to its `jp2c` box first.
 */
type FrameInfo = { readonly width: number; readonly height: number; readonly bitsPerSample: number; readonly componentCount: number; readonly isSigned: boolean };
type J2KDecoder = { getEncodedBuffer(length: number): Uint8Array; decode(): void; getFrameInfo(): FrameInfo; getDecodedBuffer(): Uint8Array; delete?(): void };
type J2KEncoder = { getDecodedBuffer(info: FrameInfo & { readonly isUsingColorSpace: boolean }): Uint8Array; encode(): void; getEncodedBuffer(): Uint8Array; setQuality?(lossless: boolean, quality: number): void; delete?(): void };
type OpenJpegModule = { readonly J2KDecoder: new () => J2KDecoder; readonly J2KEncoder: new () => J2KEncoder };

let codec: Promise<OpenJpegModule> | undefined;
function openJpeg(): Promise<OpenJpegModule> {
  // The Emscripten factory finds its .wasm beside itself, in node_modules, with no network.
  codec ??= (createRequire(import.meta.url)('@cornerstonejs/codec-openjpeg/wasmjs') as () => Promise<OpenJpegModule>)();
  return codec;
}

export type DecodedJpeg2000 = { readonly data: Uint8Array; readonly width: number; readonly height: number; readonly channels: 1 | 3 };

/** The J2K codestream inside a JP2 file (its `jp2c` box), or the bytes themselves when they already are one. */
export function codestreamOf(bytes: Uint8Array): Uint8Array | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0x4f) return bytes;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  while (offset + 8 <= bytes.length) {
    let length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    let header = 8;
    if (length === 1) {
      if (offset + 16 > bytes.length) return undefined;
      length = Number(view.getBigUint64(offset + 8));
      header = 16;
    } else if (length === 0) {
      length = bytes.length - offset;
    }
    if (length < header || offset + length > bytes.length) return undefined;
    if (type === 'jp2c') return bytes.subarray(offset + header, offset + length);
    offset += length;
  }
  return undefined;
}

export async function decodeJpeg2000(bytes: Uint8Array): Promise<Result<DecodedJpeg2000, BiometricFailure>> {
  const stream = codestreamOf(bytes);
  if (stream === undefined) return err(biometricErrors.imageUnreadable('chip', 'JPEG 2000 without a codestream'));
  try {
    const decoder = new (await openJpeg()).J2KDecoder();
    try {
      decoder.getEncodedBuffer(stream.length).set(stream);
      decoder.decode();
      const info = decoder.getFrameInfo();
      if (info.bitsPerSample !== 8 || (info.componentCount !== 1 && info.componentCount !== 3)) {
        return err(biometricErrors.imageUnreadable('chip', `JPEG 2000 with ${info.componentCount} × ${info.bitsPerSample}-bit samples`));
      }
      return ok({ data: Uint8Array.from(decoder.getDecodedBuffer()), width: info.width, height: info.height, channels: info.componentCount });
    } finally {
      decoder.delete?.();
    }
  } catch (cause: unknown) {
    return err(biometricErrors.imageUnreadable('chip', cause instanceof Error ? cause.message : 'JPEG 2000 decoder error'));
  }
}

/** Test support and tools: interleaved 8-bit RGB → a lossless J2K codestream (what some chips store). */
export async function encodeJpeg2000(rgb: Uint8Array, width: number, height: number): Promise<Uint8Array> {
  const encoder = new (await openJpeg()).J2KEncoder();
  try {
    encoder.getDecodedBuffer({ width, height, bitsPerSample: 8, componentCount: 3, isSigned: false, isUsingColorSpace: false }).set(rgb);
    encoder.encode();
    return Uint8Array.from(encoder.getEncodedBuffer());
  } finally {
    encoder.delete?.();
  }
}

/** Wraps a codestream in the JP2 file format (signature, ftyp, jp2h with ihdr + colr, jp2c), as DG2 carries it. */
export function wrapJp2(codestream: Uint8Array, width: number, height: number): Uint8Array {
  const box = (type: string, body: Uint8Array): Uint8Array => {
    const out = new Uint8Array(8 + body.length);
    new DataView(out.buffer).setUint32(0, out.length);
    out.set([...type].map((c) => c.charCodeAt(0)), 4);
    out.set(body, 8);
    return out;
  };
  const ihdr = new Uint8Array(14);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, height);
  view.setUint32(4, width);
  view.setUint16(8, 3);
  ihdr[10] = 7; // 8 bits per component
  ihdr[11] = 7; // wavelet compression
  const colr = Uint8Array.from([1, 0, 0, 0, 0, 0, 16]); // enumerated colour space sRGB (16)
  const jp2h = box('jp2h', Uint8Array.from([...box('ihdr', ihdr), ...box('colr', colr)]));
  const signature = box('jP  ', Uint8Array.from([0x0d, 0x0a, 0x87, 0x0a]));
  const ftyp = box('ftyp', Uint8Array.from([...'jp2 '].map((c) => c.charCodeAt(0)).concat([0, 0, 0, 0], [...'jp2 '].map((c) => c.charCodeAt(0)))));
  return Uint8Array.from([...signature, ...ftyp, ...jp2h, ...box('jp2c', codestream)]);
}
