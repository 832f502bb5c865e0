import { createLogger } from '../../src-shared/log';
import { err, ok, type Result } from '../../src-shared/result';
import { causeText, scannerErrors, type ScannerFailure } from './errors';
import { sha256, type JobStore, type ScanJobRecord } from './job';
import type { JobRequest } from './job/manifest';
import type { OcrEngine, OcrPage } from './ocr';
import { buildPdfA } from './pdf';
import { processPage, type ProcessedPage } from './pipeline';
import { qualityReport, type QualityReport } from './quality';
import type { RawPage, ScannerDevice, ScanSettings } from './scanner';

const log = createLogger('scanner.job');

export type ScanRequest = {
  /** The document's name as the record lists it, e.g. "Giấy khai sinh". Becomes the PDF title. */
  readonly document: string;
  readonly recordCode?: string;
  readonly settings: ScanSettings;
  readonly expectedPages?: number;
  /** See pipeline/blank.ts; 0 keeps blank pages. */
  readonly blankInkRatio?: number;
  readonly ocr?: boolean;
  readonly minDpi?: number;
};

export type ScanPhase = 'scanning' | 'processing' | 'ocr' | 'pdf' | 'done' | 'interrupted' | 'cancelled';
export type ScanProgress = {
  readonly jobId: string;
  readonly phase: ScanPhase;
  readonly pagesScanned: number;
  readonly pagesProcessed: number;
  readonly expectedPages?: number;
  /** 0–100 over all pages to recognise. */
  readonly ocrPercent?: number;
};

export type PageReport = {
  /** Position in the job (0-based, arrival order). */
  readonly index: number;
  readonly side: 'front' | 'back';
  readonly kept: boolean;
  readonly dropReason?: 'blank';
  readonly inkRatio: number;
  readonly skewMeasured: number;
  readonly skewResidual: number;
  readonly turnedUpright: boolean;
  readonly cropped: boolean;
  readonly content: 'text' | 'photo';
  readonly encoding?: string;
  readonly imageBytes?: number;
  readonly thumbnail: Uint8Array;
};

export type ScannedDocument = {
  readonly jobId: string;
  readonly pdfPath: string;
  readonly pdf: Uint8Array;
  readonly sha256: string;
  readonly pageCount: number;
  readonly pages: readonly PageReport[];
  readonly dropped: readonly PageReport[];
  readonly quality: QualityReport;
  readonly text: string;
};

/** A failure that leaves a job behind (a jam with pages kept) names it, so the officer can resume or cancel. */
export type ScanJobFailure = ScannerFailure & { readonly jobId?: string; readonly pagesKept?: number };

export type ScanServices = {
  readonly store: JobStore;
  readonly fontBytes: Uint8Array;
  readonly ocr?: OcrEngine;
  readonly onProgress?: (progress: ScanProgress) => void;
  readonly onPage?: (page: PageReport, jobId: string) => void;
  readonly signal?: AbortSignal;
};

const toRequest = (request: ScanRequest, device: ScannerDevice): JobRequest => ({
  document: request.document.normalize('NFC'),
  ...(request.recordCode === undefined ? {} : { recordCode: request.recordCode }),
  deviceId: device.info.id,
  deviceName: device.info.name,
  settings: { ...request.settings },
  ...(request.expectedPages === undefined ? {} : { expectedPages: request.expectedPages }),
  blankInkRatio: request.blankInkRatio ?? 0.001,
  ocr: request.ocr ?? true,
  minDpi: request.minDpi ?? 200,
});

function report(page: ProcessedPage, blankRemoval: boolean): PageReport {
  const dropped = blankRemoval && page.blank.blank;
  return {
    index: page.index,
    side: page.side,
    kept: !dropped,
    ...(dropped ? { dropReason: 'blank' as const } : {}),
    inkRatio: page.blank.inkRatio,
    skewMeasured: page.skew.measured,
    skewResidual: page.skew.residual,
    turnedUpright: page.orientation.upsideDown,
    cropped: page.cropped,
    content: page.content,
    ...(page.image ? { encoding: page.image.encoding, imageBytes: page.image.bytes.length } : {}),
    thumbnail: page.thumbnail,
  };
}

/** Scans a new document: a durable job first, then pages to disk as they arrive, then pipeline, OCR, PDF/A. */
export async function scanDocument(device: ScannerDevice, request: ScanRequest, services: ScanServices): Promise<Result<ScannedDocument, ScanJobFailure>> {
  const created = await services.store.create(toRequest(request, device));
  if (!created.ok) return created;
  return runJob(created.value, device, services);
}

/**
 * Continues a job a jam, a power cut or a crash interrupted. With a device, it scans more pages (the officer
 * re-fed the rest) and appends them; without, it builds the document from the pages already on disk.
 */
export async function resumeScan(jobId: string, device: ScannerDevice | undefined, services: ScanServices): Promise<Result<ScannedDocument, ScanJobFailure>> {
  const job = await services.store.get(jobId);
  if (!job.ok) return job;
  const state = job.value.manifest().state;
  if (state === 'done' || state === 'cancelled') return err(scannerErrors.jobGone());
  return runJob(job.value, device, services);
}

/** Cancels cleanly: the job's pages and any partial output are deleted; nothing half-made remains. */
export async function cancelScanJob(store: JobStore, jobId: string): Promise<Result<void, ScannerFailure>> {
  const job = await store.get(jobId);
  if (!job.ok) return job;
  await job.value.remove();
  return ok(undefined);
}

