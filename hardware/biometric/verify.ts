import { createLogger } from '../../src-shared/log';
import { err, ok, type Result } from '../../src-shared/result';
import { DEFAULT_DISTANCE_THRESHOLD, descriptorDistance, median, similarityScore } from './compare';
import { biometricErrors, type BiometricFailure } from './errors';
import type { FaceEngine, FoundFace } from './face-engine';
import { decodeRgb } from './image';
import { assessLiveness, defaultLivenessOptions, type LivenessOptions, type LivenessResult } from './liveness';

/**
 * Chip photo (DG2) against camera frames: the largest face of each image, the median distance of the frames to
 * the chip photo (one blurred frame does not decide), and the liveness cue over the frames. The answer is a
 * score with its threshold and a decision for the officer, never a bare yes:
 * no-face (chip or frames) → no-match → liveness-failed → match. Nothing personal is logged.
 */
export type FaceDecision = 'match' | 'no-match' | 'no-face' | 'liveness-failed';

export type FaceVerification = {
  readonly decision: FaceDecision;
  /** 1 − distance, 0–1; absent when a side had no face. */
  readonly score?: number;
  readonly distance?: number;
  /** Distance at or under which the faces match, and the same cut as a score. */
  readonly threshold: number;
  readonly scoreThreshold: number;
  readonly noFaceIn?: 'chip' | 'frames';
  readonly frames: readonly { readonly face: boolean; readonly distance?: number }[];
  readonly liveness: LivenessResult;
  readonly timings: { readonly decodeMs: number; readonly chipMs: number; readonly framesMs: number; readonly totalMs: number };
};

export type FaceVerifyInput = {
  readonly chipImage: Uint8Array;
  readonly frames: readonly Uint8Array[];
  /** Capture times of the frames (ms), when the camera gives them: the liveness window is checked. */
  readonly capturedAt?: readonly number[];
  readonly threshold?: number;
  readonly liveness?: Partial<LivenessOptions>;
};

export const MAX_FRAMES = 10;
const log = createLogger('hardware.biometric.verify');

export async function verifyFace(engine: FaceEngine, input: FaceVerifyInput): Promise<Result<FaceVerification, BiometricFailure>> {
  const started = performance.now();
  const threshold = input.threshold ?? DEFAULT_DISTANCE_THRESHOLD;
  const livenessOptions = { ...defaultLivenessOptions, ...input.liveness };
  if (input.frames.length === 0 || input.frames.length > MAX_FRAMES)
    return err(biometricErrors.frames(`cần 1–${MAX_FRAMES} khung hình`, `1–${MAX_FRAMES} frames are needed`));

  const chip = await decodeRgb(input.chipImage, 'chip');
  if (!chip.ok) return chip;
  const frames = [];
  for (const [index, bytes] of input.frames.entries()) {
    const frame = await decodeRgb(bytes, `frames.${index}`);
    if (!frame.ok) return frame;
    frames.push(frame.value);
  }
  const decodeMs = performance.now() - started;

  const chipAnalysis = await engine.analyse(chip.value);
  if (!chipAnalysis.ok) return chipAnalysis;
  const chipFace = chipAnalysis.value.faces[0];
  const framesStarted = performance.now();
  const frameFaces: (FoundFace | undefined)[] = [];
  for (const frame of frames) {
    const analysis = await engine.analyse(frame);
    if (!analysis.ok) return analysis;
    frameFaces.push(analysis.value.faces[0]);
  }
  const framesMs = performance.now() - framesStarted;

  const liveness = assessLiveness(frameFaces, input.capturedAt, livenessOptions);
  const distances = frameFaces.map((face) => (face === undefined || chipFace === undefined ? undefined : descriptorDistance(chipFace.descriptor, face.descriptor)));
  const measured = distances.filter((d): d is number => d !== undefined);
  const distance = measured.length === 0 ? undefined : median(measured);
  const noFaceIn = chipFace === undefined ? 'chip' : frameFaces.every((face) => face === undefined) ? 'frames' : undefined;
  const decision: FaceDecision =
    noFaceIn !== undefined || distance === undefined ? 'no-face' : distance > threshold ? 'no-match' : liveness.passed ? 'match' : 'liveness-failed';

  const result: FaceVerification = {
    decision,
    ...(distance === undefined ? {} : { distance, score: similarityScore(distance) }),
    threshold,
    scoreThreshold: similarityScore(threshold),
    ...(noFaceIn === undefined ? {} : { noFaceIn }),
    frames: distances.map((d) => (d === undefined ? { face: false } : { face: true, distance: d })),
    liveness,
    timings: { decodeMs, chipMs: chipAnalysis.value.ms, framesMs, totalMs: performance.now() - started },
  };
  log.info('face verified', {
    decision,
    distance: distance === undefined ? undefined : Math.round(distance * 1000) / 1000,
    frames: frames.length,
    liveness: liveness.passed ? 'passed' : liveness.reason,
    totalMs: Math.round(result.timings.totalMs),
  });
  return ok(result);
}
