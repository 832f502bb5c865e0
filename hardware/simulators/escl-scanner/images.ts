import sharp from 'sharp';
import type { RequestedScan } from './scan-settings';
import { renderTestPage, type TestPageKind } from './test-pages';

const cache = new Map<string, Buffer>();

/** The image a device would send for one side of a sheet, in the colour mode and format the job asked for. */
export async function deviceImage(kind: TestPageKind, pageNumber: number, scan: RequestedScan): Promise<Buffer> {
  const key = `${kind}|${pageNumber}|${scan.dpi}|${scan.colorMode}|${scan.format}`;
  const hit = cache.get(key);
  if (hit) return hit;
  let image = sharp(renderTestPage(kind, scan.dpi, pageNumber)).flatten({ background: '#ffffff' });
  if (scan.colorMode === 'Grayscale8') image = image.greyscale();
  if (scan.colorMode === 'BlackAndWhite1') image = image.greyscale().threshold(140);
  const bytes = await (scan.format === 'image/png' ? image.png({ compressionLevel: 6 }) : image.jpeg({ quality: 85 })).toBuffer();
  // Small bound: a test suite renders a handful of distinct pages; a long demo must not grow without limit.
  if (cache.size > 64) cache.clear();
  cache.set(key, bytes);
  return bytes;
}
