import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import { createLogger } from '../../../src-shared/log';
import { err, ok, type Result } from '../../../src-shared/result';
import { causeText, scannerErrors, type ScannerFailure } from '../errors';

const log = createLogger('scanner.ocr');
const require = createRequire(import.meta.url);

export type OcrWord = { readonly text: string; readonly confidence: number; readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number };
export type OcrLine = { readonly words: readonly OcrWord[]; readonly baseline: number };
export type OcrPage = { readonly text: string; readonly confidence: number; readonly lines: readonly OcrLine[] };

export type OcrEngine = {
  recognize(png: Uint8Array, onProgress?: (fraction: number) => void): Promise<Result<OcrPage, ScannerFailure>>;
  close(): Promise<void>;
};

/**
 * Where tesseract.js finds everything, all inside node_modules: no CDN, no cache folder (a kiosk is offline and
 * its disk is not for stray files). tesseract.js 7 loads `${langPath}/vie.traineddata.gz`; the LSTM-only engine
 * wants the "best_int" model layout (4.0.0_best_int), the integer LSTM model the package ships for it.
 */
export function localTesseractPaths(): { langPath: string; corePath: string; workerPath: string } {
  const vie = dirname(require.resolve('@tesseract.js-data/vie/package.json'));
  const tesseract = dirname(require.resolve('tesseract.js/package.json'));
  const core = dirname(require.resolve('tesseract.js-core/package.json'));
  return { langPath: join(vie, '4.0.0_best_int'), corePath: core, workerPath: join(tesseract, 'src', 'worker-script', 'node', 'index.js') };
}

/**
 * Vietnamese OCR in a worker thread (tesseract.js runs its WASM engine off the main thread), one page at a time.
 * The worker is started on first use and kept: loading the model costs about a second.
 */
export function createOcrEngine(): OcrEngine {
  let worker: Promise<Worker> | undefined;
  let progress: ((fraction: number) => void) | undefined;
  const start = () =>
    createWorker('vie', OEM.LSTM_ONLY, {
      ...localTesseractPaths(),
      cacheMethod: 'none',
      gzip: true,
      logger: (m) => {
        if (m.status === 'recognizing text') progress?.(m.progress);
      },
      errorHandler: (e: unknown) => log.warn('OCR worker reported an error', { cause: causeText(e) }),
    }).then(async (w) => {
      // Single-column administrative papers: automatic page segmentation; DPI from the scan, not guessed.
      await w.setParameters({ tessedit_pageseg_mode: PSM.AUTO, preserve_interword_spaces: '1' });
      return w;
    });

  return {
    async recognize(png, onProgress) {
      try {
        worker ??= start();
        const w = await worker;
        progress = onProgress;
        const { data } = await w.recognize(Buffer.from(png), {}, { text: true, blocks: true });
        progress = undefined;
        const lines: OcrLine[] = [];
        for (const block of data.blocks ?? []) {
          for (const paragraph of block.paragraphs) {
            for (const line of paragraph.lines) {
              const words = line.words
                .filter((w) => w.text.trim().length > 0)
                .map((w) => ({ text: w.text.normalize('NFC'), confidence: w.confidence, ...w.bbox }));
              if (words.length > 0) lines.push({ words, baseline: line.baseline.y0 > 0 ? Math.max(line.baseline.y0, line.baseline.y1) : line.bbox.y1 });
            }
          }
        }
        return ok({ text: data.text.normalize('NFC'), confidence: data.confidence, lines });
      } catch (cause: unknown) {
        worker = undefined;
        return err(scannerErrors.ocrFailed(causeText(cause)));
      }
    },
    async close() {
      const w = worker;
      worker = undefined;
      if (w) await (await w).terminate();
    },
  };
}
