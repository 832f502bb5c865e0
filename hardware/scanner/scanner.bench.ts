import sharp from 'sharp';
import { afterAll, bench, describe } from 'vitest';
import { renderTestPage, startEsclSimulator } from '../simulators/escl-scanner';
import { createEsclDevice } from './escl';
import { createOcrEngine } from './ocr';
import { processPage } from './pipeline';
import { scanDocument } from './scan-document';
import { loadFont, tempStore } from './scan-fixtures.testing';
import type { ColourMode } from './scanner';

/** An A4 text page at 300 dpi as an eSCL device sends it in greyscale (PNG). */
const a4 = new Uint8Array(await sharp(renderTestPage('text', 300)).flatten({ background: '#fff' }).greyscale().png().toBuffer());
const skewed = new Uint8Array(await sharp(renderTestPage('skewed', 300)).flatten({ background: '#fff' }).greyscale().png().toBuffer());
const raw = (bytes: Uint8Array) => ({ index: 0, side: 'front' as const, format: 'image/png' as const, bytes, dpi: 300 });
const options = (colour: ColourMode, forOcr = false) => ({ colour, blankInkRatio: 0.001, deskew: true, maxSkewDegrees: 10, forOcr });

async function imageBytes(page: Uint8Array, colour: ColourMode): Promise<number> {
  const result = await processPage(raw(page), options(colour));
  if (!result.ok || !result.value.image) throw new Error('pipeline failed');
  return result.value.image.bytes.length;
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const sizes = `bitonal ${kb(await imageBytes(a4, 'bw'))} (skewed ${kb(await imageBytes(skewed, 'bw'))}), greyscale JPEG ${kb(await imageBytes(a4, 'grey'))} (skewed ${kb(await imageBytes(skewed, 'grey'))})`;

describe(`scan pipeline, one A4 text page at 300 dpi, no OCR — image in the PDF: ${sizes}`, () => {
  bench('straight page → bitonal', async () => {
    await processPage(raw(a4), options('bw'));
  }, { iterations: 5, time: 0, warmupIterations: 1 });
  bench('4° skewed page → deskew → bitonal', async () => {
    await processPage(raw(skewed), options('bw'));
  }, { iterations: 5, time: 0, warmupIterations: 1 });
  bench('straight page → greyscale JPEG', async () => {
    await processPage(raw(a4), options('grey'));
  }, { iterations: 5, time: 0, warmupIterations: 1 });
});

const ocr = createOcrEngine();
const ocrPage = await processPage(raw(a4), options('grey', true));
const ocrPng = ocrPage.ok ? (ocrPage.value.ocrPng ?? new Uint8Array()) : new Uint8Array();
await ocr.recognize(ocrPng);
afterAll(() => ocr.close());

describe('OCR (tesseract.js 7, vie best_int, worker thread), one A4 page at 300 dpi', () => {
  bench('recognise (model already loaded)', async () => {
    await ocr.recognize(ocrPng);
  }, { iterations: 2, time: 0, warmupIterations: 1 });
});

const simulator = await startEsclSimulator();
afterAll(async () => {
  await simulator.close();
});
const device = createEsclDevice(simulator.baseUrl, 'Simulator');
const fontBytes = await loadFont();
const fivePages = [{ front: 'text' }, { front: 'text' }, { front: 'blank' }, { front: 'skewed' }, { front: 'text' }] as const;

async function endToEnd(colour: ColourMode, withOcr: boolean): Promise<void> {
  const temp = await tempStore();
  simulator.loadFeeder([...fivePages]);
  const result = await scanDocument(device, { document: 'Giấy khai sinh', settings: { source: 'feeder', duplex: false, colour, dpi: 300 }, ocr: withOcr }, { store: temp.store, fontBytes, ...(withOcr ? { ocr } : {}) });
  await temp.dispose();
  if (!result.ok) throw new Error(result.error.messageEn);
}

describe('end to end on the eSCL simulator: 5-sheet feeder job at 300 dpi (1 blank dropped) → PDF/A; pages/min = 5 × 60 000 / mean', () => {
  bench('bitonal, no OCR', () => endToEnd('bw', false), { iterations: 2, time: 0, warmupIterations: 1 });
  bench('greyscale, no OCR', () => endToEnd('grey', false), { iterations: 2, time: 0, warmupIterations: 1 });
  bench('bitonal, with OCR', () => endToEnd('bw', true), { iterations: 1, time: 0, warmupIterations: 0 });
});
