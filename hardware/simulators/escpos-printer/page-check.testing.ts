import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { toMonochrome, type MonoBitmap } from '../../printer/render/bitmap';
import type { PrintedPage } from './page';

/**
 * Looks at a printed page the way a person would: from its PNG, not from the simulator's internal rows, so a
 * broken PNG would fail the tests too. Test-only (jsqr is a dev dependency).
 */
export function pageImage(page: PrintedPage): { readonly width: number; readonly height: number; readonly rgba: Uint8ClampedArray } {
  const png = PNG.sync.read(page.png);
  return { width: png.width, height: png.height, rgba: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength) };
}

export function pageBitmap(page: PrintedPage): MonoBitmap {
  const image = pageImage(page);
  return toMonochrome(image.rgba, image.width, image.height);
}

/** The text of the first QR code found on the page, or undefined. */
export function readQr(page: PrintedPage): string | undefined {
  const image = pageImage(page);
  return jsQR(image.rgba, image.width, image.height, { inversionAttempts: 'dontInvert' })?.data;
}
