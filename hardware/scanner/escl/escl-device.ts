import { createLogger } from '../../../src-shared/log';
import { err, ok, type Result } from '../../../src-shared/result';
import { causeText, scannerErrors, type ScannerFailure } from '../errors';
import { detectFormat } from '../page-format';
import type { ScannerCapabilities, ScannerDevice, ScannerInfo, ScanSettings, ScanSink, ScanTransfer } from '../scanner';
import { httpExchange, sleep, type HttpAnswer } from './http';
import { chooseFormat, scanSettingsXml } from './scan-settings-xml';
import { parseCapabilities, parseStatus, type EsclStatus } from './xml';

const log = createLogger('scanner.escl');

export type EsclTimings = {
  /** Per request; a page at 600 dpi from a slow device can take this long to arrive. */
  readonly requestTimeoutMs: number;
  /** Wait after a 503 (the device is still scanning the sheet). */
  readonly busyRetryDelayMs: number;
  /** 503s in a row before giving up on a page (30 × 1 s covers a cold lamp warming up). */
  readonly maxBusyRetries: number;
  /** Network errors in a row tolerated per page (Wi-Fi scanners drop a connection now and then). */
  readonly maxNetworkRetries: number;
};

export const defaultEsclTimings: EsclTimings = { requestTimeoutMs: 30_000, busyRetryDelayMs: 1000, maxBusyRetries: 30, maxNetworkRetries: 3 };

const decode = (answer: HttpAnswer) => new TextDecoder().decode(answer.body);

