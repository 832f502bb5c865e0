import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { createLogger } from '../../src-shared/log';
import { err, ok, type Result } from '../../src-shared/result';
import { readFileIfExists, writeFileAtomic } from './atomic-file';
import { printerErrors, type PrinterFailure } from './errors';
import { slipSchema } from './slip-schema';

const log = createLogger('hardware.printer.queue-file');

/**
 * queued → sending → done | uncertain; queued → failed (cannot render, or cancelled); uncertain → done | queued
 * (as a reprint) | failed, by the officer only. "sending" is written to disk before the first byte goes out.
 */
export const printJobStateSchema = z.enum(['queued', 'sending', 'done', 'failed', 'uncertain']);
export type PrintJobState = z.infer<typeof printJobStateSchema>;

const failureSchema = z.object({ code: z.string(), message: z.string(), messageEn: z.string(), path: z.string().optional() });

export const printJobSchema = z.object({
  id: z.uuid(),
  slip: slipSchema,
  state: printJobStateSchema,
  createdAt: z.int().min(0),
  updatedAt: z.int().min(0),
  /** How many times bytes started to go to the printer: more than one only after an officer asked for a reprint. */
  attempts: z.int().min(0),
  /** Why the job waits, failed or is uncertain, in both languages; absent when all is well. */
  lastError: failureSchema.optional(),
  finishedAt: z.int().min(0).optional(),
  /** Done because an officer looked at the slip and said it printed, not because the printer said so. */
  confirmedByOfficer: z.boolean().optional(),
});
export type PrintJob = z.infer<typeof printJobSchema>;

const queueFileSchema = z.object({ version: z.literal(1), jobs: z.array(printJobSchema) });

export const QUEUE_FILE_NAME = 'print-queue.json';

export type LoadedQueue = { readonly jobs: readonly PrintJob[]; readonly notice: PrinterFailure | undefined };

/** Reads the queue; an unreadable file is set aside (never deleted) and the queue starts empty with a notice. */
export async function loadQueueFile(dataDir: string): Promise<Result<LoadedQueue, PrinterFailure>> {
  const path = join(dataDir, QUEUE_FILE_NAME);
  let text: string | undefined;
  try {
    text = await readFileIfExists(path);
  } catch (cause: unknown) {
    log.error('print queue unreadable', { error: cause instanceof Error ? cause.message : String(cause) });
    return err(printerErrors.queueUnreadable(path));
  }
  if (text === undefined) return ok({ jobs: [], notice: undefined });
  const parsed = queueFileSchema.safeParse(parseJson(text));
  if (parsed.success) return ok({ jobs: parsed.data.jobs, notice: undefined });
  const aside = `${path}.unreadable-${Date.now()}`;
  try {
    await rename(path, aside);
  } catch {
    return err(printerErrors.queueUnreadable(path));
  }
  log.warn('print queue file unreadable; set aside', { aside });
  return ok({ jobs: [], notice: printerErrors.queueUnreadable(aside) });
}

export async function saveQueueFile(dataDir: string, jobs: readonly PrintJob[]): Promise<Result<void, PrinterFailure>> {
  try {
    await writeFileAtomic(join(dataDir, QUEUE_FILE_NAME), `${JSON.stringify({ version: 1, jobs })}\n`);
    return ok(undefined);
  } catch (cause: unknown) {
    log.error('print queue write failed', { error: cause instanceof Error ? cause.message : String(cause) });
    return err(printerErrors.queueWriteFailed());
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
