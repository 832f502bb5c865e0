import { readFile } from 'node:fs/promises';
import { createFaceEngine, verifyFace } from '../../../hardware/biometric';
import { err, failure, ok } from '../../../src-shared/result';
import { parseOptions } from '../options';
import type { CliCommand } from '../command';

/**
 * `motcua face verify --chip chip.jpg --frame f1.jpg --frame f2.jpg …`: the counter's face check on files, for a
 * technician judging a camera or the threshold. Prints numbers and the decision, never the images.
 */
export const faceVerifyCommand: CliCommand = {
  path: ['face', 'verify'],
  summary: 'So khớp ảnh chân dung trong chip với ảnh camera / Compare a chip photo with camera frames',
  usage: 'motcua face verify --chip ảnh-chip.jpg --frame khung1.jpg [--frame khung2.jpg …] [--threshold 0.5]',
  async run(argv) {
    const parsed = parseOptions(argv, { chip: { type: 'string' }, frame: { type: 'string', multiple: true }, threshold: { type: 'string' } });
    if (!parsed.ok) return parsed;
    const { chip, frame, threshold } = parsed.value;
    if (chip === undefined || frame === undefined || frame.length === 0)
      return err(failure('cli.usage', 'Cần --chip và ít nhất một --frame.', 'Give --chip and at least one --frame.'));
    const cut = threshold === undefined ? undefined : Number(threshold);
    if (cut !== undefined && !(cut > 0 && cut < 2)) return err(failure('cli.usage', '--threshold là khoảng cách 0–2 (mặc định 0.5).', '--threshold is a distance 0–2 (default 0.5).'));
    let chipImage: Uint8Array;
    const frames: Uint8Array[] = [];
    try {
      chipImage = new Uint8Array(await readFile(chip));
      for (const path of frame) frames.push(new Uint8Array(await readFile(path)));
    } catch (cause: unknown) {
      const detail = cause instanceof Error ? cause.message : String(cause);
      return err(failure('cli.file', `Không đọc được tệp ảnh: ${detail}`, `Cannot read an image file: ${detail}`));
    }
    const verified = await verifyFace(createFaceEngine(), { chipImage, frames, ...(cut === undefined ? {} : { threshold: cut }) });
    if (!verified.ok) return verified;
    const v = verified.value;
    const round = (n: number | undefined): string => (n === undefined ? '—' : n.toFixed(3));
    const text = [
      `Kết luận / decision: ${v.decision}${v.noFaceIn === undefined ? '' : ` (${v.noFaceIn})`}`,
      `Điểm / score: ${round(v.score)} (ngưỡng / threshold ${round(v.scoreThreshold)})   khoảng cách / distance: ${round(v.distance)} (≤ ${round(v.threshold)})`,
      `Khung hình / frames: ${v.frames.map((f, i) => `#${i + 1} ${f.face ? round(f.distance) : 'không mặt / no face'}`).join(', ')}`,
      `Kiểm tra sống (cơ bản) / liveness cue (basic): ${v.liveness.passed ? 'đạt / passed' : `không đạt / failed: ${v.liveness.reason ?? ''}`} — ${v.liveness.movingPairs}/${v.liveness.required.movingPairs} cặp chuyển động / moving pairs`,
      `Thời gian / time: ${Math.round(v.timings.totalMs)} ms`,
    ].join('\n');
    return ok({ json: v, text });
  },
};
