import { err, ok, type Failure, type Result } from '../../../src-shared/result';

/**
 * The camera, on only while it is needed: opened into a <video>, used, and closed again whatever happens, so no
 * frame of a citizen is taken outside the step that asked for it.
 */
async function withCamera<T>(video: HTMLVideoElement, use: (grab: () => ImageData | undefined, canvas: HTMLCanvasElement) => Promise<Result<T, Failure>>): Promise<Result<T, Failure>> {
  let stream: MediaStream | undefined;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 } });
    video.srcObject = stream;
    await video.play();
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth || 640;
    canvas.height = video.videoHeight || 480;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const grab = () => {
      context?.drawImage(video, 0, 0, canvas.width, canvas.height);
      return context?.getImageData(0, 0, canvas.width, canvas.height);
    };
    return await use(grab, canvas);
  } catch (cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return err({ code: 'camera.unavailable', message: `Không mở được máy ảnh: ${detail}`, messageEn: `The camera could not be opened: ${detail}` });
  } finally {
    stream?.getTracks().forEach((track) => track.stop());
    video.srcObject = null;
  }
}

const pause = (ms: number) => new Promise((resolve) => window.setTimeout(resolve, ms));

/** A few frames a third of a second apart, as JPEG data URLs: the liveness cue needs a little movement between them. */
export function captureFaceFrames(video: HTMLVideoElement, count = 4, gapMs = 350): Promise<Result<string[], Failure>> {
  return withCamera(video, async (grab, canvas) => {
    const frames: string[] = [];
    for (let i = 0; i < count; i++) {
      if (i > 0) await pause(gapMs);
      grab();
      frames.push(canvas.toDataURL('image/jpeg', 0.85));
    }
    return ok(frames);
  });
}

/** Looks for a QR code before the camera a few times a second, for up to `timeoutMs`; answers its text, or `notFound`. */
export function scanQr(video: HTMLVideoElement, decode: (rgba: Uint8ClampedArray, width: number, height: number) => string | undefined, notFound: Failure, timeoutMs = 20_000): Promise<Result<string, Failure>> {
  return withCamera(video, async (grab) => {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const pixels = grab();
      const text = pixels ? decode(pixels.data, pixels.width, pixels.height) : undefined;
      if (text !== undefined) return ok(text);
      await pause(250);
    }
    return err(notFound);
  });
}

/** Looks for the QR on the front of the ID card a few times a second, for up to `timeoutMs`; answers its text. */
export function scanCardQr(video: HTMLVideoElement, decode: (rgba: Uint8ClampedArray, width: number, height: number) => string | undefined, timeoutMs = 20_000): Promise<Result<string, Failure>> {
  return scanQr(video, decode, { code: 'camera.no-qr', message: 'Chưa đọc được mã QR trên thẻ. Xin giữ thẻ trước máy ảnh hoặc nhập 6 số.', messageEn: 'The card’s QR code was not read. Hold the card before the camera or type the 6 digits.' }, timeoutMs);
}
