import { bench, describe } from 'vitest';
import { createFaceEngine } from './face-engine';
import { portrait, portraits, transformed } from './test-faces';
import { verifyFace } from './verify';

/**
 * Host CPU time of face verification on face-api's WASM backend (single thread, SIMD), models loaded beforehand:
 * one chip photo (~240 px) against one or three camera frames (crops of face-api's demo photos, ≤ 640 px).
 */
const engine = createFaceEngine();
const warm = await engine.warmUp();
if (!warm.ok) throw new Error(warm.error.messageEn);
const chip = await transformed(await portrait(portraits.a), 'scaled');
const frames = await Promise.all([portrait(portraits.a), portrait(portraits.a, { dx: 25 }), portrait(portraits.a, { dy: 25, grow: 30 })]);
const noFace = await portrait(portraits.noFace);

describe('face verification (WASM backend)', () => {
  bench('chip photo vs 1 frame (detect + landmarks + descriptor ×2)', async () => {
    await verifyFace(engine, { chipImage: chip, frames: frames.slice(0, 1) });
  }, { iterations: 5, warmupIterations: 1 });
  bench('chip photo vs 3 frames, with the liveness cue', async () => {
    await verifyFace(engine, { chipImage: chip, frames });
  }, { iterations: 5, warmupIterations: 1 });
  bench('image without a face (tiny detector, then SSD second look)', async () => {
    await verifyFace(engine, { chipImage: noFace, frames: frames.slice(0, 1) });
  }, { iterations: 5, warmupIterations: 1 });
});
