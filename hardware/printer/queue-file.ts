import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { createLogger } from '../../src-shared/log';
import { err, ok, type Result } from '../../src-shared/result';
import { readFileIfExists, writeFileAtomic } from '../files/atomic-file';
import { printerErrors, type PrinterFailure } from './errors';

const log = createLogger('hardware.printer.queue-file');

export { printJobSchema, printJobStateSchema, type PrintJob, type PrintJobState } from '../../src-shared/api/printer';
import { printJobSchema, type PrintJob } from '../../src-shared/api/printer';

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
