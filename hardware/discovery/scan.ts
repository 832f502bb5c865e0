import type { DiscoveredDevice, DiscoveryReport, SourceReport } from '../../src-shared/api/devices';
import { err, type Failure, type Result } from '../../src-shared/result';
import { discoveryErrors, messageOf } from './errors';
import { reportOf, type DiscoverySource } from './source';

/**
 * Joins what the sources found. A probe of a serial line that a bus listing already has (same path) adds its
 * live status to that entry, so a USB serial printer keeps its vendor-based id (its role survives re-plugging)
 * and is not listed twice. Otherwise the same id from a later source refines the earlier one.
 */
export function mergeDevices(lists: readonly (readonly DiscoveredDevice[])[]): DiscoveredDevice[] {
  const byId = new Map<string, DiscoveredDevice>();
  const idByPath = new Map<string, string>();
  for (const list of lists) {
    for (const device of list) {
      const samePath = device.path === undefined ? undefined : idByPath.get(`${device.bus}|${device.path}`);
      const id = samePath ?? device.id;
      const earlier = byId.get(id);
      const merged: DiscoveredDevice = earlier === undefined ? device : { ...earlier, ...device, id, name: earlier.name, ...(earlier.vendorId === undefined ? {} : { vendorId: earlier.vendorId }) };
      byId.set(id, merged);
      if (device.path !== undefined) idByPath.set(`${device.bus}|${device.path}`, id);
    }
  }
  return [...byId.values()].sort((a, b) => a.bus.localeCompare(b.bus) || a.id.localeCompare(b.id));
}

async function scanOne(source: DiscoverySource): Promise<Result<readonly DiscoveredDevice[], Failure>> {
  try {
    return await source.scan();
  } catch (cause: unknown) {
    // Sources promise not to throw; one that does is reported like any failed source, never crashes the host.
    return err(discoveryErrors.failed(source.name, messageOf(cause)));
  }
}

/** Runs the sources side by side; a failing source leaves the others' devices intact. */
export async function runDiscovery(sources: readonly DiscoverySource[], now: () => number = Date.now): Promise<DiscoveryReport> {
  const results = await Promise.all(sources.map(scanOne));
  const reports: SourceReport[] = sources.map((source, i) => reportOf(source.name, results[i] ?? { ok: true, value: [] }));
  const lists = results.map((r) => (r.ok ? r.value : []));
  return { devices: mergeDevices(lists), sources: reports, scannedAt: now() };
}
