import { arch, release, type as osType } from 'node:os';
import type { DeviceLogEntry, DeviceProfile, DiscoveryReport, PermissionsReport } from '../../../src-shared/api/devices';
import type { PrinterState } from '../../../src-shared/api/printer';

export type SupportBundleInputs = {
  readonly now: number;
  readonly appVersion: string;
  readonly mode: string;
  readonly electronVersion?: string | undefined;
  readonly settings: unknown;
  readonly discovery: DiscoveryReport | undefined;
  readonly profile: DeviceProfile;
  readonly permissions: PermissionsReport;
  readonly log: readonly DeviceLogEntry[];
  readonly printer: PrinterState | undefined;
};

export const SUPPORT_BUNDLE_FORMAT = 'motcua-support-bundle';

/** Keys whose values are never copied into a bundle, whatever settings grow later (sync tokens, passwords, PINs). */
const SECRET_KEY = /secret|password|passphrase|token|credential|api-?key|private-?key|^pin$|salt|hash/i;

export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value === null || typeof value !== 'object') return value;
  const kept: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) kept[key] = SECRET_KEY.test(key) ? '[removed]' : withoutSecrets(inner);
  return kept;
}

/**
 * What a technician sends to support when a device misbehaves: versions, settings minus secrets, the devices and
 * their roles, the permission checks and the recent device log. Never personal data: print jobs are reduced to
 * counts (a slip holds a citizen's name and record code), and neither the host name, the OS user name nor the
 * data folder's path (which often contains a person's name) is included. One JSON file, not a zip: readable as
 * it is, and nothing in it is large.
 */
export function buildSupportBundle(inputs: SupportBundleInputs): { fileName: string; mimeType: string; content: string } {
  const jobCounts: Record<string, number> = {};
  for (const job of inputs.printer?.jobs ?? []) jobCounts[job.state] = (jobCounts[job.state] ?? 0) + 1;
  const bundle = {
    format: SUPPORT_BUNDLE_FORMAT,
    version: 1,
    createdAt: new Date(inputs.now).toISOString(),
    app: { name: 'motcua', version: inputs.appVersion, mode: inputs.mode },
    runtime: {
      node: process.versions.node,
      ...(inputs.electronVersion === undefined ? {} : { electron: inputs.electronVersion }),
      os: `${osType()} ${release()}`,
      platform: process.platform,
      arch: arch(),
    },
    settings: withoutSecrets(inputs.settings),
    devices: inputs.discovery ?? null,
    profile: inputs.profile,
    permissions: inputs.permissions,
    receiptPrinter:
      inputs.printer === undefined
        ? null
        : { printerId: inputs.printer.printerId, simulated: inputs.printer.simulated, status: inputs.printer.status ?? null, recentJobsByState: jobCounts },
    deviceLog: inputs.log,
  };
  const stamp = new Date(inputs.now).toISOString().replace(/[:.]/g, '-');
  return { fileName: `motcua-support-${stamp}.json`, mimeType: 'application/json', content: `${JSON.stringify(bundle, null, 2)}\n` };
}
