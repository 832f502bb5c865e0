import { writeFile } from 'node:fs/promises';
import sharp from 'sharp';

/**
 * A Y4M video for Chromium's fake camera (`--use-file-for-fake-video-capture`): the given photo framed at
 * 640×480, drifting a few pixels from frame to frame the way a person in front of a webcam does, so the
 * liveness cue sees movement. 4:2:0 planes computed from sharp's RGB output (BT.601, full range as C420jpeg).
 */
export async function writeFaceVideo(path: string, photo: Uint8Array, frames = 20): Promise<void> {
  const width = 640;
  const height = 480;
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`)];
  for (let f = 0; f < frames; f++) {
    const dx = Math.round(12 * Math.sin((f / frames) * Math.PI * 2));
    const dy = Math.round(8 * Math.cos((f / frames) * Math.PI * 2));
    const size = 400 + (f % 5) * 6;
    const face = await sharp(photo).resize({ height: size }).toBuffer();
    const meta = await sharp(face).metadata();
    const left = Math.max(0, Math.round((width - (meta.width ?? size)) / 2) + dx);
    const top = Math.max(0, Math.round((height - size) / 2) + dy);
    const rgb = await sharp({ create: { width, height, channels: 3, background: '#8a8f98' } })
      .composite([{ input: face, left, top }])
      .removeAlpha()
      .raw()
      .toBuffer();
    const y = Buffer.alloc(width * height);
    const u = Buffer.alloc((width / 2) * (height / 2));
    const v = Buffer.alloc((width / 2) * (height / 2));
    for (let j = 0; j < height; j++) {
      for (let i = 0; i < width; i++) {
        const p = (j * width + i) * 3;
        const [r, g, b] = [rgb[p] ?? 0, rgb[p + 1] ?? 0, rgb[p + 2] ?? 0];
        y[j * width + i] = Math.min(255, Math.max(0, Math.round(0.299 * r + 0.587 * g + 0.114 * b)));
        if (j % 2 === 0 && i % 2 === 0) {
          const k = (j / 2) * (width / 2) + i / 2;
          u[k] = Math.min(255, Math.max(0, Math.round(128 - 0.168736 * r - 0.331264 * g + 0.5 * b)));
          v[k] = Math.min(255, Math.max(0, Math.round(128 + 0.5 * r - 0.418688 * g - 0.081312 * b)));
        }
      }
    }
    parts.push(Buffer.from('FRAME\n'), y, u, v);
  }
  await writeFile(path, Buffer.concat(parts));
}
