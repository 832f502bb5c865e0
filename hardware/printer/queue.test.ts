import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { err, type Result } from '../../src-shared/result';
import { startEscPosSimulator, type EscPosSimulator } from '../simulators/escpos-printer/simulator';
import { pageBitmap } from '../simulators/escpos-printer/page-check.testing';
import { openTcpPrinter } from '../transports/tcp-printer';
import { printerErrors, type PrinterFailure } from './errors';
import { openPrintQueue, type PrintJob, type PrintQueue, type PrintQueueOptions } from './queue';
import { QUEUE_FILE_NAME } from './queue-file';
import { countDifferences } from './render/bitmap';
import { renderSlip } from './render/render-slip';
import { parseSlip } from './slip-schema';
import { sampleSlips } from './slip-fixtures.testing';
import type { PrinterTransport } from './transport';
import { openUsbLinePrinter } from './usb-lp-transport';

let dir: string;
let simulator: EscPosSimulator;
const queues: PrintQueue[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-print-queue-'));
  simulator = await startEscPosSimulator({ tcp: { port: 0 } });
});
afterEach(async () => {
  await Promise.all(queues.splice(0).map((q) => q.close()));
  await simulator.close();
  await rm(dir, { recursive: true, force: true });
});

const toSimulator = (): Promise<Result<PrinterTransport, PrinterFailure>> => openTcpPrinter({ host: '127.0.0.1', port: simulator.tcpPort ?? 0, connectTimeoutMs: 500 });

async function open(overrides: Partial<PrintQueueOptions> = {}): Promise<PrintQueue> {
  const result = await openPrintQueue({ dataDir: dir, paper: '80mm', connect: toSimulator, pollIntervalMs: 40, statusTimeoutMs: 300, ...overrides });
  if (!result.ok) throw new Error(result.error.messageEn);
  queues.push(result.value);
  return result.value;
}
async function enqueue(queue: PrintQueue, input: Parameters<PrintQueue['enqueue']>[0] = sampleSlips.receipt): Promise<PrintJob> {
  const result = await queue.enqueue(input);
  if (!result.ok) throw new Error(result.error.messageEn);
  return result.value;
}
const stateOf = (queue: PrintQueue, id: string): PrintJob | undefined => queue.job(id);
const until = (check: () => void | Promise<void>): Promise<void> => vi.waitFor(check, { timeout: 8000, interval: 20 });
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
async function fileJobs(): Promise<PrintJob[]> {
  const parsed = JSON.parse(await readFile(join(dir, QUEUE_FILE_NAME), 'utf8')) as { jobs: PrintJob[] };
  return parsed.jobs;
}

