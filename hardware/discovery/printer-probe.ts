import type { DiscoveredDevice } from '../../src-shared/api/devices';
import { ok, type Failure, type Result } from '../../src-shared/result';
import { queryPrinterStatus, type PrinterStatus, type PrinterTransport } from '../printer';
import type { PrinterFailure } from '../printer/errors';
import { openSerialPrinter } from '../transports/serial-port';
import { openTcpPrinter, parseTcpPrinterUrl } from '../transports/tcp-printer';
import type { DiscoverySource } from './source';

export type ProbeTarget =
  | { readonly kind: 'tcp'; readonly url: string; readonly name?: string; readonly simulated?: boolean; readonly configured?: boolean }
  | { readonly kind: 'serial'; readonly path: string; readonly baudRate: number };

export type OpenPrinter = (target: ProbeTarget) => Promise<Result<PrinterTransport, Failure>>;

/** A short connect timeout: a probe of a switched-off printer must not hold the console for the default 3 s. */
export const openProbeTarget: OpenPrinter = async (target) => {
  if (target.kind === 'serial') return openSerialPrinter({ path: target.path, baudRate: target.baudRate, writeTimeoutMs: 2000 });
  const address = parseTcpPrinterUrl(target.url);
  if (!address.ok) return address;
  return openTcpPrinter({ host: address.value.host, port: address.value.port, connectTimeoutMs: 1500 });
};

export const deviceIdOf = (target: ProbeTarget): string => {
  if (target.kind === 'serial') return `serial:${target.path}`;
  const address = parseTcpPrinterUrl(target.url);
  return address.ok ? `tcp:${address.value.host}:${address.value.port}` : `tcp:${target.url}`;
};

/** online and nothing wrong → ready; paper out, cover open, error → error; offline → offline. */
export function stateOfStatus(status: PrinterStatus): DiscoveredDevice['state'] {
  if (status.coverOpen || status.paperOut || status.error) return 'error';
  return status.online ? 'ready' : 'offline';
}

/**
 * Asks one printer DLE EOT 1–4. A printer that does not answer is still listed (offline, with the reason), so
 * the technician sees the address they typed and why it failed rather than nothing.
 */
export async function probePrinter(target: ProbeTarget, open: OpenPrinter = openProbeTarget, timeoutMs = 1000): Promise<DiscoveredDevice> {
  const id = deviceIdOf(target);
  const path = target.kind === 'serial' ? target.path : target.url;
  const base: DiscoveredDevice = {
    id,
    bus: target.kind === 'serial' ? 'serial' : 'network',
    name: target.kind === 'tcp' ? (target.name ?? `ESC/POS ${target.url.replace(/^tcp:\/\//, '')}`) : `ESC/POS ${target.path}`,
    path,
    suggestedRole: 'receipt-printer',
    actions: ['status', 'print-test'],
    state: 'offline',
    simulated: target.kind === 'tcp' && target.simulated === true,
    ...(target.kind === 'tcp' && target.configured === true ? { configured: true } : {}),
  };
  const opened = await open(target);
  if (!opened.ok) return { ...base, lastError: opened.error };
  try {
    const status: Result<PrinterStatus, PrinterFailure | Failure> = await queryPrinterStatus(opened.value, timeoutMs);
    if (!status.ok) return { ...base, lastError: status.error };
    const { raw: _raw, ...printer } = status.value;
    return { ...base, state: stateOfStatus(status.value), printer };
  } finally {
    await opened.value.close();
  }
}

/** Probes a fixed list of printers (the configured one, remembered addresses, serial lines named as printers). */
export function createPrinterProbeSource(name: string, targets: () => readonly ProbeTarget[], open: OpenPrinter = openProbeTarget): DiscoverySource {
  return {
    name,
    kind: 'probe',
    async scan() {
      const found = await Promise.all(targets().map((target) => probePrinter(target, open)));
      return ok(found);
    },
  };
}
