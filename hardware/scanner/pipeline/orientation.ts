import { otsuThreshold, type Grey } from './grey';

export type Orientation = { readonly upsideDown: boolean; readonly confidence: 'clear' | 'uncertain' | 'no-text'; readonly ratio: number };

/**
 * Upright or upside down (0° or 180°), from the shape of text lines: in Latin script, and far more in Vietnamese
 * with its tone marks, more ink sits above a line's x-height band (ascenders, accents) than below it (descenders,
 * the dot-below). Upside down, that flips. It decides 0/180 only — a page on its side (90°) is left as it is and
 * reported uncertain. Photos and pages without text lines are "no-text".
 */
export function detectOrientation(grey: Grey): Orientation {
  const { width, height, data } = grey;
  const threshold = otsuThreshold(grey);
  const rows = new Uint32Array(height);
  for (let y = 0; y < height; y++) {
    let n = 0;
    for (let x = 0; x < width; x++) if ((data[y * width + x] ?? 255) < threshold) n++;
    rows[y] = n;
  }
  let above = 0;
  let below = 0;
  let lines = 0;
  for (let y = 0; y < height; ) {
    if ((rows[y] ?? 0) === 0) {
      y++;
      continue;
    }
    const start = y;
    while (y < height && (rows[y] ?? 0) > 0) y++;
    const end = y;
    if (end - start < 4 || end - start > height / 8) continue;
    const line = rows.subarray(start, end);
    const peak = Math.max(...line);
    const core = [...line].map((n) => n >= peak * 0.45);
    const coreTop = core.indexOf(true);
    const coreBottom = core.lastIndexOf(true);
    for (let i = 0; i < line.length; i++) {
      if (i < coreTop) above += line[i] ?? 0;
      if (i > coreBottom) below += line[i] ?? 0;
    }
    lines++;
  }
  if (lines < 2 || above + below === 0) return { upsideDown: false, confidence: 'no-text', ratio: 1 };
  const ratio = (above + 1) / (below + 1);
  if (ratio > 1.25) return { upsideDown: false, confidence: 'clear', ratio };
  if (ratio < 0.8) return { upsideDown: true, confidence: 'clear', ratio };
  return { upsideDown: false, confidence: 'uncertain', ratio };
}
