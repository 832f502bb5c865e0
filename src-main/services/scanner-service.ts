import { open as openFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  cancelScanJob,
  createEsclDevice,
  createOcrEngine,
  createSaneBackend,
  isEsclUrl,
  openJobStore,
  resumeScan,
  scanDocument,
  scannerErrors,
  type OcrEngine,
  type PageReport,
  type ScannedDocument,
  type ScanProgress,
  type ScannerDevice,
} from '../../hardware/scanner';
import { startEsclSimulator, type EsclSimulator } from '../../hardware/simulators/escl-scanner';
import type { z } from 'zod';
import type { MethodParsedInput } from '../../src-shared/api/contract';
import { inlinePdfMaxBytes, type pdfChunkSchema, type scannedDocumentSchema, type scannerCapabilitiesSchema, type scannerListSchema } from '../../src-shared/api/scanner';
import { createLogger } from '../../src-shared/log';
import { err, ok, type Failure, type Result } from '../../src-shared/result';
import { assetsDir } from './assets-dir';
import type { DeviceRegistry } from './device-registry';
import type { EventBus } from './event-bus';

const log = createLogger('services.scanner');

type ScannerList = z.output<typeof scannerListSchema>;
type Capabilities = z.output<typeof scannerCapabilitiesSchema>;
type ScannedDocumentDto = z.output<typeof scannedDocumentSchema>;
type PdfChunk = z.output<typeof pdfChunkSchema>;
/** The input after the contract's validation: defaults (feeder, grey, 300 dpi, OCR on) already applied. */
type ParsedScanInput = MethodParsedInput<'scanner.scan'>;

export type ScannerService = {
  list(): Promise<Result<ScannerList>>;
  capabilities(scannerId?: string): Promise<Result<Capabilities>>;
  scan(input: ParsedScanInput): Promise<Result<ScannedDocumentDto>>;
  cancel(jobId: string): Promise<Result<{ cancelled: boolean }>>;
  pdfChunk(jobId: string, offset: number, length: number): Promise<Result<PdfChunk>>;
  /** The simulated scanner, when the host runs one (demo and tests). */
  readonly simulator: EsclSimulator | undefined;
  close(): Promise<void>;
};

export type ScannerServiceOptions = {
  readonly dataDir: string;
  /** `http://host:port/eSCL` (eSCL/AirScan) or `sane:<device>` (scanimage); absent = the eSCL simulator. */
  readonly scannerUrl?: string;
  /** Noto Sans for the PDF's invisible OCR text; default assets/fonts. */
  readonly fontsDir?: string;
};

/** The demo feeder, refilled after each job so a fresh install always has paper to scan. */
const demoFeeder = [{ front: 'text' }, { front: 'text' }, { front: 'blank' }, { front: 'skewed' }, { front: 'text' }] as const;