describe('print queue', () => {
  it('prints a job once and records it as done, on disk too', async () => {
    const queue = await open();
    const job = await enqueue(queue);
    await until(() => expect(stateOf(queue, job.id)?.state).toBe('done'));
    expect(simulator.pages).toHaveLength(1);
    await until(async () => expect((await fileJobs()).map((j) => [j.id, j.state, j.attempts])).toEqual([[job.id, 'done', 1]]));
    expect(queue.printerStatus).toMatchObject({ online: true });
  });

  it('keeps waiting jobs across a restart (a new queue over the same folder prints them)', async () => {
    const offline = await open({ connect: async () => err(printerErrors.unreachable('test: cable unplugged')) });
    const first = await enqueue(offline);
    const second = await enqueue(offline, sampleSlips.ticket);
    await until(() => expect(stateOf(offline, first.id)?.lastError?.code).toBe('printer.unreachable'));
    await offline.close();
    expect((await fileJobs()).map((j) => j.state)).toEqual(['queued', 'queued']);

    const reopened = await open();
    await until(() => expect(reopened.jobs().map((j) => j.state)).toEqual(['done', 'done']));
    expect(reopened.jobs().map((j) => j.id)).toEqual([first.id, second.id]);
    expect(simulator.pages).toHaveLength(2);
  });

  it.each([
    [{ paperOut: true }, 'printer.paper-out', 'Máy in hết giấy', 'Printer out of paper'],
    [{ coverOpen: true }, 'printer.cover-open', 'Nắp máy in đang mở', 'Printer cover is open'],
    [{ online: false }, 'printer.offline', 'Máy in đang tạm ngừng', 'Printer is offline'],
  ] as const)('waits while %o, says so in both languages, then prints exactly once', async (condition, code, vi_, en) => {
    simulator.setCondition(condition);
    const queue = await open();
    const job = await enqueue(queue);
    await until(() => expect(stateOf(queue, job.id)?.lastError?.code).toBe(code));
    const waiting = stateOf(queue, job.id);
    expect(waiting?.state).toBe('queued');
    expect(waiting?.lastError?.message).toContain(vi_);
    expect(waiting?.lastError?.messageEn).toContain(en);
    await pause(200);
    expect(simulator.pages).toHaveLength(0);

    simulator.setCondition({ paperOut: false, coverOpen: false, online: true });
    await until(() => expect(stateOf(queue, job.id)?.state).toBe('done'));
    await pause(200);
    expect(simulator.pages).toHaveLength(1);
    expect(stateOf(queue, job.id)?.lastError).toBeUndefined();
  });

  it('retries when an unreachable printer comes back', async () => {
    let reachable = false;
    const queue = await open({ connect: () => (reachable ? toSimulator() : Promise.resolve(err(printerErrors.unreachable('test')))) });
    const job = await enqueue(queue);
    await until(() => expect(stateOf(queue, job.id)?.lastError?.code).toBe('printer.unreachable'));
    reachable = true;
    await until(() => expect(stateOf(queue, job.id)?.state).toBe('done'));
    expect(simulator.pages).toHaveLength(1);
  });

  it('crash after the bytes left: the restarted queue does not print again; the officer confirms', async () => {
    const crashing = await open({ simulateCrash: 'after-bytes-written' });
    const job = await enqueue(crashing);
    await simulator.waitForPages(1);
    await until(async () => expect((await fileJobs())[0]?.state).toBe('sending'));
    await crashing.close();

    const restarted = await open();
    const found = stateOf(restarted, job.id);
    expect(found?.state).toBe('uncertain');
    expect(found?.lastError?.code).toBe('printer.interrupted');
    expect(found?.lastError?.message).toContain('Chưa rõ phiếu đã in xong chưa');
    expect(found?.lastError?.messageEn).toContain('Unknown whether the slip printed');
    expect((await fileJobs())[0]?.state).toBe('uncertain');
    await pause(300);
    expect(simulator.pages).toHaveLength(1);

    const confirmed = await restarted.resolveUncertain(job.id, 'printed');
    expect(confirmed.ok && confirmed.value).toMatchObject({ state: 'done', confirmedByOfficer: true });
    expect(simulator.pages).toHaveLength(1);
  });

  it('crash before any byte left: nothing printed; a reprint the officer asks for carries the REPRINT mark', async () => {
    const crashing = await open({ simulateCrash: 'after-marked-sending' });
    const job = await enqueue(crashing);
    await until(async () => expect((await fileJobs())[0]?.state).toBe('sending'));
    await crashing.close();
    expect(simulator.pages).toHaveLength(0);

    const restarted = await open();
    expect(stateOf(restarted, job.id)?.state).toBe('uncertain');
    await pause(200);
    expect(simulator.pages).toHaveLength(0);

    const requeued = await restarted.resolveUncertain(job.id, 'reprint');
    expect(requeued.ok).toBe(true);
    await until(() => expect(stateOf(restarted, job.id)?.state).toBe('done'));
    expect(stateOf(restarted, job.id)).toMatchObject({ attempts: 2, slip: { reprint: true } });
    const [page] = await simulator.waitForPages(1);
    const expected = parseSlip({ ...sampleSlips.receipt, reprint: true });
    const reference = expected.ok ? renderSlip(expected.value, { paper: '80mm' }) : expected;
    if (!reference.ok || page === undefined) throw new Error('no reference or page');
    expect(countDifferences(pageBitmap(page), reference.value)).toBe(0);
  });

  it('paper running out mid-slip makes the job uncertain, never re-sent; the slip finishes on the new roll', async () => {
    simulator.runOutOfPaperAfterRows(300);
    const queue = await open();
    const job = await enqueue(queue);
    await until(() => expect(stateOf(queue, job.id)?.state).toBe('uncertain'));
    expect(stateOf(queue, job.id)?.lastError?.message).toContain('Máy in hết giấy');
    expect(simulator.pages).toHaveLength(0);

    simulator.setCondition({ paperOut: false });
    await simulator.waitForPages(1);
    await pause(200);
    expect(simulator.pages).toHaveLength(1);
    expect(stateOf(queue, job.id)?.state).toBe('uncertain');
  });

  it('a cable pulled while sending makes the job uncertain, not re-sent', async () => {
    const pulled = async (): Promise<Result<PrinterTransport, PrinterFailure>> => {
      const real = await toSimulator();
      if (!real.ok) return real;
      return { ok: true, value: { ...real.value, write: async (bytes) => (bytes.length > 3 ? err(printerErrors.writeFailed('EPIPE')) : real.value.write(bytes)) } };
    };
    const queue = await open({ connect: pulled });
    const job = await enqueue(queue);
    await until(() => expect(stateOf(queue, job.id)?.state).toBe('uncertain'));
    expect(stateOf(queue, job.id)?.lastError?.messageEn).toContain('EPIPE');
    await pause(200);
    expect(stateOf(queue, job.id)?.attempts).toBe(1);
  });

  it('a printer that does not answer status keeps the job waiting', async () => {
    simulator.setCondition({ silent: true });
    const queue = await open();
    const job = await enqueue(queue);
    await until(() => expect(stateOf(queue, job.id)?.lastError?.code).toBe('printer.timeout'));
    expect(stateOf(queue, job.id)?.state).toBe('queued');
    simulator.setCondition({ silent: false });
    await until(() => expect(stateOf(queue, job.id)?.state).toBe('done'));
    expect(simulator.pages).toHaveLength(1);
  });

  it('an officer can cancel a waiting job; it never prints', async () => {
    simulator.setCondition({ paperOut: true });
    const queue = await open();
    const job = await enqueue(queue);
    await until(() => expect(stateOf(queue, job.id)?.lastError?.code).toBe('printer.paper-out'));
    const cancelled = await queue.cancel(job.id);
    expect(cancelled.ok && cancelled.value.state).toBe('failed');
    simulator.setCondition({ paperOut: false });
    await pause(200);
    expect(simulator.pages).toHaveLength(0);
    const again = await queue.cancel(job.id);
    expect(!again.ok && again.error.code).toBe('printer.job-wrong-state');
  });

  it('refuses an invalid slip at the door', async () => {
    const queue = await open();
    const result = await queue.enqueue({ ...sampleSlips.receipt, recordCode: '' });
    expect(!result.ok && result.error.code).toBe('printer.invalid-slip');
    expect(queue.jobs()).toEqual([]);
  });

  it('sets an unreadable queue file aside and says so', async () => {
    await writeFile(join(dir, QUEUE_FILE_NAME), '{ not json');
    const queue = await open();
    expect(queue.startupNotice?.code).toBe('printer.queue-unreadable');
    expect((await readdir(dir)).some((f) => f.startsWith(`${QUEUE_FILE_NAME}.unreadable-`))).toBe(true);
  });

  it('prints through a write-only USB device file without a status check', async () => {
    const device = join(dir, 'lp0');
    await writeFile(device, '');
    const queue = await open({ connect: () => openUsbLinePrinter(device) });
    const job = await enqueue(queue, sampleSlips.ticket);
    await until(() => expect(stateOf(queue, job.id)?.state).toBe('done'));
    const written = await readFile(device);
    expect([...written.subarray(0, 2)]).toEqual([0x1b, 0x40]);
    expect([...written.subarray(-4)]).toEqual([0x1d, 0x56, 66, 0]);
  });
});
