import { randomUUID } from 'node:crypto';
import { createLogger } from '../../src-shared/log';
import { err, ok, type Failure, type Result } from '../../src-shared/result';
import { encodeSlip, type EncodeSlipOptions } from './encode-slip';
import { printerErrors, type PrinterFailure } from './errors';
import type { PrinterStatus } from './escpos';
import { loadQueueFile, saveQueueFile, type PrintJob } from './queue-file';
import { checkReadiness } from './readiness';
import { parseSlip, type PaperWidth, type Slip, type SlipInput } from './slip-schema';
import type { ConnectPrinter, PrinterTransport } from './transport';

export type { PrintJob, PrintJobState } from './queue-file';

const log = createLogger('hardware.printer.queue');

/** Test seam: where a simulated crash stops the queue dead, as if the process had been killed there. */
export type CrashPoint = 'after-marked-sending' | 'after-bytes-written';

export type PrintQueueOptions = {
  readonly dataDir: string;
  readonly paper: PaperWidth;
  readonly connect: ConnectPrinter;
  /** Slip → printer bytes; defaults to the raster renderer at `paper` width. */
  readonly encode?: (slip: Slip) => Result<Uint8Array, PrinterFailure>;
  readonly encodeOptions?: Omit<EncodeSlipOptions, 'paper'>;
  /** How often a waiting job asks the printer again (paper loaded? cover closed?). */
  readonly pollIntervalMs?: number;
  readonly statusTimeoutMs?: number;
  /** Finished jobs kept for the officer's "recent slips" view; older ones (and their personal data) are dropped. */
  readonly keepFinished?: number;
  readonly now?: () => number;
  readonly simulateCrash?: CrashPoint;
};

/** What the officer decides about a slip the queue cannot vouch for. */
export type UncertainDecision = 'printed' | 'reprint' | 'discard';

export type PrintQueue = {
  enqueue(slip: SlipInput): Promise<Result<PrintJob, PrinterFailure>>;
  jobs(): readonly PrintJob[];
  job(id: string): PrintJob | undefined;
  /** The last status read from the printer, for the counter's status light. */
  readonly printerStatus: PrinterStatus | undefined;
  /** Set when the queue file was unreadable at start and was set aside. */
  readonly startupNotice: PrinterFailure | undefined;
  resolveUncertain(id: string, decision: UncertainDecision): Promise<Result<PrintJob, PrinterFailure>>;
  cancel(id: string): Promise<Result<PrintJob, PrinterFailure>>;
  onChange(listener: (jobs: readonly PrintJob[]) => void): () => void;
  close(): Promise<void>;
};

type Outcome = 'next' | 'wait' | 'crashed';

/**
 * A persisted print queue with an exactly-once rule: a job is marked "sending" on disk before its first byte goes
 * out, and a job found "sending" at start-up (the kiosk died mid-print) is never re-sent by the machine: it becomes
 * "uncertain" and an officer, holding the paper, decides. A reprint the officer asks for carries the visible
 * "BẢN IN LẠI / REPRINT" mark, so even then no two unmarked copies of a slip exist.
 */
