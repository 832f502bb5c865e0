/**
 * Comparing two face descriptors (face-api's 128 values, a ResNet-34 embedding). Same-person pairs land near 0,
 * different people mostly above 0.6 (face-api's usual cut). MotCua cuts stricter, at 0.5: on the 14 faces of
 * face-api's own demo photographs (91 pairs of different people) the closest pair of strangers is 0.53 apart and
 * three pairs are under 0.6, while re-encoded, scaled, rotated and re-lit copies of one photo stay under 0.2.
 * The score shown to the officer is 1 − distance, clamped to 0–1 (0.5 at the threshold).
 */
export const DEFAULT_DISTANCE_THRESHOLD = 0.5;

export function descriptorDistance(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i += 1) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    sum += d * d;
  }
  return Math.sqrt(sum);
}

export const similarityScore = (distance: number): number => Math.min(1, Math.max(0, 1 - distance));

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
