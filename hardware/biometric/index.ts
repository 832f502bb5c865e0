/** Face verification for the counter: chip photo (DG2) against camera frames, with a basic liveness cue. */
export { biometricErrors, type BiometricErrorCode, type BiometricFailure } from './errors';
export { decodeRgb, sniffImageFormat, toJpeg, type ImageFormat, type RgbImage } from './image';
export { createFaceEngine, defaultModelPaths, type FaceAnalysis, type FaceEngine, type FaceEngineOptions, type FoundFace, type Point } from './face-engine';
export { DEFAULT_DISTANCE_THRESHOLD, descriptorDistance, similarityScore } from './compare';
export { assessLiveness, defaultLivenessOptions, landmarkMovement, type LivenessOptions, type LivenessReason, type LivenessResult } from './liveness';
export { MAX_FRAMES, verifyFace, type FaceDecision, type FaceVerification, type FaceVerifyInput } from './verify';
export { codestreamOf, decodeJpeg2000, encodeJpeg2000, wrapJp2 } from './jpeg2000';
