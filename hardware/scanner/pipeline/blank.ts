import type { Grey } from './grey';

export type BlankCheck = { readonly inkRatio: number; readonly blank: boolean };

/**
 * A page is blank when its share of ink pixels (darker than the paper by a clear margin) stays under the
 * threshold. The outer 4% is ignored: feeder edges, punch holes and the scanner's own shadow live there. Default
 * 0.1%: dust and a fold mark stay under it, a single handwritten signature line does not.
 */
export function checkBlank(grey: Grey, inkRatioThreshold = 0.001): BlankCheck {
  const { width, height, data } = grey;
  const mx = Math.floor(width * 0.04);
  const my = Math.floor(height * 0.04);
  // Paper level: the 90th percentile of a sample, robust to ink.
  const sample: number[] = [];
  for (let i = 0; i < data.length; i += 97) sample.push(data[i] ?? 255);
  sample.sort((a, b) => a - b);
  const paper = sample[Math.floor(sample.length * 0.9)] ?? 255;
  const inkBelow = paper - 80;
  let ink = 0;
  let counted = 0;
  for (let y = my; y < height - my; y++) {
    for (let x = mx; x < width - mx; x++) {
      counted++;
      if ((data[y * width + x] ?? 255) < inkBelow) ink++;
    }
  }
  const inkRatio = counted === 0 ? 0 : ink / counted;
  return { inkRatio, blank: inkRatio < inkRatioThreshold };
}
