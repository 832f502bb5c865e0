import { ok, type Failure, type Result } from '../../../src-shared/result';

/**
 * Opens the camera into the given <video>, takes a few frames a third of a second apart (the liveness cue needs a
 * little movement), and closes it again: the camera is on only while the face is being checked.
 */
export async function captureFaceFrames(video: HTMLVideoElement, count = 4, gapMs = 350): Promise<Result<string[], Failure>> {
  let stream: MediaStream | undefined;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 } });
    video.srcObject = stream;
    await video.play();
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth || 640;
    canvas.height = video.videoHeight || 480;
    const context = canvas.getContext('2d');
    const frames: string[] = [];
    for (let i = 0; i < count; i++) {
      if (i > 0) await new Promise((resolve) => window.setTimeout(resolve, gapMs));
      context?.drawImage(video, 0, 0, canvas.width, canvas.height);
      frames.push(canvas.toDataURL('image/jpeg', 0.85));
    }
    return ok(frames);
  } catch (cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, error: { code: 'camera.unavailable', message: `Không mở được máy ảnh: ${detail}`, messageEn: `The camera could not be opened: ${detail}` } };
  } finally {
    stream?.getTracks().forEach((track) => track.stop());
    video.srcObject = null;
  }
}

/**
 * Looks for the QR printed on the front of the ID card through the camera, a few times a second, for up to
 * `timeoutMs`. Answers the QR's text; the camera closes as soon as it is found or the time is up.
 */
export async function scanCardQr(video: HTMLVideoElement, decode: (rgba: Uint8ClampedArray, width: number, height: number) => string | undefined, timeoutMs = 20_000): Promise<Result<string, Failure>> {
  let stream: MediaStream | undefined;
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 } });
    video.srcObject = stream;
    await video.play();
    const canvas = document.createElement('canvas');
    canvas.width = video.videoWidth || 640;
    canvas.height = video.videoHeight || 480;
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      context?.drawImage(video, 0, 0, canvas.width, canvas.height);
      const pixels = context?.getImageData(0, 0, canvas.width, canvas.height);
      const text = pixels ? decode(pixels.data, pixels.width, pixels.height) : undefined;
      if (text !== undefined) return ok(text);
      await new Promise((resolve) => window.setTimeout(resolve, 250));
    }
    return { ok: false, error: { code: 'camera.no-qr', message: 'Chưa đọc được mã QR trên thẻ. Xin giữ thẻ trước máy ảnh hoặc nhập 6 số.', messageEn: 'The card’s QR code was not read. Hold the card before the camera or type the 6 digits.' } };
  } catch (cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return { ok: false, error: { code: 'camera.unavailable', message: `Không mở được máy ảnh: ${detail}`, messageEn: `The camera could not be opened: ${detail}` } };
  } finally {
    stream?.getTracks().forEach((track) => track.stop());
    video.srcObject = null;
  }
}
