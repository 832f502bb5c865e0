import type { DiscoveredDevice, SourceReport } from '../../src-shared/api/devices';
import type { Failure, Result } from '../../src-shared/result';

/**
 * One place devices are found: a bus (serial, HID, PC/SC), the printer class devices, or probed addresses.
 * `scan` never throws: a source that cannot look (addon missing, pcscd not running) answers a failure, which the
 * console shows as that source's state.
 */
export type DiscoverySource = {
  /** Short and stable: it names the source in the console, the log and the support bundle. */
  readonly name: string;
  /**
   * `local`: cheap and harmless to run every couple of seconds (lists a bus, sends nothing to a device).
   * `probe`: talks to devices (DLE EOT to a printer): run only when the technician asks.
   */
  readonly kind: 'local' | 'probe';
  scan(): Promise<Result<readonly DiscoveredDevice[], Failure>>;
};

/** Whether a failure means "this kind of device cannot be looked for here" rather than "the look went wrong". */
export const isUnavailable = (failure: Failure): boolean => failure.code === 'discovery.source-unavailable' || failure.code === 'pcsc.unavailable';

export const reportOf = (source: string, result: Result<readonly DiscoveredDevice[], Failure>): SourceReport =>
  result.ok
    ? { source, state: 'ok', count: result.value.length }
    : { source, state: isUnavailable(result.error) ? 'unavailable' : 'error', count: 0, error: result.error };
