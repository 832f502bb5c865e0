import { fileURLToPath } from 'node:url';
import { createCanvas, GlobalFonts, type SKRSContext2D } from '@napi-rs/canvas';

/**
 * Honest test paper for the simulated scanner: real Vietnamese text set in the bundled Noto Sans (so OCR has
 * something true to read), a blank sheet with the specks a real feeder picks up, a sheet fed 4° askew, a sheet fed
 * upside down and a photo print on the feeder's black backing. Drawn at whatever resolution the job asks for.
 */
export type TestPageKind = 'text' | 'blank' | 'skewed' | 'upside-down' | 'photo';

export const TEST_FONT_FAMILY = 'MotCua Scan Noto Sans';
// From the sources the font sits in the repository's assets; a bundled host (dist/…) says where with useTestPageFonts.
let fontsDir = fileURLToPath(new URL('../../../assets/fonts/', import.meta.url));
let fontReady = false;

/** Where Noto Sans is when the simulator runs bundled (the host passes its assets folder). */
export function useTestPageFonts(dir: string): void {
  fontsDir = dir.endsWith('/') ? dir : `${dir}/`;
  fontReady = false;
}

function ensureFont(): void {
  if (fontReady) return;
  if (GlobalFonts.registerFromPath(`${fontsDir}NotoSans-Regular.ttf`, TEST_FONT_FAMILY) === null) throw new Error('Noto Sans missing from assets/fonts');
  GlobalFonts.registerFromPath(`${fontsDir}NotoSans-Bold.ttf`, TEST_FONT_FAMILY);
  fontReady = true;
}

/** The words the tests look for in the PDF's text layer. */
export const testPageLines = [
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'Độc lập - Tự do - Hạnh phúc',
  'GIẤY KHAI SINH',
  'Họ và tên: NGUYỄN THỊ HƯƠNG',
  'Ngày sinh: 12 tháng 3 năm 2024',
  'Nơi sinh: Bệnh viện Đa khoa tỉnh',
  'Quốc tịch: Việt Nam',
  'Giấy khai sinh được cấp theo yêu cầu',
] as const;

const A4_MM = { width: 210, height: 297 } as const;
export const a4Pixels = (dpi: number) => ({ width: Math.round((A4_MM.width / 25.4) * dpi), height: Math.round((A4_MM.height / 25.4) * dpi) });

function drawText(ctx: SKRSContext2D, width: number, dpi: number, pageNumber: number): void {
  const pt = dpi / 72;
  ctx.fillStyle = '#111';
  ctx.textAlign = 'center';
  let y = 90 * pt;
  testPageLines.forEach((line, i) => {
    const bold = i === 0 || i === 2;
    ctx.font = `${bold ? 'bold ' : ''}${(i === 2 ? 20 : 13) * pt}px "${TEST_FONT_FAMILY}"`;
    ctx.fillText(line, width / 2, y);
    y += (i === 1 || i === 2 ? 40 : 26) * pt;
  });
  ctx.textAlign = 'left';
  ctx.font = `${11 * pt}px "${TEST_FONT_FAMILY}"`;
  const body = 'Cán bộ tiếp nhận hồ sơ kiểm tra giấy tờ và ghi vào sổ theo dõi hồ sơ của Trung tâm.';
  for (let row = 0; row < 6; row++) ctx.fillText(body, 60 * pt, y + row * 18 * pt);
  ctx.fillText(`Trang ${pageNumber}`, width / 2 - 20 * pt, y + 160 * pt);
}

function paper(kind: Exclude<TestPageKind, 'photo' | 'blank'>, dpi: number, pageNumber: number) {
  const { width, height } = a4Pixels(dpi);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.save();
  if (kind !== 'text') {
    ctx.translate(width / 2, height / 2);
    ctx.rotate(kind === 'skewed' ? (4 * Math.PI) / 180 : Math.PI);
    ctx.translate(-width / 2, -height / 2);
  }
  drawText(ctx, width, dpi, pageNumber);
  ctx.restore();
  return canvas;
}

function blank(dpi: number) {
  const { width, height } = a4Pixels(dpi);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fbfbfb';
  ctx.fillRect(0, 0, width, height);
  // Dust and a faint fold mark: a blank sheet from a real feeder is never perfectly white.
  ctx.fillStyle = '#777';
  for (let i = 0; i < 25; i++) ctx.fillRect(((i * 7919) % 97) / 97 * width, ((i * 104729) % 89) / 89 * height, dpi / 150, dpi / 150);
  ctx.fillStyle = '#eee';
  ctx.fillRect(0, height / 2, width, Math.max(1, dpi / 100));
  return canvas;
}

/** A 10×15 cm photo print, fed on the black backing of the feeder: the pipeline must crop to the print. */
function photo(dpi: number) {
  const { width, height } = a4Pixels(dpi);
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#050505';
  ctx.fillRect(0, 0, width, height);
  const pw = Math.round((100 / 25.4) * dpi);
  const ph = Math.round((150 / 25.4) * dpi);
  const x0 = Math.round((width - pw) / 2);
  const y0 = Math.round(dpi * 0.6);
  const sky = ctx.createLinearGradient(0, y0, 0, y0 + ph);
  sky.addColorStop(0, '#3b7dd8');
  sky.addColorStop(0.55, '#bfe0ff');
  sky.addColorStop(0.56, '#3f8f3a');
  sky.addColorStop(1, '#1d4d1a');
  ctx.fillStyle = sky;
  ctx.fillRect(x0, y0, pw, ph);
  const sun = ctx.createRadialGradient(x0 + pw * 0.7, y0 + ph * 0.2, 1, x0 + pw * 0.7, y0 + ph * 0.2, pw * 0.15);
  sun.addColorStop(0, '#fff6b0');
  sun.addColorStop(1, 'rgba(255,200,60,0)');
  ctx.fillStyle = sun;
  ctx.fillRect(x0, y0, pw, ph);
  ctx.fillStyle = '#7a4b2a';
  ctx.beginPath();
  ctx.moveTo(x0 + pw * 0.1, y0 + ph * 0.56);
  ctx.lineTo(x0 + pw * 0.35, y0 + ph * 0.3);
  ctx.lineTo(x0 + pw * 0.6, y0 + ph * 0.56);
  ctx.fill();
  return canvas;
}

/** A page as PNG (lossless, so what the tests measure is what the page was). */
export function renderTestPage(kind: TestPageKind, dpi: number, pageNumber = 1): Buffer {
  ensureFont();
  const canvas = kind === 'blank' ? blank(dpi) : kind === 'photo' ? photo(dpi) : paper(kind, dpi, pageNumber);
  return canvas.toBuffer('image/png');
}