/** A device from its eSCL base URL, e.g. http://192.168.1.60/eSCL (what mDNS's `rs` TXT key points to). */
export function createEsclDevice(baseUrl: string, name = 'eSCL', timings: Partial<EsclTimings> = {}): ScannerDevice {
  const t = { ...defaultEsclTimings, ...timings };
  const base = baseUrl.replace(/\/+$/, '');
  const info: ScannerInfo = { id: base, name, backend: 'escl' };
  let capsCache: ScannerCapabilities | undefined;

  const get = (path: string, signal?: AbortSignal) => httpExchange({ method: 'GET', url: `${base}/${path}`, timeoutMs: t.requestTimeoutMs, ...(signal ? { signal } : {}) });

  async function capabilities(): Promise<Result<ScannerCapabilities, ScannerFailure>> {
    if (capsCache) return ok(capsCache);
    const answer = await get('ScannerCapabilities');
    if (!answer.ok) return answer;
    if (answer.value.status !== 200) return err(scannerErrors.badResponse(`ScannerCapabilities HTTP ${answer.value.status}`));
    const parsed = parseCapabilities(decode(answer.value));
    if (parsed.ok) capsCache = parsed.value;
    return parsed;
  }

  async function status(): Promise<Result<EsclStatus, ScannerFailure>> {
    const answer = await get('ScannerStatus');
    if (!answer.ok) return answer;
    if (answer.value.status !== 200) return err(scannerErrors.badResponse(`ScannerStatus HTTP ${answer.value.status}`));
    return parseStatus(decode(answer.value));
  }

  /** Why a job ended early, read from ScannerStatus as real clients do after a 404/409. */
  async function explainStop(jobUuid: string | undefined, pages: number): Promise<ScannerFailure | undefined> {
    const s = await status();
    if (!s.ok) return undefined;
    const job = s.value.jobs.find((j) => j.uuid === jobUuid);
    const feeder = s.value.feeder;
    if (feeder === 'jam' || feeder === 'mispick' || feeder === 'multipick') return scannerErrors.jam(pages);
    if (feeder === 'hatch-open') return scannerErrors.coverOpen();
    if (job?.state === 'Aborted') return scannerErrors.badResponse(`job aborted: ${job.reasons.join(', ')}`);
    if (pages === 0 && feeder === 'empty') return scannerErrors.feederEmpty();
    return undefined;
  }

  async function createJob(settings: ScanSettings, signal?: AbortSignal): Promise<Result<string, ScannerFailure>> {
    const caps = await capabilities();
    if (!caps.ok) return caps;
    const source = settings.source === 'feeder' ? caps.value.feeder : caps.value.platen;
    if (!source) return err(scannerErrors.unsupported(settings.source === 'feeder' ? 'khay nạp giấy / document feeder' : 'mặt kính / flatbed'));
    if (settings.duplex && !caps.value.feeder?.duplex) return err(scannerErrors.unsupported('quét hai mặt / duplex'));
    const body = scanSettingsXml(settings, chooseFormat(source), source);
    for (let attempt = 0; ; attempt++) {
      const answer = await httpExchange({ method: 'POST', url: `${base}/ScanJobs`, body, timeoutMs: t.requestTimeoutMs, ...(signal ? { signal } : {}) });
      if (!answer.ok) return answer;
      const { status: code, headers } = answer.value;
      if (code === 201) {
        const location = headers.get('location');
        if (!location) return err(scannerErrors.badResponse('ScanJobs without Location'));
        return ok(new URL(location, `${base}/`).href.replace(/\/+$/, ''));
      }
      if (code === 503 && attempt < t.maxBusyRetries) {
        await sleep(t.busyRetryDelayMs, signal);
        if (signal?.aborted) return err(scannerErrors.cancelled());
        continue;
      }
      if (code === 503) return err(scannerErrors.busy());
      if (code === 409) return err((await explainStop(undefined, 0)) ?? scannerErrors.busy());
      return err(scannerErrors.badResponse(`ScanJobs HTTP ${code}`));
    }
  }

  async function cancelJob(jobUrl: string): Promise<void> {
    const answer = await httpExchange({ method: 'DELETE', url: jobUrl, timeoutMs: 5000 });
    log.info('scan job cancelled', { status: answer.ok ? answer.value.status : answer.error.code });
  }

  async function scan(settings: ScanSettings, sink: ScanSink): Promise<Result<ScanTransfer, ScannerFailure>> {
    const job = await createJob(settings, sink.signal);
    if (!job.ok) return job;
    const jobUrl = job.value;
    const jobUuid = jobUrl.split('/').pop();
    let pages = 0;
    let busy = 0;
    let networkErrors = 0;
    const stop = async (failure: ScannerFailure) => {
      await cancelJob(jobUrl);
      return err(failure);
    };
    for (;;) {
      if (sink.signal?.aborted) return stop(scannerErrors.cancelled());
      const answer = await httpExchange({ method: 'GET', url: `${jobUrl}/NextDocument`, timeoutMs: t.requestTimeoutMs, ...(sink.signal ? { signal: sink.signal } : {}) });
      if (!answer.ok) {
        if (answer.error.code === 'scanner.cancelled') return stop(answer.error);
        if (++networkErrors > t.maxNetworkRetries) return stop(answer.error);
        log.warn('NextDocument failed, retrying', { code: answer.error.code, attempt: networkErrors });
        await sleep(t.busyRetryDelayMs, sink.signal);
        continue;
      }
      networkErrors = 0;
      const code = answer.value.status;
      if (code === 200) {
        busy = 0;
        const format = detectFormat(answer.value.body);
        if (!format) return stop(scannerErrors.badResponse('NextDocument is not PNG or JPEG'));
        const side = settings.source === 'feeder' && settings.duplex && pages % 2 === 1 ? 'back' : 'front';
        try {
          await sink.onPage({ index: pages, side, format, bytes: answer.value.body, dpi: settings.dpi });
        } catch (cause: unknown) {
          // The page could not be kept (disk full…): stop the device rather than scan paper that is then lost.
          return stop(scannerErrors.storageFailed(causeText(cause)));
        }
        pages++;
        // A flatbed gives one image; asking again makes some devices start a second scan.
        if (settings.source === 'platen') return ok({ pages });
        continue;
      }
      if (code === 503) {
        if (++busy > t.maxBusyRetries) return stop(scannerErrors.timeout('NextDocument 503'));
        await sleep(t.busyRetryDelayMs, sink.signal);
        continue;
      }
      if (code === 404) {
        const why = await explainStop(jobUuid, pages);
        return why ? err(why) : ok({ pages });
      }
      if (code === 410) return err(sink.signal?.aborted ? scannerErrors.cancelled() : scannerErrors.jobGone());
      return stop(scannerErrors.badResponse(`NextDocument HTTP ${code}`));
    }
  }

  return {
    info,
    capabilities,
    async status() {
      const s = await status();
      return s.ok ? ok({ state: s.value.state, ...(s.value.feeder ? { feeder: s.value.feeder } : {}) }) : s;
    },
    scan,
  };
}
