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
