import { ok, type Result } from '../../../src-shared/result';
import { scannerErrors, type ScannerFailure } from '../errors';
import type { ScannerBackend, ScannerDevice } from '../scanner';
import { discoverEsclScanners, type DiscoveryOptions } from './discovery';
import { createEsclDevice, type EsclTimings } from './escl-device';

export type EsclBackendOptions = {
  /** Devices configured by address (a technician's setting); listed whether or not mDNS finds them. */
  readonly known?: readonly { readonly url: string; readonly name?: string }[];
  readonly discovery?: DiscoveryOptions | false;
  readonly timings?: Partial<EsclTimings>;
};

export const isEsclUrl = (value: string): boolean => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

export function createEsclBackend(options: EsclBackendOptions = {}): ScannerBackend {
  const names = new Map((options.known ?? []).map((k) => [k.url.replace(/\/+$/, ''), k.name ?? 'eSCL']));
  return {
    kind: 'escl',
    async list() {
      const discovered = options.discovery === false ? [] : await discoverEsclScanners(options.discovery ?? {});
      for (const d of discovered) if (!names.has(d.id)) names.set(d.id, d.name);
      return ok([...names].map(([id, name]) => ({ id, name, backend: 'escl' as const })));
    },
    open(id): Result<ScannerDevice, ScannerFailure> {
      if (!isEsclUrl(id)) return { ok: false, error: scannerErrors.badAddress(id) };
      return ok(createEsclDevice(id, names.get(id.replace(/\/+$/, '')) ?? 'eSCL', options.timings));
    },
  };
}
