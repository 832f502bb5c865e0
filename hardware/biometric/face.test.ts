import { beforeAll, describe, expect, it } from 'vitest';
import { descriptorDistance } from './compare';
import { createFaceEngine } from './face-engine';
import sharp from 'sharp';
import { decodeRgb, sniffImageFormat, toJpeg } from './image';
import { encodeJpeg2000, wrapJp2 } from './jpeg2000';
import { assessLiveness, landmarkMovement } from './liveness';
import { portrait, portraits, stillFrame, transformed } from './test-faces';
import { verifyFace } from './verify';

/**
 * Real networks on real photographs (face-api's demo pictures, see test-faces.ts), WASM backend, no network.
 * Loading takes about a second; each image 0.1–1 s on a small VM, hence the generous timeouts.
 */
const engine = createFaceEngine();
let a: Uint8Array;
let b: Uint8Array;
let c: Uint8Array;

beforeAll(async () => {
  const warm = await engine.warmUp();
  if (!warm.ok) throw new Error(warm.error.messageEn);
  [a, b, c] = await Promise.all([portrait(portraits.a), portrait(portraits.b), portrait(portraits.c)]);
}, 60_000);

async function descriptorOf(image: Uint8Array): Promise<Float32Array> {
  const rgb = await decodeRgb(image, 'test');
  if (!rgb.ok) throw new Error(rgb.error.messageEn);
  const analysis = await engine.analyse(rgb.value);
  if (!analysis.ok) throw new Error(analysis.error.messageEn);
  const face = analysis.value.faces[0];
  if (face === undefined) throw new Error('no face found');
  expect(face.landmarks).toHaveLength(68);
  expect(face.descriptor).toHaveLength(128);
  return face.descriptor;
}

describe('face verification on real photographs', () => {
  it('keeps one photo within the threshold when scaled, rotated, re-lit and re-encoded', async () => {
    const original = await descriptorOf(a);
    for (const kind of ['scaled', 'rotated', 'brighter', 'darker-png'] as const) {
      const distance = descriptorDistance(original, await descriptorOf(await transformed(a, kind)));
      expect(distance, kind).toBeLessThan(0.3);
    }
  }, 60_000);

  it('tells different people apart', async () => {
    const [da, db, dc] = [await descriptorOf(a), await descriptorOf(b), await descriptorOf(c)];
    expect(descriptorDistance(da, db)).toBeGreaterThan(0.5);
    expect(descriptorDistance(da, dc)).toBeGreaterThan(0.5);
    expect(descriptorDistance(db, dc)).toBeGreaterThan(0.5);
  }, 60_000);

  it('matches the chip photo with moving frames of the same face and reports score, threshold and liveness', async () => {
    const chip = await transformed(a, 'scaled');
    // The same photograph shifted and scaled from frame to frame: movement in image coordinates (see liveness.ts).
    const frames = await Promise.all([portrait(portraits.a), portrait(portraits.a, { dx: 25, dy: 10 }), portrait(portraits.a, { dx: -20, dy: 25, grow: 30 })]);
    const result = await verifyFace(engine, { chipImage: chip, frames });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.decision).toBe('match');
    expect(result.value.distance).toBeLessThan(result.value.threshold);
    expect(result.value.score).toBeGreaterThan(result.value.scoreThreshold);
    expect(result.value.liveness).toMatchObject({ passed: true, framesWithFace: 3 });
    expect(result.value.liveness.movingPairs).toBeGreaterThanOrEqual(2);
    expect(result.value.frames.every((f) => f.face)).toBe(true);
  }, 60_000);

  it('refuses a photo held still before the camera, even though the face matches', async () => {
    const frames = await Promise.all([0, 1, 2].map((seed) => stillFrame(a, seed)));
    const result = await verifyFace(engine, { chipImage: a, frames });
    expect(result.ok && result.value.decision).toBe('liveness-failed');
    expect(result.ok && result.value.liveness.reason).toBe('no-movement');
    expect(result.ok && result.value.liveness.movements.every((m) => m < 0.05)).toBe(true);
    expect(result.ok && result.value.distance).toBeLessThan(0.2);
  }, 60_000);

  it('says no-match for another person, and no-face when the chip photo or the frames have none', async () => {
    const frames = await Promise.all([portrait(portraits.b), portrait(portraits.b, { dx: 25 }), portrait(portraits.b, { dy: 25, grow: 20 })]);
    const other = await verifyFace(engine, { chipImage: a, frames });
    expect(other.ok && other.value.decision).toBe('no-match');
    expect(other.ok && other.value.score).toBeLessThan(0.5);

    const empty = await portrait(portraits.noFace);
    const noChipFace = await verifyFace(engine, { chipImage: empty, frames });
    expect(noChipFace.ok && [noChipFace.value.decision, noChipFace.value.noFaceIn, noChipFace.value.score]).toEqual(['no-face', 'chip', undefined]);
    const noFrameFace = await verifyFace(engine, { chipImage: a, frames: [empty, empty, empty] });
    expect(noFrameFace.ok && [noFrameFace.value.decision, noFrameFace.value.noFaceIn]).toEqual(['no-face', 'frames']);
    expect(noFrameFace.ok && noFrameFace.value.liveness.reason).toBe('too-few-frames');
  }, 120_000);

  it('refuses frames that swap faces between shots', async () => {
    const frames = [a, await portrait(portraits.c), await portrait(portraits.a, { dx: 20 })];
    const result = await verifyFace(engine, { chipImage: a, frames });
    expect(result.ok && result.value.liveness.reason).toBe('different-faces');
    expect(result.ok && result.value.decision).toBe('liveness-failed');
  }, 60_000);
});

