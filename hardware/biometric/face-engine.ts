import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createLogger } from '../../src-shared/log';
import { err, ok, type Result } from '../../src-shared/result';
import { biometricErrors, type BiometricFailure } from './errors';
import type { RgbImage } from './image';

/**
 * Face detection, 68 landmarks and the 128-value descriptor with @vladmandic/face-api on TensorFlow.js's WASM
 * backend, everything from node_modules (weights in face-api's `model/`, the .wasm binaries in
 * tfjs-backend-wasm's `dist/`): no network, no native TensorFlow. It runs in the host process, one image at a
 * time; each image blocks the event loop for the length of its inference (≈ 0.1–0.3 s on the dev VM), which the
 * host accepts because a verification is a deliberate, rare action at the counter.
 *
 * Detection: the Tiny Face Detector first (≈ 5× faster than SSD MobileNet on WASM), SSD MobileNet v1 as a
 * second look when tiny finds nothing (small or odd-scale faces); only then is the image "no face".
 */
export type Point = { readonly x: number; readonly y: number };

export type FoundFace = {
  readonly score: number;
  readonly box: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
  /** The 68 landmarks of the iBUG layout, in pixels of the analysed image. */
  readonly landmarks: readonly Point[];
  readonly descriptor: Float32Array;
  readonly detector: 'tiny' | 'ssd';
};

export type FaceAnalysis = { readonly faces: readonly FoundFace[]; readonly width: number; readonly height: number; readonly ms: number };

export type FaceEngine = {
  /** Faces found, largest first. */
  analyse(image: RgbImage): Promise<Result<FaceAnalysis, BiometricFailure>>;
  /** Loads the backend and the weights now (the first call otherwise pays ≈ 1 s). */
  warmUp(): Promise<Result<{ readonly loadMs: number }, BiometricFailure>>;
};

export type FaceEngineOptions = { readonly modelDir?: string; readonly wasmDir?: string; readonly minScore?: number };

// The part of face-api's surface this module uses, typed here: its bundled .d.ts drags in DOM types.
type Tensor = { dispose(): void };
type Detection = { readonly score: number; readonly box: { readonly x: number; readonly y: number; readonly width: number; readonly height: number } };
type FullResult = { readonly detection: Detection; readonly landmarks: { readonly positions: readonly Point[] }; readonly descriptor: Float32Array };
type Task = { withFaceLandmarks(): { withFaceDescriptors(): Promise<FullResult[]> } };
type Net = { loadFromDisk(dir: string): Promise<void>; readonly isLoaded: boolean };
type FaceApi = {
  readonly tf: {
    setBackend(name: string): Promise<boolean>;
    ready(): Promise<void>;
    getBackend(): string;
    tensor3d(values: Uint8Array | Int32Array, shape: [number, number, number], dtype: 'int32'): Tensor;
    setWasmPaths?: (prefix: string, usePlatformFetch?: boolean) => void;
  };
  readonly nets: { readonly tinyFaceDetector: Net; readonly ssdMobilenetv1: Net; readonly faceLandmark68Net: Net; readonly faceRecognitionNet: Net };
  readonly TinyFaceDetectorOptions: new (options: { inputSize: number; scoreThreshold: number }) => object;
  readonly SsdMobilenetv1Options: new (options: { minConfidence: number; maxResults: number }) => object;
  detectAllFaces(input: Tensor, options: object): Task;
};
type WasmBackend = { setWasmPaths(prefix: string, usePlatformFetch?: boolean): void };

const log = createLogger('hardware.biometric.engine');
const require = createRequire(import.meta.url);

export function defaultModelPaths(): { modelDir: string; wasmDir: string } {
  return {
    modelDir: join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model'),
    wasmDir: join(dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist'),
  };
}

let loading: Promise<Result<{ api: FaceApi; loadMs: number }, BiometricFailure>> | undefined;

/** One face-api per process: TensorFlow's backend and the nets are process-wide state. */
function loadFaceApi(modelDir: string, wasmDir: string): Promise<Result<{ api: FaceApi; loadMs: number }, BiometricFailure>> {
  loading ??= (async () => {
    const started = performance.now();
    try {
      const wasm = require('@tensorflow/tfjs-backend-wasm') as WasmBackend;
      // A path (not a URL) and no platform fetch: Node's fetch cannot read files, Emscripten's loader can.
      wasm.setWasmPaths(wasmDir.endsWith('/') ? wasmDir : `${wasmDir}/`, false);
      const api = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as FaceApi;
      await api.tf.setBackend('wasm');
      await api.tf.ready();
      await Promise.all([
        api.nets.tinyFaceDetector.loadFromDisk(modelDir),
        api.nets.ssdMobilenetv1.loadFromDisk(modelDir),
        api.nets.faceLandmark68Net.loadFromDisk(modelDir),
        api.nets.faceRecognitionNet.loadFromDisk(modelDir),
      ]);
      const loadMs = performance.now() - started;
      log.info('face engine ready', { backend: api.tf.getBackend(), loadMs: Math.round(loadMs) });
      return ok({ api, loadMs });
    } catch (cause: unknown) {
      loading = undefined;
      const detail = cause instanceof Error ? cause.message : String(cause);
      log.error('face engine failed to load', { detail });
      return err(biometricErrors.engineUnavailable(detail));
    }
  })();
  return loading;
}

export function createFaceEngine(options: FaceEngineOptions = {}): FaceEngine {
  const paths = { ...defaultModelPaths(), ...options };
  const minScore = options.minScore ?? 0.5;
  // One inference at a time: the WASM backend is single-threaded and shared by the whole process.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };

  const detect = async (api: FaceApi, tensor: Tensor, detector: 'tiny' | 'ssd'): Promise<FoundFace[]> => {
    const detectorOptions =
      detector === 'tiny' ? new api.TinyFaceDetectorOptions({ inputSize: 416, scoreThreshold: minScore }) : new api.SsdMobilenetv1Options({ minConfidence: minScore, maxResults: 10 });
    const found = await api.detectAllFaces(tensor, detectorOptions).withFaceLandmarks().withFaceDescriptors();
    return found.map((face) => ({
      score: face.detection.score,
      box: { x: face.detection.box.x, y: face.detection.box.y, width: face.detection.box.width, height: face.detection.box.height },
      landmarks: face.landmarks.positions.map((p) => ({ x: p.x, y: p.y })),
      descriptor: face.descriptor,
      detector,
    }));
  };

  return {
    warmUp: async () => {
      const loaded = await loadFaceApi(paths.modelDir, paths.wasmDir);
      return loaded.ok ? ok({ loadMs: loaded.value.loadMs }) : loaded;
    },
    analyse: (image) =>
      serial(async () => {
        const loaded = await loadFaceApi(paths.modelDir, paths.wasmDir);
        if (!loaded.ok) return loaded;
        const { api } = loaded.value;
        const started = performance.now();
        const tensor = api.tf.tensor3d(image.data, [image.height, image.width, 3], 'int32');
        try {
          let faces = await detect(api, tensor, 'tiny');
          if (faces.length === 0) faces = await detect(api, tensor, 'ssd');
          faces.sort((a, b) => b.box.width * b.box.height - a.box.width * a.box.height);
          return ok({ faces, width: image.width, height: image.height, ms: performance.now() - started });
        } catch (cause: unknown) {
          return err(biometricErrors.engineUnavailable(cause instanceof Error ? cause.message : String(cause)));
        } finally {
          tensor.dispose();
        }
      }),
  };
}
