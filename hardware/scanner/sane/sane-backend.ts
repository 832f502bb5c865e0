import { err, ok } from '../../../src-shared/result';
import { scannerErrors } from '../errors';
import type { ScannerBackend } from '../scanner';
import { createSaneDevice, type SaneDeviceOptions } from './sane-device';
import { LIST_FORMAT, parseDeviceList } from './scanimage-options';
import { runScanimage } from './scanimage-run';

/** SANE on Linux through `scanimage` (sane-utils): every SANE driver, including sane-airscan, behind one backend. */
export function createSaneBackend(options: SaneDeviceOptions = {}): ScannerBackend {
  const env = options.env ?? process.env;
  const names = new Map<string, string>();
  return {
    kind: 'sane',
    async list() {
      const run = await runScanimage(['-f', LIST_FORMAT], { env, timeoutMs: options.timeoutMs ?? 30_000 });
      if (run.code !== 0) return err(scannerErrors.saneFailed(run.stderr.trim() || `exit ${String(run.code)}`));
      const devices = parseDeviceList(run.stdout);
      for (const d of devices) names.set(d.id, d.name);
      return ok(devices);
    },
    open(id) {
      if (id.length === 0 || id.includes('\n')) return err(scannerErrors.badAddress(id));
      return ok(createSaneDevice({ id, name: names.get(id) ?? id, backend: 'sane' }, options));
    },
  };
}
