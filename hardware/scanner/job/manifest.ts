import { z } from 'zod';

/** A scan job on disk: job.json beside its raw pages (and, once done, the PDF). Validated when read back. */
export const jobStateSchema = z.enum(['scanning', 'interrupted', 'processing', 'done', 'cancelled']);
export type JobState = z.infer<typeof jobStateSchema>;

const failureSchema = z.object({ code: z.string(), message: z.string(), messageEn: z.string(), path: z.string().optional() });

export const jobPageSchema = z.object({
  index: z.int().min(0),
  side: z.enum(['front', 'back']),
  file: z.string().regex(/^page-\d{4}\.(png|jpg|pnm)$/),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  format: z.enum(['image/png', 'image/jpeg', 'image/x-portable-anymap']),
  dpi: z.int().positive(),
});
export type JobPage = z.infer<typeof jobPageSchema>;

export const jobRequestSchema = z.object({
  document: z.string(),
  recordCode: z.string().optional(),
  deviceId: z.string(),
  deviceName: z.string(),
  settings: z.object({ source: z.enum(['platen', 'feeder']), duplex: z.boolean(), colour: z.enum(['bw', 'grey', 'colour']), dpi: z.int().positive() }),
  expectedPages: z.int().positive().optional(),
  blankInkRatio: z.number().min(0).max(1),
  ocr: z.boolean(),
  minDpi: z.int().positive(),
});
export type JobRequest = z.infer<typeof jobRequestSchema>;

export const jobManifestSchema = z.object({
  version: z.literal(1),
  id: z.uuid(),
  createdAt: z.int().min(0),
  updatedAt: z.int().min(0),
  state: jobStateSchema,
  request: jobRequestSchema,
  pages: z.array(jobPageSchema),
  /** Why the job stopped (jam, cancel, crash found at start-up). */
  failure: failureSchema.optional(),
  pdf: z.object({ file: z.literal('document.pdf'), sha256: z.string(), bytes: z.int().min(0) }).optional(),
});
export type JobManifest = z.infer<typeof jobManifestSchema>;