function openDevice(address: string): Result<ScannerDevice, Failure> {
  if (address.startsWith('sane:')) return createSaneBackend().open(address.slice('sane:'.length));
  if (isEsclUrl(address)) return ok(createEsclDevice(address, `eSCL ${new URL(address).host}`));
  return err(scannerErrors.badAddress(address));
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

function toDto(doc: ScannedDocument, document: string): ScannedDocumentDto {
  const pages = doc.pages.map(({ thumbnail, ...page }) => ({ ...page, thumbnailJpegBase64: base64(thumbnail) }));
  return {
    jobId: doc.jobId,
    document,
    pageCount: doc.pageCount,
    pdf: { bytes: doc.pdf.length, sha256: doc.sha256, ...(doc.pdf.length <= inlinePdfMaxBytes ? { base64: base64(doc.pdf) } : {}) },
    pages,
    dropped: doc.dropped.map((d) => ({ index: d.index, side: d.side, reason: 'blank' as const })),
    quality: { passed: doc.quality.passed, issues: [...doc.quality.issues] },
  };
}

/**
 * The counter's document scanner: one device (MOTCUA_SCANNER, or an in-process eSCL simulator so a fresh install
 * scans with no setup), durable jobs under dataDir/scanner/jobs, OCR started on first use. One scan at a time:
 * a scanner has one feeder.
 */
export async function openScannerService(options: ScannerServiceOptions, events: EventBus, devices: DeviceRegistry): Promise<Result<ScannerService, Failure>> {
  let simulator: EsclSimulator | undefined;
  let address = options.scannerUrl;
  if (address === undefined) {
    simulator = await startEsclSimulator({ script: { feeder: [...demoFeeder] }, ...(options.fontsDir === undefined ? {} : { fontsDir: options.fontsDir }) });
    address = simulator.baseUrl;
  }
  const opened = openDevice(address);
  if (!opened.ok) {
    await simulator?.close();
    return opened;
  }
  const device = opened.value;
  const scannerId = device.info.id;
  const name = simulator ? 'Máy quét mô phỏng / Simulated scanner' : device.info.name;
  const store = openJobStore(join(options.dataDir, 'scanner', 'jobs'));
  let ocr: OcrEngine | undefined;
  let fontBytes: Uint8Array | undefined;
  const running = new Map<string, AbortController>();
  let busy = false;

  const register = (status: 'ready' | 'busy' | 'offline') => devices.upsert({ id: `document-scanner:${scannerId}`, kind: 'document-scanner', name, simulated: simulator !== undefined, status });
  register('ready');
  const known = (id: string | undefined) => id === undefined || id === scannerId;

  async function scan(input: ParsedScanInput): Promise<Result<ScannedDocumentDto>> {
    if (!known(input.scannerId)) return err(scannerErrors.notFound(input.scannerId ?? ''));
    if (busy) return err(scannerErrors.busy());
    busy = true;
    register('busy');
    const controller = new AbortController();
    try {
      fontBytes ??= new Uint8Array(await readFile(join(options.fontsDir ?? join(assetsDir(), 'fonts'), 'NotoSans-Regular.ttf')));
      if (input.ocr) ocr ??= createOcrEngine();
      if (simulator && simulator.feederSheets === 0 && input.resumeJobId === undefined) simulator.loadFeeder([...demoFeeder]);
      const services = {
        store,
        fontBytes,
        ...(input.ocr && ocr ? { ocr } : {}),
        signal: controller.signal,
        onProgress: (progress: ScanProgress) => {
          running.set(progress.jobId, controller);
          events.emit('scanner.progress', progress);
        },
        onPage: (page: PageReport, jobId: string) => {
          const { thumbnail, ...rest } = page;
          events.emit('scanner.page', { jobId, page: { ...rest, thumbnailJpegBase64: base64(thumbnail) } });
        },
      };
      const result =
        input.resumeJobId === undefined
          ? await scanDocument(
              device,
              {
                document: input.document,
                ...(input.recordCode === undefined ? {} : { recordCode: input.recordCode }),
                settings: { source: input.source, duplex: input.duplex, colour: input.colour, dpi: input.dpi },
                ...(input.expectedPages === undefined ? {} : { expectedPages: input.expectedPages }),
                blankInkRatio: input.blankPageRemoval ? 0.001 : 0,
                ocr: input.ocr,
              },
              services,
            )
          : await resumeScan(input.resumeJobId, device, services);
      if (!result.ok) {
        // The job id travels in the progress events; the failure itself stays a plain bilingual Failure.
        const { jobId: _jobId, pagesKept: _pagesKept, ...failure } = result.error;
        return err(failure);
      }
      return ok(toDto(result.value, input.document));
    } finally {
      for (const [id, c] of running) if (c === controller) running.delete(id);
      busy = false;
      register('ready');
    }
  }

  return ok({
    simulator,
    async list() {
      const unfinished = await store.unfinished();
      return ok({
        scanners: [{ id: scannerId, name, backend: device.info.backend, simulated: simulator !== undefined }],
        defaultId: scannerId,
        unfinishedJobs: unfinished.map((j) => ({ jobId: j.id, document: j.request.document, state: j.state as 'scanning' | 'interrupted' | 'processing', pagesScanned: j.pages.length, createdAt: j.createdAt, ...(j.failure ? { failure: j.failure } : {}) })),
      });
    },
    async capabilities(id) {
      if (!known(id)) return err(scannerErrors.notFound(id ?? ''));
      const caps = await device.capabilities();
      if (!caps.ok) return caps;
      const { platen, feeder, makeAndModel } = caps.value;
      const copy = <T extends { colourModes: readonly unknown[]; resolutions: readonly number[]; formats: readonly string[] }>(c: T) => ({ ...c, colourModes: [...c.colourModes], resolutions: [...c.resolutions], formats: [...c.formats] });
      return ok({ scannerId, makeAndModel, ...(platen ? { platen: copy(platen) } : {}), ...(feeder ? { feeder: copy(feeder) } : {}) } as Capabilities);
    },
    scan,
    async cancel(jobId) {
      const controller = running.get(jobId);
      if (controller) {
        controller.abort();
        return ok({ cancelled: true });
      }
      const removed = await cancelScanJob(store, jobId);
      return removed.ok ? ok({ cancelled: true }) : removed;
    },
    async pdfChunk(jobId, offset, length) {
      const job = await store.get(jobId);
      if (!job.ok) return job;
      const pdf = job.value.manifest().pdf;
      if (!pdf || job.value.manifest().state !== 'done') return err(scannerErrors.jobGone());
      const handle = await openFile(job.value.pdfPath(), 'r');
      try {
        const buffer = Buffer.alloc(Math.max(0, Math.min(length, pdf.bytes - offset)));
        await handle.read(buffer, 0, buffer.length, offset);
        return ok({ base64: buffer.toString('base64'), offset, total: pdf.bytes, done: offset + buffer.length >= pdf.bytes });
      } finally {
        await handle.close();
      }
    },
    async close() {
      for (const c of running.values()) c.abort();
      await ocr?.close();
      await simulator?.close();
      log.info('scanner service closed');
    },
  });
}
