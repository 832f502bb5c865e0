import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../../src-shared/log';
import { err, ok, type Result } from '../../../src-shared/result';
import { causeText, scannerErrors, type ScannerFailure } from '../errors';
import type { ScannerCapabilities, ScannerDevice, ScannerInfo, ScanSettings, ScanSink, ScanTransfer } from '../scanner';
import { capabilitiesFromOptions, isDuplexName, isFeederName, isPlatenName, modeNames, parseOptions, type SaneOption } from './scanimage-options';
import { runScanimage, type RunOutput } from './scanimage-run';

const log = createLogger('scanner.sane');

export type SaneDeviceOptions = {
  /** The environment scanimage runs in: SANE_CONFIG_DIR chooses the backends (tests enable `test` and `airscan`). */
  readonly env?: NodeJS.ProcessEnv;
  /** Backend-specific options appended to every scan, e.g. the test backend's `--test-picture Grid`. */
  readonly extraArgs?: readonly string[];
  readonly timeoutMs?: number;
};

/** scanimage's messages (sane_strstatus) mapped to what the officer can act on. */
function explain(run: RunOutput, pages: number, aborted: boolean): ScannerFailure | undefined {
  const text = run.stderr;
  if (aborted) return scannerErrors.cancelled();
  if (/jammed/i.test(text)) return scannerErrors.jam(pages);
  if (/cover (is )?open/i.test(text)) return scannerErrors.coverOpen();
  if (/out of documents|no documents/i.test(text)) return pages === 0 ? scannerErrors.feederEmpty() : undefined;
  if (run.code === 0 || (run.batchEnded && run.signal === 'SIGKILL')) return undefined;
  if (/busy/i.test(text)) return scannerErrors.busy();
  if (/open of device .* failed|invalid argument/i.test(text)) return scannerErrors.saneFailed(text.trim().split('\n').pop() ?? text);
  return scannerErrors.saneFailed(text.trim().split('\n').pop() ?? `exit ${String(run.code ?? run.signal)}`);
}

const pick = (option: SaneOption | undefined, accept: (v: string) => boolean) => option?.values.find(accept);

export function createSaneDevice(info: ScannerInfo, options: SaneDeviceOptions = {}): ScannerDevice {
  let saneOptions: Map<string, SaneOption> | undefined;
  const env = options.env ?? process.env;

  async function readOptions(): Promise<Result<Map<string, SaneOption>, ScannerFailure>> {
    if (saneOptions) return ok(saneOptions);
    const run = await runScanimage(['-d', info.id, '-A'], { env, timeoutMs: options.timeoutMs ?? 30_000 });
    if (run.code !== 0) return err(scannerErrors.saneFailed(run.stderr.trim() || `exit ${String(run.code)}`));
    saneOptions = parseOptions(run.stdout);
    return ok(saneOptions);
  }

  async function capabilities(): Promise<Result<ScannerCapabilities, ScannerFailure>> {
    const opts = await readOptions();
    return opts.ok ? ok(capabilitiesFromOptions(opts.value, info.name)) : opts;
  }

  function scanArgs(settings: ScanSettings, opts: Map<string, SaneOption>, dir: string): Result<string[], ScannerFailure> {
    const args = ['-d', info.id, '--format=png', `--batch=${join(dir, 'p%04d.png')}`, '--batch-print', '--resolution', String(settings.dpi)];
    const mode = pick(opts.get('mode'), (v) => modeNames[settings.colour].includes(v)) ?? pick(opts.get('mode'), (v) => modeNames.grey.includes(v));
    if (mode) args.push('--mode', mode);
    const sourceOption = opts.get('source');
    if (sourceOption) {
      const source =
        settings.source === 'platen'
          ? pick(sourceOption, isPlatenName)
          : settings.duplex
            ? pick(sourceOption, (v) => isFeederName(v) && isDuplexName(v))
            : pick(sourceOption, (v) => isFeederName(v) && !isDuplexName(v));
      if (!source) return err(scannerErrors.unsupported(settings.source === 'feeder' ? (settings.duplex ? 'quét hai mặt / duplex' : 'khay nạp giấy / document feeder') : 'mặt kính / flatbed'));
      args.push('--source', source);
    } else if (settings.source === 'feeder') return err(scannerErrors.unsupported('khay nạp giấy / document feeder'));
    // A4 where the device allows it (some, like the test backend, are smaller: take their maximum).
    const x = opts.get('x')?.range;
    const y = opts.get('y')?.range;
    if (x) args.push('-x', String(Math.min(210, x.max)));
    if (y) args.push('-y', String(Math.min(297, y.max)));
    if (settings.source === 'platen') args.push('--batch-count=1');
    return ok([...args, ...(options.extraArgs ?? [])]);
  }

  async function scan(settings: ScanSettings, sink: ScanSink): Promise<Result<ScanTransfer, ScannerFailure>> {
    const opts = await readOptions();
    if (!opts.ok) return opts;
    const dir = await mkdtemp(join(tmpdir(), 'motcua-sane-'));
    try {
      const args = scanArgs(settings, opts.value, dir);
      if (!args.ok) return args;
      let pages = 0;
      let delivery = Promise.resolve();
      let deliveryFailure: unknown;
      const run = await runScanimage(args.value, {
        env,
        ...(sink.signal ? { signal: sink.signal } : {}),
        timeoutMs: options.timeoutMs ?? 10 * 60_000,
        onLine: (line) => {
          const file = line.trim();
          if (!file.endsWith('.png')) return;
          // Batch mode prints the name once the page file is complete; pages are handed on in order.
          delivery = delivery.then(async () => {
            // After a cancel, pages scanimage still finishes are not handed on: the job is being thrown away.
            if (sink.signal?.aborted) return;
            try {
              const bytes = new Uint8Array(await readFile(file));
              const side = settings.duplex && pages % 2 === 1 ? 'back' : 'front';
              await sink.onPage({ index: pages, side, format: 'image/png', bytes, dpi: settings.dpi });
              pages++;
            } catch (cause: unknown) {
              deliveryFailure ??= cause;
            }
          });
        },
      });
      await delivery;
      if (deliveryFailure !== undefined) return err(scannerErrors.storageFailed(causeText(deliveryFailure)));
      const failure = explain(run, pages, sink.signal?.aborted ?? false);
      log.info('scanimage finished', { code: run.code, pages, failure: failure?.code });
      return failure ? err(failure) : ok({ pages });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  return {
    info,
    capabilities,
    async status() {
      // SANE has no idle status query: a device that answers its options is ready.
      const opts = await readOptions();
      return opts.ok ? ok({ state: 'idle' }) : opts;
    },
    scan,
  };
}
