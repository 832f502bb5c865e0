import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '../../../src-shared/log';
import { capabilitiesXml, statusXml, type SimulatedJobInfo } from './capabilities-xml';
import { deviceImage } from './images';
import { parseScanSettings, type RequestedScan } from './scan-settings';
import { defaultScript, type ScannerScript, type SimulatedSheet } from './script';
import { useTestPageFonts, type TestPageKind } from './test-pages';

const log = createLogger('simulators.escl-scanner');

type Image = { readonly kind: TestPageKind; readonly pageNumber: number; readonly sheet: number };
type Job = {
  readonly uuid: string;
  readonly scan: RequestedScan;
  readonly images: Image[];
  delivered: number;
  busyLeft: number;
  state: SimulatedJobInfo['state'];
  reason: string;
  /** Images that exist before the jam; the job aborts once they are fetched. */
  readonly jamAtImage: number | undefined;
};

export type EsclSimulatorOptions = { readonly host?: string; readonly port?: number; readonly script?: Partial<ScannerScript>; readonly fontsDir?: string };

export type EsclSimulator = {
  /** e.g. http://127.0.0.1:40123/eSCL — what a client (ours or sane-airscan) is given. */
  readonly baseUrl: string;
  readonly port: number;
  setScript(patch: Partial<ScannerScript>): void;
  /** Puts paper in the feeder (replacing what is there), as an officer does before pressing Scan. */
  loadFeeder(sheets: readonly SimulatedSheet[]): void;
  readonly feederSheets: number;
  /** The officer opened the hatch and removed the jammed sheet; the sheets not yet scanned stay loaded. */
  clearJam(): void;
  /** Every request as "METHOD /path status", for tests that check how a client behaves. */
  readonly requests: readonly string[];
  close(): Promise<void>;
};

const xmlHeaders = { 'content-type': 'text/xml; charset=utf-8' };

/**
 * A loopback eSCL (AirScan) scanner: the real HTTP protocol, a scriptable feeder, generated test paper.
 * Speaks what HARDWARE.md §4 lists: capabilities, status with ADF states, jobs with Location, NextDocument
 * 200/503/404/410, DELETE to cancel.
 */
