import type { Point } from './face-engine';
import { descriptorDistance } from './compare';

/**
 * A basic liveness cue, NOT certified presentation-attack detection (ISO/IEC 30107-3): several camera frames
 * must show one face whose 68 landmarks move between frames by more than a small fraction of the distance between
 * the eyes. A printed photo or a phone held perfectly still in front of the camera gives near-identical landmarks
 * and is refused. Its limits, plainly: the landmarks are compared in image coordinates, so a photo that is moved,
 * tilted or brought closer passes just like a living face (the cue detects motion, not life); a replayed video
 * passes too. It only raises the bar above "hold up the ID card's photo", and the officer stays the judge.
 * Frames must also show the same person throughout (a swapped face between frames fails).
 */
export type LivenessOptions = {
  /** Frames with a face needed (default 3). */
  readonly minFrames: number;
  /** Consecutive frame pairs that must show movement (default 2). */
  readonly minMovingPairs: number;
  /** Mean landmark displacement, as a fraction of the inter-ocular distance, that counts as movement (default 0.05). */
  readonly movementThreshold: number;
  /** Frames must be captured within this many milliseconds, when the caller gives capture times (default 10 s). */
  readonly windowMs: number;
  /** Two frames farther apart than this (descriptor distance) are different people. */
  readonly samePersonDistance: number;
};

export const defaultLivenessOptions: LivenessOptions = { minFrames: 3, minMovingPairs: 2, movementThreshold: 0.05, windowMs: 10_000, samePersonDistance: 0.5 };

export type LivenessFrame = { readonly landmarks: readonly Point[]; readonly descriptor: Float32Array } | undefined;

export type LivenessReason = 'too-few-frames' | 'no-movement' | 'different-faces' | 'outside-window';

export type LivenessResult = {
  readonly passed: boolean;
  readonly reason?: LivenessReason;
  readonly framesWithFace: number;
  readonly movingPairs: number;
  /** Movement between consecutive frames with a face, fractions of the inter-ocular distance. */
  readonly movements: readonly number[];
  readonly required: { readonly frames: number; readonly movingPairs: number; readonly movement: number };
};

const centre = (points: readonly Point[]): Point => {
  const n = Math.max(1, points.length);
  return { x: points.reduce((s, p) => s + p.x, 0) / n, y: points.reduce((s, p) => s + p.y, 0) / n };
};

/** Eye centres of the iBUG 68 layout: points 36–41 and 42–47. */
export function interOcularDistance(landmarks: readonly Point[]): number {
  const left = centre(landmarks.slice(36, 42));
  const right = centre(landmarks.slice(42, 48));
  return Math.hypot(right.x - left.x, right.y - left.y);
}

export function landmarkMovement(a: readonly Point[], b: readonly Point[]): number {
  const scale = interOcularDistance(a);
  if (scale <= 0 || a.length !== b.length || a.length === 0) return 0;
  let total = 0;
  for (let i = 0; i < a.length; i += 1) {
    const p = a[i];
    const q = b[i];
    if (p !== undefined && q !== undefined) total += Math.hypot(p.x - q.x, p.y - q.y);
  }
  return total / a.length / scale;
}

export function assessLiveness(frames: readonly LivenessFrame[], capturedAt: readonly number[] | undefined, options: LivenessOptions = defaultLivenessOptions): LivenessResult {
  const withFace = frames.filter((frame): frame is NonNullable<LivenessFrame> => frame !== undefined);
  const movements: number[] = [];
  for (let i = 1; i < withFace.length; i += 1) {
    const previous = withFace[i - 1];
    const current = withFace[i];
    if (previous !== undefined && current !== undefined) movements.push(landmarkMovement(previous.landmarks, current.landmarks));
  }
  const movingPairs = movements.filter((m) => m >= options.movementThreshold).length;
  const base = {
    framesWithFace: withFace.length,
    movingPairs,
    movements,
    required: { frames: options.minFrames, movingPairs: options.minMovingPairs, movement: options.movementThreshold },
  };
  if (withFace.length < options.minFrames) return { passed: false, reason: 'too-few-frames', ...base };
  if (capturedAt !== undefined && capturedAt.length > 0 && Math.max(...capturedAt) - Math.min(...capturedAt) > options.windowMs)
    return { passed: false, reason: 'outside-window', ...base };
  const first = withFace[0];
  if (first !== undefined && withFace.some((frame) => descriptorDistance(first.descriptor, frame.descriptor) > options.samePersonDistance))
    return { passed: false, reason: 'different-faces', ...base };
  if (movingPairs < options.minMovingPairs) return { passed: false, reason: 'no-movement', ...base };
  return { passed: true, ...base };
}
