import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { renderTestPage, type TestPageKind } from '../../simulators/escl-scanner';
import type { ColourMode } from '../scanner';
import { measureSkew } from './deskew';
import { processPage, type ProcessedPage } from './pipeline';

async function run(kind: TestPageKind, colour: ColourMode = 'grey', dpi = 150): Promise<ProcessedPage> {
  // What an eSCL device sends for the colour mode: greyscale unless colour was asked for.
  const flat = sharp(renderTestPage(kind, dpi)).flatten({ background: '#fff' });
  const bytes = new Uint8Array(await (colour === 'colour' ? flat : flat.greyscale()).png().toBuffer());
  const result = await processPage({ index: 0, side: 'front', format: 'image/png', bytes, dpi }, { colour, blankInkRatio: 0.001, deskew: true, maxSkewDegrees: 10, forOcr: true });
  if (!result.ok) throw new Error(result.error.messageEn);
  return result.value;
}

describe('image pipeline', () => {
  it('straightens a page fed 4° askew: measured ≈ 4°, and |angle| < 0.5° on the output image', async () => {
    const page = await run('skewed');
    expect(page.skew.measured).toBeGreaterThan(3.5);
    expect(page.skew.measured).toBeLessThan(4.5);
    expect(page.skew.corrected).toBe(true);
    // Measured again, independently, on the JPEG that goes into the PDF.
    const after = await measureSkew(page.image?.bytes ?? new Uint8Array());
    expect(Math.abs(after.degrees)).toBeLessThan(0.5);
  });

  it('leaves a straight page alone', async () => {
    const page = await run('text');
    expect(page.skew.corrected).toBe(false);
    expect(Math.abs(page.skew.measured)).toBeLessThan(0.1);
  });

  it('detects a blank sheet with dust and a fold mark, and does not encode it', async () => {
    const page = await run('blank');
    expect(page.blank.blank).toBe(true);
    expect(page.image).toBeUndefined();
    expect(page.thumbnail.length).toBeGreaterThan(100);
    const text = await run('text');
    expect(text.blank.blank).toBe(false);
    expect(text.blank.inkRatio).toBeGreaterThan(0.01);
  });

  it('turns an upside-down page upright (0/180 from the text lines), and reports an upright one as clear', async () => {
    const flipped = await run('upside-down');
    expect(flipped.orientation).toMatchObject({ upsideDown: true, confidence: 'clear' });
    const upright = await run('text');
    expect(upright.orientation).toMatchObject({ upsideDown: false, confidence: 'clear' });
  });

  it('crops a photo print off the black backing and keeps it as JPEG', async () => {
    const page = await run('photo', 'colour');
    expect(page.cropped).toBe(true);
    expect(page.content).toBe('photo');
    expect(page.image?.encoding).toBe('colour-jpeg');
    // 10 × 15 cm at 150 dpi ≈ 591 × 886 px.
    expect(page.image?.width).toBeGreaterThan(560);
    expect(page.image?.width).toBeLessThan(620);
    expect(page.image?.height).toBeGreaterThan(860);
    expect(page.image?.height).toBeLessThan(910);
  });

  it('encodes text bitonal for bw and greyscale JPEG for grey, colour kept only where there is some', async () => {
    expect((await run('text', 'bw')).image?.encoding).toBe('bitonal');
    expect((await run('text', 'grey')).image?.encoding).toBe('grey-jpeg');
    expect((await run('text', 'colour')).image?.encoding).toBe('grey-jpeg');
    // DeviceGray in the PDF: the JPEG must have exactly one component.
    const grey = await run('text', 'grey');
    expect((await sharp(grey.image?.bytes).metadata()).channels).toBe(1);
    const photo = await run('photo', 'colour');
    expect((await sharp(photo.image?.bytes).metadata()).channels).toBe(3);
  });

  it('makes a small JPEG thumbnail for the preview', async () => {
    const page = await run('text');
    const meta = await sharp(page.thumbnail).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.width).toBe(160);
    expect(page.thumbnail.length).toBeLessThan(12_000);
  });

  it('reports an unreadable image as a failure, not a throw', async () => {
    const result = await processPage({ index: 0, side: 'front', format: 'image/png', bytes: new Uint8Array([1, 2, 3]), dpi: 150 });
    expect(!result.ok && result.error.code).toBe('scanner.image-unreadable');
  });
});