export async function startEsclSimulator(options: EsclSimulatorOptions = {}): Promise<EsclSimulator> {
  if (options.fontsDir !== undefined) useTestPageFonts(options.fontsDir);
  let script: ScannerScript = { ...defaultScript, ...options.script };
  let feeder: SimulatedSheet[] = [...script.feeder];
  let jammed = false;
  const jobs = new Map<string, Job>();
  const requests: string[] = [];
  let baseUrl = '';

  const activeJob = () => [...jobs.values()].find((j) => j.state === 'Processing');
  const adfState = () => (jammed ? 'ScannerAdfJam' : feeder.length > 0 ? 'ScannerAdfLoaded' : 'ScannerAdfEmpty');

  const createJob = (scan: RequestedScan): Job | 'empty' | 'jammed' => {
    if (scan.source === 'Feeder' && jammed) return 'jammed';
    if (scan.source === 'Feeder' && feeder.length === 0) return 'empty';
    const images: Image[] = [];
    if (scan.source === 'Platen') images.push({ kind: script.platen, pageNumber: 1, sheet: 0 });
    else
      feeder.forEach((sheet, i) => {
        images.push({ kind: sheet.front, pageNumber: 2 * i + 1, sheet: i });
        if (scan.duplex) images.push({ kind: sheet.back ?? 'blank', pageNumber: 2 * i + 2, sheet: i });
      });
    const perSheet = scan.source === 'Feeder' && scan.duplex ? 2 : 1;
    const jamAtImage = scan.source === 'Feeder' && script.jamAfterSheets !== undefined ? script.jamAfterSheets * perSheet : undefined;
    return { uuid: randomUUID(), scan, images, delivered: 0, busyLeft: script.busyBeforeEachPage, state: 'Processing', reason: 'JobScanning', jamAtImage };
  };

  /** Sheets leave the feeder as their last side is delivered. */
  const consumeSheet = (job: Job, image: Image) => {
    if (job.scan.source !== 'Feeder') return;
    const lastSide = !job.scan.duplex || image.pageNumber % 2 === 0;
    if (lastSide) feeder = feeder.slice(1);
  };

  const stateOf = (job: Job): SimulatedJobInfo['state'] => job.state;

  async function nextDocument(job: Job, res: ServerResponse): Promise<number> {
    if (job.state === 'Canceled') return send(res, 410);
    if (script.pageDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, script.pageDelayMs));
    // Re-read after the delay: a DELETE may have arrived meanwhile (TypeScript keeps the earlier narrowing).
    const stateNow = stateOf(job);
    if (stateNow !== 'Processing') return send(res, stateNow === 'Canceled' ? 410 : 404);
    if (script.dropJobAfterImages !== undefined && job.delivered >= script.dropJobAfterImages) {
      job.state = 'Canceled';
      job.reason = 'JobCanceledByUser';
      return send(res, 410);
    }
    if (job.jamAtImage !== undefined && job.delivered >= job.jamAtImage) {
      jammed = true;
      job.state = 'Aborted';
      job.reason = 'AdfJam';
      return send(res, 404);
    }
    const image = job.images[job.delivered];
    if (!image) {
      job.state = 'Completed';
      job.reason = 'JobCompletedSuccessfully';
      return send(res, 404);
    }
    if (job.busyLeft > 0) {
      job.busyLeft--;
      res.setHeader('retry-after', '1');
      return send(res, 503);
    }
    const bytes = await deviceImage(image.kind, image.pageNumber, job.scan);
    job.delivered++;
    job.busyLeft = script.busyBeforeEachPage;
    consumeSheet(job, image);
    if (job.scan.source === 'Platen') {
      job.state = 'Completed';
      job.reason = 'JobCompletedSuccessfully';
    }
    res.writeHead(200, { 'content-type': job.scan.format, 'content-length': bytes.length });
    res.end(bytes);
    return 200;
  }

  function send(res: ServerResponse, status: number, body = '', headers: Record<string, string> = {}): number {
    res.writeHead(status, body ? { ...xmlHeaders, ...headers } : headers);
    res.end(body);
    return status;
  }

  async function readBody(req: IncomingMessage): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<number> {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method === 'GET' && path === '/eSCL/ScannerCapabilities') return send(res, 200, capabilitiesXml(baseUrl));
    if (req.method === 'GET' && path === '/eSCL/ScannerStatus') {
      const infos = [...jobs.values()].map((j) => ({ uuid: j.uuid, state: j.state, imagesCompleted: j.delivered, reason: j.reason }));
      return send(res, 200, statusXml(activeJob() ? 'Processing' : 'Idle', adfState(), infos));
    }
    if (req.method === 'POST' && path === '/eSCL/ScanJobs') {
      const scan = parseScanSettings(await readBody(req));
      if (!scan) return send(res, 400);
      if (activeJob()) return send(res, 503);
      const job = createJob(scan);
      if (job === 'empty' || job === 'jammed') return send(res, 409);
      jobs.set(job.uuid, job);
      res.setHeader('location', `${baseUrl}/ScanJobs/${job.uuid}`);
      return send(res, 201);
    }
    const match = /^\/eSCL\/ScanJobs\/([0-9a-f-]+)(\/NextDocument|\/ScanImageInfo)?$/.exec(path);
    const job = match ? jobs.get(match[1] ?? '') : undefined;
    if (!match || !job) return send(res, 404);
    if (req.method === 'DELETE' && !match[2]) {
      if (job.state === 'Processing') {
        job.state = 'Canceled';
        job.reason = 'JobCanceledByUser';
      }
      return send(res, 200);
    }
    if (req.method === 'GET' && match[2] === '/NextDocument') return nextDocument(job, res);
    return send(res, 405);
  }

  const server = createServer((req, res) => {
    route(req, res)
      .then((status) => requests.push(`${req.method ?? '?'} ${req.url ?? ''} ${status}`))
      .catch((cause: unknown) => {
        log.error('simulated scanner failed a request', { cause: cause instanceof Error ? cause.message : String(cause) });
        if (!res.headersSent) send(res, 500);
      });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://${options.host ?? '127.0.0.1'}:${port}/eSCL`;

  return {
    baseUrl,
    port,
    requests,
    setScript(patch) {
      script = { ...script, ...patch };
      if (patch.feeder) feeder = [...patch.feeder];
    },
    loadFeeder(sheets) {
      feeder = [...sheets];
      jammed = false;
    },
    get feederSheets() {
      return feeder.length;
    },
    clearJam() {
      jammed = false;
      script = { ...script, jamAfterSheets: undefined };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
