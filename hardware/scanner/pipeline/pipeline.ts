import sharp, { type Sharp } from 'sharp';
import { err, ok, type Result } from '../../../src-shared/result';
import { causeText, scannerErrors, type ScannerFailure } from '../errors';
import type { ColourMode, RawPage } from '../scanner';
import { checkBlank, type BlankCheck } from './blank';
import { classifyContent, hasColour } from './classify';
import { findPage, scaleBox } from './crop';
import { measureSkew, straighten } from './deskew';
import { encodeBitonal, encodeJpeg, type EncodedImage } from './encode';
import { otsuThreshold, toGrey } from './grey';
import { detectOrientation, type Orientation } from './orientation';

export type PipelineOptions = {
  readonly colour: ColourMode;
  /** Ink share under which a page counts as blank (see blank.ts); 0 disables blank removal. */
  readonly blankInkRatio: number;
  readonly deskew: boolean;
  /** Skew beyond this is not searched (a sheet more askew than 10° is fed wrongly and must be rescanned). */
  readonly maxSkewDegrees: number;
  /** Keep a greyscale PNG of the final page for OCR (skipped when no OCR will run: it costs an encode). */
  readonly forOcr?: boolean;
};

export const defaultPipelineOptions: PipelineOptions = { colour: 'grey', blankInkRatio: 0.001, deskew: true, maxSkewDegrees: 10 };

export type ProcessedPage = {
  readonly index: number;
  readonly side: 'front' | 'back';
  readonly dpi: number;
  readonly blank: BlankCheck;
  /** Measured on arrival, and again on the result (what the quality gate checks). */
  readonly skew: { readonly measured: number; readonly residual: number; readonly corrected: boolean };
  readonly orientation: Orientation;
  readonly cropped: boolean;
  readonly content: 'text' | 'photo';
  /** Absent for a blank page: it is reported, not kept. */
  readonly image?: EncodedImage;
  /** The straightened page as greyscale PNG, for OCR (which binarises on its own terms); its pHYs carries the
   *  scan's dpi, or tesseract guesses the resolution (and warns on stderr). */
  readonly ocrPng?: Uint8Array;
  /** 160 px wide JPEG for the officer's preview. */
  readonly thumbnail: Uint8Array;
};

const ANALYSIS_WIDTH = 1000;

async function thumbnailOf(image: Sharp): Promise<Uint8Array> {
  return new Uint8Array(await image.clone().resize({ width: 160 }).flatten({ background: '#ffffff' }).jpeg({ quality: 60 }).toBuffer());
}

/**
 * One scanned page through the steps officers expect from NAPS2-class software: crop to the paper, drop it if
 * blank, straighten, turn it upright, then encode for the PDF (bitonal or greyscale for text, JPEG for photos).
 */
export async function processPage(raw: RawPage, options: PipelineOptions = defaultPipelineOptions): Promise<Result<ProcessedPage, ScannerFailure>> {
  try {
    return ok(await run(raw, options));
  } catch (cause: unknown) {
    return err(scannerErrors.imageUnreadable(causeText(cause)));
  }
}

async function run(raw: RawPage, options: PipelineOptions): Promise<ProcessedPage> {
  let image = await materialize(sharp(raw.bytes));
  const meta = await image.metadata();
  let width = meta.width;
  let height = meta.height;
  const small = await toGrey(image, ANALYSIS_WIDTH);
  const box = findPage(small);
  if (box) {
    const scaled = scaleBox(box, width / small.width, width, height);
    image = await materialize(image.extract(scaled));
    width = scaled.width;
    height = scaled.height;
  }
  const analysed = box ? await toGrey(image, ANALYSIS_WIDTH) : small;
  const blank = checkBlank(analysed, options.blankInkRatio);
  const base = { index: raw.index, side: raw.side, dpi: raw.dpi, blank, cropped: box !== undefined };
  if (blank.blank && options.blankInkRatio > 0) {
    return { ...base, skew: { measured: 0, residual: 0, corrected: false }, orientation: { upsideDown: false, confidence: 'no-text', ratio: 1 }, content: 'text', thumbnail: await thumbnailOf(image) };
  }
  const content = classifyContent(analysed);
  const measured = content === 'text' && options.deskew ? await measureSkew(analysed.data.length > 0 ? fromAnalysed(analysed) : image, options.maxSkewDegrees) : { degrees: 0 };
  const corrected = Math.abs(measured.degrees) >= 0.1;
  if (corrected) image = await straighten(image, width, height, measured.degrees);
  image = await materialize(image);
  const upright = await toGrey(image, ANALYSIS_WIDTH);
  const residual = corrected ? (await measureSkew(fromAnalysed(upright), options.maxSkewDegrees)).degrees : measured.degrees;
  const orientation = content === 'text' ? detectOrientation(upright) : ({ upsideDown: false, confidence: 'no-text', ratio: 1 } as const);
  if (orientation.upsideDown) image = await materialize(image.rotate(180));
  const encoded = await encodePage(image, content, options.colour);
  const ocrPng = content === 'text' && options.forOcr ? new Uint8Array(await image.clone().toColourspace('b-w').withDensity(raw.dpi).png({ compressionLevel: 1 }).toBuffer()) : undefined;
  return {
    ...base,
    skew: { measured: measured.degrees, residual, corrected },
    orientation,
    content,
    image: encoded,
    ...(ocrPng ? { ocrPng } : {}),
    thumbnail: await thumbnailOf(image),
  };
}

/** Decoded pixels, so the next step starts from memory instead of re-running the chain or a PNG round trip. */
async function materialize(image: Sharp): Promise<Sharp> {
  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
}

const fromAnalysed = (grey: { data: Uint8Array; width: number; height: number }) => sharp(grey.data, { raw: { width: grey.width, height: grey.height, channels: 1 } });

async function encodePage(image: Sharp, content: 'text' | 'photo', colour: ColourMode): Promise<EncodedImage> {
  if (content === 'photo') return encodeJpeg(image, colour === 'colour' && (await hasColour(image)), 75);
  if (colour === 'bw') {
    const grey = await toGrey(image);
    return encodeBitonal(grey, otsuThreshold(grey));
  }
  // Colour is kept on a text page only when there is some (a red stamp); otherwise grey is the same page, smaller.
  return encodeJpeg(image, colour === 'colour' && (await hasColour(image)), 50);
}
