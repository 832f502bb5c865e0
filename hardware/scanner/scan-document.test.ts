import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream, decodePDFRawStream } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEsclSimulator, type EsclSimulator } from '../simulators/escl-scanner';
import { createEsclDevice } from './escl';
import { createOcrEngine, type OcrEngine } from './ocr';
import { cancelScanJob, resumeScan, scanDocument, type ScanProgress } from './scan-document';
import { loadFont, pdfText, renderFirstPage, tempStore } from './scan-fixtures.testing';
import type { ScannerDevice } from './scanner';

let simulator: EsclSimulator;
let device: ScannerDevice;
let fontBytes: Uint8Array;
let ocr: OcrEngine;
beforeAll(async () => {
  simulator = await startEsclSimulator();
  device = createEsclDevice(simulator.baseUrl, 'Simulator', { busyRetryDelayMs: 10 });
  fontBytes = await loadFont();
  ocr = createOcrEngine();
});
afterAll(async () => {
  await ocr.close();
  await simulator.close();
});

const feeder = { source: 'feeder', duplex: false, colour: 'bw', dpi: 150 } as const;

describe('scanDocument against the eSCL simulator', () => {
  it('scans a 5-page feeder job, drops the blank page and says so, and writes a PDF/A of 4 pages', async () => {
    const { store, dispose } = await tempStore();
    simulator.loadFeeder([{ front: 'text' }, { front: 'text' }, { front: 'blank' }, { front: 'skewed' }, { front: 'text' }]);
    const progress: ScanProgress[] = [];
    const result = await scanDocument(device, { document: 'Giấy khai sinh', recordCode: 'H99-260212-1001', settings: feeder, expectedPages: 4, ocr: false }, { store, fontBytes, onProgress: (p) => progress.push(p) });
    expect(result.ok, JSON.stringify(!result.ok && result.error)).toBe(true);
    if (!result.ok) return;
    const doc = result.value;
    expect(doc.pageCount).toBe(4);
    expect(doc.dropped.map((d) => [d.index, d.dropReason])).toEqual([[2, 'blank']]);
    expect(doc.pages).toHaveLength(5);
    expect(doc.pages[3]?.skewMeasured).toBeCloseTo(4, 0);
    expect(Math.abs(doc.pages[3]?.skewResidual ?? 99)).toBeLessThan(0.5);
    expect(doc.quality.issues.map((i) => i.code)).toEqual(['low-resolution']);
    expect(progress.at(-1)?.phase).toBe('done');
    expect(progress.some((p) => p.phase === 'scanning' && p.pagesScanned === 5)).toBe(true);
    const pdf = await PDFDocument.load(await readFile(doc.pdfPath));
    expect(pdf.getPageCount()).toBe(4);
    // Raw pages on disk with their hashes, the PDF beside them, no temporary file left.
    const files = await readdir(join(doc.pdfPath, '..'));
    expect(files.filter((f) => f.startsWith('page-'))).toHaveLength(5);
    expect(files.some((f) => f.endsWith('.tmp'))).toBe(false);
    const manifest = JSON.parse(await readFile(join(doc.pdfPath, '..', 'job.json'), 'utf8'));
    expect(manifest.state).toBe('done');
    expect(manifest.pages[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    await dispose();
  });

  it('writes PDF/A-2b metadata, an sRGB OutputIntent, a trailer ID and a Vietnamese text layer from OCR', async () => {
    const { store, dispose } = await tempStore();
    simulator.loadFeeder([{ front: 'text' }]);
    let ocrPercent = 0;
    const result = await scanDocument(device, { document: 'Giấy khai sinh', recordCode: 'H99-260212-1001', settings: { ...feeder, dpi: 200, colour: 'grey' } }, { store, fontBytes, ocr, onProgress: (p) => (ocrPercent = Math.max(ocrPercent, p.ocrPercent ?? 0)) });
    expect(result.ok, JSON.stringify(!result.ok && result.error)).toBe(true);
    if (!result.ok) return;
    expect(ocrPercent).toBe(100);
    const pdf = await PDFDocument.load(result.value.pdf, { updateMetadata: false });
    const metadata = pdf.catalog.lookup(PDFName.of('Metadata'), PDFStream);
    const xmp = new TextDecoder().decode(metadata instanceof PDFRawStream ? metadata.contents : new Uint8Array());
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(xmp).toContain('<motcua:RecordCode>H99-260212-1001</motcua:RecordCode>');
    expect(xmp).toContain('<motcua:PageCount>1</motcua:PageCount>');
    expect(xmp).toContain('Giấy khai sinh');
    expect(pdf.getTitle()).toBe('Giấy khai sinh');
    const intent = pdf.catalog.lookup(PDFName.of('OutputIntents'), PDFArray).lookup(0, PDFDict);
    expect(intent.get(PDFName.of('S'))?.toString()).toBe('/GTS_PDFA1');
    const profile = intent.lookup(PDFName.of('DestOutputProfile'));
    if (!(profile instanceof PDFRawStream)) throw new Error('OutputIntent without DestOutputProfile');
    expect(profile.dict.get(PDFName.of('N'))?.toString()).toBe('3');
    const icc = decodePDFRawStream(profile).decode();
    expect(new TextDecoder().decode(icc.subarray(36, 40))).toBe('acsp');
    expect(new TextDecoder().decode(icc.subarray(16, 20))).toBe('RGB ');
    expect(pdf.context.trailerInfo.ID).toBeDefined();
    // The page image decodes as declared (one-component JPEG for DeviceGray) and shows ink.
    const rendered = await renderFirstPage(result.value.pdf);
    expect(rendered.stderr).toBe('');
    expect((await sharp(rendered.png).stats()).channels[0]?.min).toBeLessThan(100);
    const text = await pdfText(result.value.pdf);
    for (const words of ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'GIẤY KHAI SINH', 'Họ và tên', 'Quốc tịch']) expect(text).toContain(words.normalize('NFC'));
    await dispose();
  }, 60_000);

  it('scans duplex: fronts and backs in order, the blank backs dropped', async () => {
    const { store, dispose } = await tempStore();
    simulator.loadFeeder([{ front: 'text', back: 'text' }, { front: 'text' }]);
    const result = await scanDocument(device, { document: 'Tờ khai', settings: { ...feeder, duplex: true }, ocr: false }, { store, fontBytes });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.pages.map((p) => `${p.side}:${p.kept}`)).toEqual(['front:true', 'back:true', 'front:true', 'back:false']);
    expect(result.value.pageCount).toBe(3);
    await dispose();
  });

  it('keeps the pages of a job the feeder jammed, then resumes it after the jam is cleared', async () => {
    const { store, dispose } = await tempStore();
    simulator.loadFeeder([{ front: 'text' }, { front: 'text' }, { front: 'text' }, { front: 'text' }]);
    simulator.setScript({ jamAfterSheets: 2 });
    const first = await scanDocument(device, { document: 'Hồ sơ', settings: feeder, ocr: false }, { store, fontBytes });
    expect(first.ok).toBe(false);
    if (first.ok) return;
    expect(first.error.code).toBe('scanner.jam');
    expect(first.error.pagesKept).toBe(2);
    const jobId = first.error.jobId ?? '';
    expect((await store.unfinished()).map((j) => [j.id, j.state])).toEqual([[jobId, 'interrupted']]);
    simulator.clearJam();
    const resumed = await resumeScan(jobId, device, { store, fontBytes });
    expect(resumed.ok).toBe(true);
    if (!resumed.ok) return;
    expect(resumed.value.pageCount).toBe(4);
    expect(await store.unfinished()).toEqual([]);
    await dispose();
  });

  it('rebuilds the document from the pages on disk after a crash, without the scanner', async () => {
    const { store, dispose } = await tempStore();
    simulator.loadFeeder([{ front: 'text' }, { front: 'skewed' }]);
    simulator.setScript({ jamAfterSheets: 1 });
    const first = await scanDocument(device, { document: 'Hồ sơ', settings: feeder, ocr: false }, { store, fontBytes });
    simulator.clearJam();
    const jobId = !first.ok ? (first.error.jobId ?? '') : '';
    const rebuilt = await resumeScan(jobId, undefined, { store, fontBytes });
    expect(rebuilt.ok && rebuilt.value.pageCount).toBe(1);
    await dispose();
  });

  it('cancels mid-job: the device job is deleted and nothing is left on disk', async () => {
    const { store, root, dispose } = await tempStore();
    simulator.loadFeeder([{ front: 'text' }, { front: 'text' }, { front: 'text' }]);
    simulator.setScript({ pageDelayMs: 150 });
    const controller = new AbortController();
    const result = await scanDocument(device, { document: 'Hồ sơ', settings: feeder, ocr: false }, {
      store,
      fontBytes,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.pagesScanned === 1) controller.abort();
      },
    });
    simulator.setScript({ pageDelayMs: 0 });
    expect(!result.ok && result.error.code).toBe('scanner.cancelled');
    expect(simulator.requests.some((r) => r.startsWith('DELETE /eSCL/ScanJobs/'))).toBe(true);
    expect(await readdir(root)).toEqual([]);
    await dispose();
  });

  it('refuses to make a PDF of blank paper (papers fed face down) and says so', async () => {
    const { store, root, dispose } = await tempStore();
    simulator.loadFeeder([{ front: 'blank' }, { front: 'blank' }]);
    const result = await scanDocument(device, { document: 'Hồ sơ', settings: feeder, ocr: false }, { store, fontBytes });
    expect(!result.ok && result.error.code).toBe('scanner.no-pages');
    expect(!result.ok && result.error.message).toContain('đặt đúng mặt');
    expect(await readdir(root)).toEqual([]);
    await dispose();
  });

  it('discards an interrupted job on request', async () => {
    const { store, root, dispose } = await tempStore();
    simulator.loadFeeder([{ front: 'text' }, { front: 'text' }]);
    simulator.setScript({ jamAfterSheets: 1 });
    const first = await scanDocument(device, { document: 'Hồ sơ', settings: feeder, ocr: false }, { store, fontBytes });
    simulator.clearJam();
    const jobId = !first.ok ? (first.error.jobId ?? '') : '';
    expect((await cancelScanJob(store, jobId)).ok).toBe(true);
    expect(await readdir(root)).toEqual([]);
    await dispose();
  });
});
