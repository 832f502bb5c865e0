import makeMdns from 'multicast-dns';
import type { ScannerInfo } from '../scanner';

export type DiscoveryOptions = {
  readonly timeoutMs?: number;
  /** Tests use a private port on loopback; the default is the real mDNS group on every interface. */
  readonly port?: number;
  readonly interface?: string;
};

type Found = { target?: string; port?: number; txt: Map<string, string>; address?: string; name: string };

const txtEntries = (data: unknown): [string, string][] => {
  const items = Array.isArray(data) ? (data as unknown[]) : [data];
  return items.flatMap((item) => {
    const text = item instanceof Uint8Array ? new TextDecoder().decode(item) : typeof item === 'string' ? item : '';
    const eq = text.indexOf('=');
    return eq > 0 ? [[text.slice(0, eq).toLowerCase(), text.slice(eq + 1)] as [string, string]] : [];
  });
};

/** The records that matter, as multicast-dns decodes them. */
export type MdnsRecord = { readonly name: string; readonly type: string; readonly data: unknown };

/**
 * Joins PTR, SRV, TXT and A answers into devices: the base URL is http(s)://address:port/ + the `rs` TXT key
 * (usually "eSCL"). A service that never resolves to an address is left out rather than guessed.
 */
export function scannersFromRecords(records: readonly MdnsRecord[]): ScannerInfo[] {
  const services = new Map<string, Found & { tls: boolean }>();
  const addresses = new Map<string, string>();
  for (const record of records) {
    if (record.type === 'PTR' && (record.name === '_uscan._tcp.local' || record.name === '_uscans._tcp.local')) {
      const name = String(record.data);
      if (!services.has(name)) services.set(name, { name, txt: new Map(), tls: record.name.startsWith('_uscans') });
    }
    if (record.type === 'A') addresses.set(record.name, String(record.data));
  }
  for (const record of records) {
    const service = services.get(record.name);
    if (!service) continue;
    if (record.type === 'SRV' && typeof record.data === 'object' && record.data !== null) {
      const srv = record.data as { target?: unknown; port?: unknown };
      if (typeof srv.target === 'string') service.target = srv.target;
      if (typeof srv.port === 'number') service.port = srv.port;
    }
    if (record.type === 'TXT') for (const [k, v] of txtEntries(record.data)) service.txt.set(k, v);
  }
  const found: ScannerInfo[] = [];
  for (const service of services.values()) {
    const address = service.target ? addresses.get(service.target) : undefined;
    if (!address || !service.port) continue;
    const rs = (service.txt.get('rs') ?? 'eSCL').replace(/^\/+|\/+$/g, '');
    found.push({
      id: `${service.tls ? 'https' : 'http'}://${address}:${service.port}/${rs}`,
      name: service.txt.get('ty') ?? service.name.replace(/\._uscans?\._tcp\.local$/, ''),
      backend: 'escl',
    });
  }
  return found;
}

/** Asks the network for `_uscan._tcp` (and `_uscans._tcp`, TLS) and collects answers for `timeoutMs`. */
export async function discoverEsclScanners(options: DiscoveryOptions = {}): Promise<ScannerInfo[]> {
  const mdns = makeMdns({ ...(options.port === undefined ? {} : { port: options.port }), ...(options.interface === undefined ? {} : { interface: options.interface }), bind: '0.0.0.0', loopback: true, reuseAddr: true });
  const records: MdnsRecord[] = [];
  mdns.on('response', (response) => {
    for (const record of [...response.answers, ...response.additionals]) records.push({ name: record.name, type: record.type, data: 'data' in record ? record.data : undefined });
  });
  mdns.on('error', () => undefined);
  // (Bound to 0.0.0.0 above: a socket bound to the interface's own address never receives multicast.)
  // Queries sent before the socket is bound would bind it to a random port; wait for "ready".
  await new Promise<void>((resolve) => mdns.once('ready', () => resolve()));
  mdns.query({ questions: [{ name: '_uscan._tcp.local', type: 'PTR' }, { name: '_uscans._tcp.local', type: 'PTR' }] });
  await new Promise((resolve) => setTimeout(resolve, options.timeoutMs ?? 2000));
  await new Promise<void>((resolve) => mdns.destroy(() => resolve()));
  return scannersFromRecords(records);
}