export async function openPrintQueue(options: PrintQueueOptions): Promise<Result<PrintQueue, PrinterFailure>> {
  const loaded = await loadQueueFile(options.dataDir);
  if (!loaded.ok) return loaded;
  const now = options.now ?? Date.now;
  const pollIntervalMs = options.pollIntervalMs ?? 2000;
  const keepFinished = options.keepFinished ?? 100;
  const encode = options.encode ?? ((slip: Slip) => encodeSlip(slip, { ...options.encodeOptions, paper: options.paper }));
  const listeners = new Set<(jobs: readonly PrintJob[]) => void>();

  let jobs: PrintJob[] = [...loaded.value.jobs];
  let printerStatus: PrinterStatus | undefined;
  let stopped = false;
  let pumping: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  let saving: Promise<unknown> = Promise.resolve();
  /** Jobs accepted in memory whose "queued" state is not on disk yet: never sent before it is. */
  const unsaved = new Set<string>();

  /** Applies a change in memory, then writes the whole queue atomically; writes are serialized in call order. */
  const commit = async (id: string, patch: Partial<PrintJob>): Promise<Result<PrintJob, PrinterFailure>> => {
    const index = jobs.findIndex((j) => j.id === id);
    const current = jobs[index];
    if (current === undefined) return err(printerErrors.jobNotFound(id));
    const next: PrintJob = withoutUndefined({ ...current, ...patch, updatedAt: now() });
    jobs = prune(jobs.map((j) => (j.id === id ? next : j)), keepFinished);
    for (const listener of listeners) listener(jobs);
    return persist().then((saved) => (saved.ok ? ok(next) : saved));
  };
  const persist = (): Promise<Result<void, PrinterFailure>> => {
    const snapshot = jobs;
    const write = saving.then(() => saveQueueFile(options.dataDir, snapshot));
    saving = write;
    return write;
  };

  // Start-up recovery: whatever was being sent when the kiosk stopped may or may not be on paper.
  const interrupted = jobs.filter((j) => j.state === 'sending');
  for (const job of interrupted) {
    const saved = await commit(job.id, {
      state: 'uncertain',
      lastError: printerErrors.interrupted('máy tính của quầy đã tắt hoặc khởi động lại trong lúc in.', 'the kiosk stopped or restarted while printing.'),
    });
    if (!saved.ok) return saved;
    log.warn('print job interrupted by a restart; waiting for the officer', { jobId: job.id });
  }

  const sleep = (): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(done, pollIntervalMs);
      function done(): void {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });

  /** Notes why a job waits; written to disk only when the reason changes, not on every poll. */
  const noteWaiting = async (job: PrintJob, reason: Failure): Promise<void> => {
    const current = jobs.find((j) => j.id === job.id);
    // The officer may have cancelled it while we were asking the printer: their word stands.
    if (current?.state !== 'queued' || current.lastError?.code === reason.code) return;
    log.info('print job waiting for the printer', { jobId: job.id, reason: reason.code });
    await commit(job.id, { lastError: reason });
  };

  // A job waiting for paper is retried every poll: render it once, not on every poll (a receipt takes ~30 ms).
  const encoded = new WeakMap<Slip, Result<Uint8Array, PrinterFailure>>();
  const encodeOnce = (slip: Slip): Result<Uint8Array, PrinterFailure> => {
    const cached = encoded.get(slip) ?? encode(slip);
    encoded.set(slip, cached);
    return cached;
  };

  const attempt = async (job: PrintJob): Promise<Outcome> => {
    const bytes = encodeOnce(job.slip);
    if (!bytes.ok) {
      await commit(job.id, { state: 'failed', lastError: bytes.error });
      return 'next';
    }
    const connection = await options.connect();
    if (!connection.ok) {
      await noteWaiting(job, connection.error);
      return 'wait';
    }
    const transport = connection.value;
    try {
      return await send(job, bytes.value, transport);
    } finally {
      await transport.close();
    }
  };

  const send = async (job: PrintJob, bytes: Uint8Array, transport: PrinterTransport): Promise<Outcome> => {
    const before = await checkReadiness(transport, options.statusTimeoutMs);
    if (!before.ok) {
      await noteWaiting(job, before.error);
      return 'wait';
    }
    if (before.value.kind !== 'unknown') printerStatus = before.value.status;
    if (before.value.kind === 'not-ready') {
      await noteWaiting(job, before.value.reason);
      return 'wait';
    }
    if (jobs.find((j) => j.id === job.id)?.state !== 'queued') return 'next';
    // The exactly-once rule: on disk first, then on paper.
    const marked = await commit(job.id, { state: 'sending', attempts: job.attempts + 1, lastError: undefined });
    if (!marked.ok) {
      jobs = jobs.map((j) => (j.id === job.id ? { ...j, state: 'queued', attempts: job.attempts, lastError: marked.error } : j));
      return 'wait';
    }
    if (options.simulateCrash === 'after-marked-sending') return 'crashed';
    const written = await transport.write(bytes);
    if (!written.ok) {
      await commit(job.id, { state: 'uncertain', lastError: printerErrors.interrupted(written.error.message, written.error.messageEn) });
      return 'next';
    }
    if (options.simulateCrash === 'after-bytes-written') return 'crashed';
    const after = await checkReadiness(transport, options.statusTimeoutMs);
    if (after.ok && after.value.kind !== 'unknown') printerStatus = after.value.status;
    if (after.ok && after.value.kind !== 'not-ready') {
      await commit(job.id, { state: 'done', finishedAt: now(), lastError: undefined });
      return 'next';
    }
    // All bytes left, but the printer stopped (paper ran out mid-slip) or went silent: the tail may be missing.
    const reason = after.ok ? (after.value.kind === 'not-ready' ? after.value.reason : printerErrors.timeout()) : after.error;
    await commit(job.id, { state: 'uncertain', lastError: printerErrors.interrupted(reason.message, reason.messageEn) });
    return 'next';
  };

  const loop = async (): Promise<void> => {
    while (!stopped) {
      const next = jobs.find((j) => j.state === 'queued' && !unsaved.has(j.id));
      if (next === undefined) return;
      const outcome = await attempt(next);
      switch (outcome) {
        case 'crashed':
          stopped = true;
          log.warn('print queue stopped by a simulated crash', { jobId: next.id });
          return;
        case 'wait':
          await sleep();
          break;
        case 'next':
          break;
      }
    }
  };

  const pump = (): void => {
    wake?.();
    if (stopped || pumping !== undefined) return;
    let failed = false;
    pumping = loop()
      .catch((cause: unknown) => {
        failed = true;
        log.error('print queue loop failed', { error: cause instanceof Error ? cause.message : String(cause) });
      })
      .finally(() => {
        pumping = undefined;
        // A job saved while the loop was finishing its last step must not be left behind; after an unexpected
        // throw, wait a poll interval instead of spinning on the same fault.
        if (stopped || !jobs.some((j) => j.state === 'queued' && !unsaved.has(j.id))) return;
        if (failed) setTimeout(pump, pollIntervalMs).unref();
        else pump();
      });
  };

  const queue: PrintQueue = {
    async enqueue(input) {
      if (stopped) return err(printerErrors.queueStopped());
      const slip = parseSlip(input);
      if (!slip.ok) return slip;
      const at = now();
      const job: PrintJob = { id: randomUUID(), slip: slip.value, state: 'queued', createdAt: at, updatedAt: at, attempts: 0 };
      jobs = [...jobs, job];
      unsaved.add(job.id);
      const saved = await persist();
      unsaved.delete(job.id);
      if (!saved.ok) {
        jobs = jobs.filter((j) => j.id !== job.id);
        return saved;
      }
      for (const listener of listeners) listener(jobs);
      pump();
      return ok(job);
    },
    jobs: () => jobs,
    job: (id) => jobs.find((j) => j.id === id),
    get printerStatus() {
      return printerStatus;
    },
    startupNotice: loaded.value.notice,
    async resolveUncertain(id, decision) {
      const job = jobs.find((j) => j.id === id);
      if (job === undefined) return err(printerErrors.jobNotFound(id));
      if (job.state !== 'uncertain') return err(printerErrors.jobWrongState(job.state));
      switch (decision) {
        case 'printed':
          return commit(id, { state: 'done', finishedAt: now(), lastError: undefined, confirmedByOfficer: true });
        case 'reprint': {
          const requeued = await commit(id, { state: 'queued', slip: { ...job.slip, reprint: true }, lastError: undefined });
          if (requeued.ok) pump();
          return requeued;
        }
        case 'discard':
          return commit(id, { state: 'failed', lastError: printerErrors.cancelled() });
      }
    },
    async cancel(id) {
      const job = jobs.find((j) => j.id === id);
      if (job === undefined) return err(printerErrors.jobNotFound(id));
      if (job.state !== 'queued') return err(printerErrors.jobWrongState(job.state));
      return commit(id, { state: 'failed', lastError: printerErrors.cancelled() });
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      stopped = true;
      wake?.();
      await pumping;
      await saving;
    },
  };
  pump();
  return ok(queue);
}

/** Keeps every unfinished job and the most recent finished ones. */
function prune(jobs: readonly PrintJob[], keepFinished: number): PrintJob[] {
  const finished = jobs.filter((j) => j.state === 'done' || j.state === 'failed').sort((a, b) => b.updatedAt - a.updatedAt);
  const drop = new Set(finished.slice(keepFinished).map((j) => j.id));
  return jobs.filter((j) => !drop.has(j.id));
}

/** `lastError: undefined` in a patch means "clear it"; JSON and the schema want the key gone, not undefined. */
function withoutUndefined(job: PrintJob): PrintJob {
  return Object.fromEntries(Object.entries(job).filter(([, value]) => value !== undefined)) as PrintJob;
}