async function runJob(job: ScanJobRecord, device: ScannerDevice | undefined, services: ScanServices): Promise<Result<ScannedDocument, ScanJobFailure>> {
  const request = job.manifest().request;
  const blankRemoval = request.blankInkRatio > 0;
  const options = { colour: request.settings.colour, blankInkRatio: request.blankInkRatio, deskew: true, maxSkewDegrees: 10, forOcr: request.ocr && services.ocr !== undefined };
  const processed = new Map<number, ProcessedPage>();
  let processingFailure: ScannerFailure | undefined;
  let chain = Promise.resolve();
  const progress = (phase: ScanProgress['phase'], extra: Partial<ScanProgress> = {}) =>
    services.onProgress?.({ jobId: job.id, phase, pagesScanned: job.manifest().pages.length, pagesProcessed: processed.size, ...(request.expectedPages === undefined ? {} : { expectedPages: request.expectedPages }), ...extra });
  const enqueue = (raw: RawPage) => {
    // Processing overlaps the transfer of the next page; pages stay in order because the chain is sequential.
    chain = chain.then(async () => {
      const result = await processPage(raw, options);
      if (!result.ok) {
        processingFailure ??= result.error;
        return;
      }
      processed.set(raw.index, result.value);
      services.onPage?.(report(result.value, blankRemoval), job.id);
      progress('processing');
    });
  };
  const fail = async (failure: ScannerFailure, cancelled: boolean): Promise<Result<ScannedDocument, ScanJobFailure>> => {
    await chain;
    const pagesKept = job.manifest().pages.length;
    if (cancelled || pagesKept === 0) {
      await job.remove();
      progress('cancelled');
      return err(failure);
    }
    await job.setState('interrupted', failure);
    progress('interrupted');
    return err({ ...failure, jobId: job.id, pagesKept });
  };

  if (device) {
    const started = await job.setState('scanning');
    if (!started.ok) return started;
    progress('scanning');
    const transfer = await device.scan(request.settings, {
      ...(services.signal ? { signal: services.signal } : {}),
      onPage: async (page) => {
        const position = job.manifest().pages.length;
        const stored = await job.addPage(page);
        if (!stored.ok) throw new Error(stored.error.messageEn);
        progress('scanning');
        enqueue({ ...page, index: position });
      },
    });
    if (!transfer.ok) return fail(transfer.error, transfer.error.code === 'scanner.cancelled');
  }

  const processing = await job.setState('processing');
  if (!processing.ok) return processing;
  await chain;
  const { pages: onDisk, damaged } = await job.readPages();
  for (const raw of onDisk) if (!processed.has(raw.index)) enqueue(raw);
  await chain;
  if (processingFailure) return fail(processingFailure, false);
  if (services.signal?.aborted) return fail(scannerErrors.cancelled(), true);

  const all = onDisk.map((raw) => processed.get(raw.index)).filter((p): p is ProcessedPage => p !== undefined);
  const kept = all.filter((p) => !(blankRemoval && p.blank.blank));
  if (kept.length === 0) return fail(scannerErrors.noPages(), true);

  const ocrResults = new Map<number, OcrPage>();
  if (request.ocr && services.ocr) {
    const toRead = kept.filter((p) => p.ocrPng);
    for (const [i, page] of toRead.entries()) {
      if (services.signal?.aborted) return fail(scannerErrors.cancelled(), true);
      const recognised = await services.ocr.recognize(page.ocrPng ?? new Uint8Array(), (fraction) => progress('ocr', { ocrPercent: Math.round(((i + fraction) / toRead.length) * 100) }));
      // A page OCR cannot read still belongs in the document: searchable text is a help, the image is the record.
      if (recognised.ok) ocrResults.set(page.index, recognised.value);
      else log.warn('OCR failed on a page', { job: job.id, page: page.index, code: recognised.error.code });
    }
    progress('ocr', { ocrPercent: 100 });
  }

  progress('pdf');
  const manifest = job.manifest();
  let pdf: Uint8Array;
  try {
    pdf = await buildPdfA({
      pages: kept.map((p) => ({ image: p.image ?? failMissing(), dpi: p.dpi, ...(ocrResults.has(p.index) ? { ocr: ocrResults.get(p.index) } : {}) })),
      meta: { title: request.document, ...(request.recordCode === undefined ? {} : { recordCode: request.recordCode }), scannedAt: new Date(), device: request.deviceName, documentId: manifest.id },
      fontBytes: services.fontBytes,
    });
  } catch (cause: unknown) {
    return fail(scannerErrors.pdfFailed(causeText(cause)), false);
  }
  const written = await job.writePdf(pdf);
  if (!written.ok) return fail(written.error, false);
  await job.setState('done');
  progress('done');

  const reports = all.map((p) => report(p, blankRemoval));
  const quality = qualityReport({
    pages: all,
    kept,
    dpi: request.settings.dpi,
    minDpi: request.minDpi,
    ...(request.expectedPages === undefined ? {} : { expectedPages: request.expectedPages }),
    blankInkRatio: request.blankInkRatio,
    ocrConfidence: new Map([...ocrResults].map(([k, v]) => [k, v.confidence])),
    damagedPages: damaged,
  });
  return ok({
    jobId: job.id,
    pdfPath: written.value,
    pdf,
    sha256: sha256(pdf),
    pageCount: kept.length,
    pages: reports,
    dropped: reports.filter((r) => !r.kept),
    quality,
    text: kept.map((p) => ocrResults.get(p.index)?.text ?? '').join('\n\f'),
  });
}

function failMissing(): never {
  throw new Error('a kept page has no image');
}