describe('images and inputs', () => {
  it('decodes a JPEG 2000 chip photo (JP2 file, OpenJPEG in WASM): shown as JPEG and matched like any other', async () => {
    const raw = await sharp(a).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const jp2 = wrapJp2(await encodeJpeg2000(Uint8Array.from(raw.data), raw.info.width, raw.info.height), raw.info.width, raw.info.height);
    expect(sniffImageFormat(jp2)).toBe('jpeg2000');
    const shown = await toJpeg(jp2);
    if (!shown.ok) throw new Error(shown.error.messageEn);
    expect(sniffImageFormat(shown.value)).toBe('jpeg');
    expect((await sharp(shown.value).metadata()).width).toBe(raw.info.width);
    const verdict = await verifyFace(engine, { chipImage: jp2, frames: [await transformed(a, 'scaled')] });
    if (!verdict.ok) throw new Error(verdict.error.messageEn);
    expect(verdict.value.frames[0]?.distance).toBeLessThan(0.3);
    // A truncated JP2 (no codestream box) is a clear failure, not a crash.
    const broken = await decodeRgb(jp2.subarray(0, 40), 'chip');
    expect(!broken.ok && broken.error.code).toBe('face.image-unreadable');
  }, 60_000);

  it('refuses bytes that are not an image, and an empty or oversized frame list', async () => {
    const garbage = await decodeRgb(Uint8Array.of(1, 2, 3, 4), 'frames.0');
    expect(!garbage.ok && [garbage.error.code, garbage.error.path]).toEqual(['face.image-unreadable', 'frames.0']);
    const none = await verifyFace(engine, { chipImage: a, frames: [] });
    expect(!none.ok && none.error.code).toBe('face.frames');
    const many = await verifyFace(engine, { chipImage: a, frames: Array.from({ length: 11 }, () => a) });
    expect(!many.ok && many.error.code).toBe('face.frames');
  });
});

describe('liveness cue (pure)', () => {
  const face = (dx: number, scale = 1) => ({
    landmarks: Array.from({ length: 68 }, (_, i) => ({ x: (100 + (i % 17) * 10) * scale + dx, y: (100 + Math.floor(i / 17) * 10) * scale })),
    descriptor: new Float32Array(128),
  });

  it('measures movement relative to the eye distance', () => {
    expect(landmarkMovement(face(0).landmarks, face(0).landmarks)).toBe(0);
    expect(landmarkMovement(face(0).landmarks, face(10).landmarks)).toBeGreaterThan(0.05);
  });

  it('needs enough frames, movement in enough pairs, and a short window', () => {
    expect(assessLiveness([face(0), face(0), face(0)], undefined)).toMatchObject({ passed: false, reason: 'no-movement', movingPairs: 0 });
    expect(assessLiveness([face(0), face(10)], undefined)).toMatchObject({ passed: false, reason: 'too-few-frames' });
    expect(assessLiveness([face(0), undefined, face(10), face(0)], undefined)).toMatchObject({ passed: true, framesWithFace: 3, movingPairs: 2 });
    expect(assessLiveness([face(0), face(10), face(0)], [0, 500, 20_000])).toMatchObject({ passed: false, reason: 'outside-window' });
  });
});
