import sharp, { type Sharp } from 'sharp';
import { inkPoints, otsuThreshold, toGrey, type Grey } from './grey';

/** Widest page the angle is estimated on: about 120 dpi for A4, enough for 0.05° steps, fast enough per page. */
const ESTIMATE_WIDTH = 1000;

/**
 * Projection-profile score: rotate the ink points by `degrees` and sum the squares of the row histogram. Text
 * lines that run exactly horizontal pile into few rows, so the sum (the profile's variance) peaks at the true angle.
 */
function profileScore(xs: Float64Array, ys: Float64Array, degrees: number, rows: number): number {
  const radians = (degrees * Math.PI) / 180;
  const sin = Math.sin(radians);
  const cos = Math.cos(radians);
  const offset = Math.ceil(rows * 0.5);
  const histogram = new Float64Array(rows * 2 + offset * 2);
  for (let i = 0; i < xs.length; i++) {
    const row = Math.round((ys[i] ?? 0) * cos - (xs[i] ?? 0) * sin) + offset;
    if (row >= 0 && row < histogram.length) histogram[row] = (histogram[row] ?? 0) + 1;
  }
  let score = 0;
  for (const c of histogram) score += c * c;
  return score;
}

function bestAngle(xs: Float64Array, ys: Float64Array, rows: number, from: number, to: number, step: number): number {
  let best = from;
  let bestScore = -1;
  for (let a = from; a <= to + 1e-9; a += step) {
    const score = profileScore(xs, ys, a, rows);
    if (score > bestScore) {
      bestScore = score;
      best = a;
    }
  }
  return best;
}

export type SkewEstimate = { readonly degrees: number; readonly inkPoints: number };

/**
 * The page's skew in degrees, positive when text lines run downhill to the right (clockwise on screen), searched
 * over ±maxDegrees: coarse 0.5° steps, then 0.05° around the best. Too little ink (a blank or near-blank page)
 * gives 0: there is nothing to straighten.
 */
export function estimateSkew(grey: Grey, maxDegrees = 10): SkewEstimate {
  const threshold = otsuThreshold(grey);
  const { xs, ys } = inkPoints(grey, threshold);
  if (xs.length < 200) return { degrees: 0, inkPoints: xs.length };
  const coarse = bestAngle(xs, ys, grey.height, -maxDegrees, maxDegrees, 0.5);
  const fine = bestAngle(xs, ys, grey.height, coarse - 0.5, coarse + 0.5, 0.05);
  return { degrees: Math.round(fine * 100) / 100, inkPoints: xs.length };
}

export async function measureSkew(image: Sharp | Uint8Array, maxDegrees = 10): Promise<SkewEstimate> {
  return estimateSkew(await toGrey(image, ESTIMATE_WIDTH), maxDegrees);
}

/** Rotates by -skew on white and cuts back to the original size around the centre, so the page keeps its format. */
export async function straighten(image: Sharp, width: number, height: number, skewDegrees: number): Promise<Sharp> {
  const rotated = await image.clone().rotate(-skewDegrees, { background: '#ffffff' }).raw().toBuffer({ resolveWithObject: true });
  const left = Math.max(0, Math.floor((rotated.info.width - width) / 2));
  const top = Math.max(0, Math.floor((rotated.info.height - height) / 2));
  return sharp(rotated.data, { raw: { width: rotated.info.width, height: rotated.info.height, channels: rotated.info.channels } }).extract({ left, top, width: Math.min(width, rotated.info.width), height: Math.min(height, rotated.info.height) });
}
