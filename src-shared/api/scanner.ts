import { z } from 'zod';
import type { EventMap, MethodMap } from './define';

/**
 * The document scanner as the renderer sees it: which scanners there are, what one can do, and a scan that answers
 * the finished PDF/A document with its quality report. Pages and PDFs are binary: they cross the API as base64.
 *
 * Payload size: a PDF up to `inlinePdfMaxBytes` (2 MiB, ≈2.7 MB of base64, a dozen bitonal or ~8 greyscale A4
 * pages at 300 dpi) comes inline, well under the socket's 4 MiB message cap; a larger one is fetched with
 * `scanner.pdfChunk` in 1 MiB pieces. Thumbnails are ~3 KB JPEGs each.
 */
export const inlinePdfMaxBytes = 2 * 1024 * 1024;
export const pdfChunkMaxBytes = 1024 * 1024;

export const scanSourceSchema = z.enum(['platen', 'feeder']);
export const colourModeSchema = z.enum(['bw', 'grey', 'colour']);
export const scanResolutions = [75, 100, 150, 200, 300, 400, 600] as const;
const dpiSchema = z.literal(scanResolutions);
const line = (max: number) => z.string().trim().normalize('NFC').min(1).max(max);
const failureSchema = z.object({ code: z.string(), message: z.string(), messageEn: z.string(), path: z.string().optional() });

export const scannerSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  backend: z.enum(['escl', 'sane', 'twain', 'wia']),
  simulated: z.boolean(),
});

/** A job a jam, a cancel-less stop or a crash left on disk: the officer resumes it or cancels it. */
export const unfinishedScanJobSchema = z.object({
  jobId: z.uuid(),
  document: z.string(),
  state: z.enum(['scanning', 'interrupted', 'processing']),
  pagesScanned: z.int().min(0),
  createdAt: z.int().min(0),
  failure: failureSchema.optional(),
});

export const scannerListSchema = z.object({
  scanners: z.array(scannerSummarySchema),
  /** The scanner used when a call names none (MOTCUA_SCANNER, or the simulator). */
  defaultId: z.string().optional(),
  unfinishedJobs: z.array(unfinishedScanJobSchema),
});

const sourceCapabilitiesSchema = z.object({
  colourModes: z.array(colourModeSchema),
  resolutions: z.array(z.int()),
  formats: z.array(z.string()),
  maxWidthMm: z.number(),
  maxHeightMm: z.number(),
});

export const scannerCapabilitiesSchema = z.object({
  scannerId: z.string(),
  makeAndModel: z.string(),
  platen: sourceCapabilitiesSchema.optional(),
  feeder: sourceCapabilitiesSchema.extend({ duplex: z.boolean(), capacity: z.int().optional() }).optional(),
});

export const scanInputSchema = z
  .object({
    scannerId: z.string().max(500).optional(),
    /** The document's name as the record lists it ("Giấy khai sinh"): the PDF's title. */
    document: line(300),
    /** Printable ASCII, as on the receipt. */
    recordCode: z.string().regex(/^[\x21-\x7E]{1,80}$/).optional(),
    source: scanSourceSchema.default('feeder'),
    duplex: z.boolean().default(false),
    colour: colourModeSchema.default('grey'),
    dpi: dpiSchema.default(300),
    /** How many pages the document should have (from the procedure's checklist); a different count is a warning. */
    expectedPages: z.int().min(1).max(500).optional(),
    blankPageRemoval: z.boolean().default(true),
    ocr: z.boolean().default(true),
    /** Continue an interrupted job (after a jam is cleared) instead of starting a new one. */
    resumeJobId: z.uuid().optional(),
  })
  .strict();
export type ScanInput = z.input<typeof scanInputSchema>;

export const qualityIssueSchema = z.object({
  code: z.enum(['low-resolution', 'blank-document', 'near-blank-page', 'page-count-mismatch', 'skew-not-corrected', 'orientation-uncertain', 'ocr-low-confidence', 'damaged-page']),
  severity: z.enum(['error', 'warning']),
  page: z.int().min(1).optional(),
  message: z.string(),
  messageEn: z.string(),
});
export const qualityReportSchema = z.object({ passed: z.boolean(), issues: z.array(qualityIssueSchema) });

export const scannedPageSchema = z.object({
  index: z.int().min(0),
  side: z.enum(['front', 'back']),
  kept: z.boolean(),
  dropReason: z.literal('blank').optional(),
  inkRatio: z.number(),
  skewMeasured: z.number(),
  skewResidual: z.number(),
  turnedUpright: z.boolean(),
  cropped: z.boolean(),
  content: z.enum(['text', 'photo']),
  encoding: z.string().optional(),
  imageBytes: z.int().optional(),
  thumbnailJpegBase64: z.string(),
});
export type ScannedPage = z.infer<typeof scannedPageSchema>;

export const scannedDocumentSchema = z.object({
  jobId: z.uuid(),
  document: z.string(),
  pageCount: z.int().min(1),
  pdf: z.object({ bytes: z.int().min(1), sha256: z.string(), base64: z.string().optional() }),
  /** Every page that came through the scanner, kept or not, in order. */
  pages: z.array(scannedPageSchema),
  /** The pages left out (blank), listed again so they are never dropped silently. */
  dropped: z.array(z.object({ index: z.int().min(0), side: z.enum(['front', 'back']), reason: z.literal('blank') })),
  quality: qualityReportSchema,
});
export type ScannedDocumentDto = z.infer<typeof scannedDocumentSchema>;

export const scanProgressSchema = z.object({
  jobId: z.uuid(),
  phase: z.enum(['scanning', 'processing', 'ocr', 'pdf', 'done', 'interrupted', 'cancelled']),
  pagesScanned: z.int().min(0),
  pagesProcessed: z.int().min(0),
  expectedPages: z.int().optional(),
  ocrPercent: z.int().min(0).max(100).optional(),
});
export const scanPageEventSchema = z.object({ jobId: z.uuid(), page: scannedPageSchema });

export const pdfChunkInputSchema = z.object({ jobId: z.uuid(), offset: z.int().min(0), length: z.int().min(1).max(pdfChunkMaxBytes) }).strict();
export const pdfChunkSchema = z.object({ base64: z.string(), offset: z.int().min(0), total: z.int().min(0), done: z.boolean() });

const noInput = z.object({}).strict();

export const scannerMethods = {
  'scanner.list': { input: noInput, output: scannerListSchema, summary: 'Document scanners the host knows, and scan jobs left unfinished' },
  'scanner.capabilities': {
    input: z.object({ scannerId: z.string().max(500).optional() }).strict(),
    output: scannerCapabilitiesSchema,
    summary: 'What a scanner can do: glass/feeder, duplex, colour modes, resolutions',
  },
  'scanner.scan': {
    input: scanInputSchema,
    output: scannedDocumentSchema,
    summary: 'Scan a document (or resume an interrupted job) into a PDF/A-2b with OCR; answers the document, dropped pages and quality report',
  },
  'scanner.cancel': {
    input: z.object({ jobId: z.uuid() }).strict(),
    output: z.object({ cancelled: z.boolean() }),
    summary: 'Stop a running scan, or discard an interrupted job and its pages',
  },
  'scanner.pdfChunk': { input: pdfChunkInputSchema, output: pdfChunkSchema, summary: 'A piece of a finished PDF too large to come inline (base64)' },
} satisfies MethodMap;

export const scannerEvents = { 'scanner.progress': scanProgressSchema, 'scanner.page': scanPageEventSchema } satisfies EventMap;
