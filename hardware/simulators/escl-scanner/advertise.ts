import makeMdns from 'multicast-dns';
import type { EsclSimulator } from './simulator';

const instance = 'MotCua Sim._uscan._tcp.local';
const host = 'motcua-sim.local';

/** PTR, SRV, TXT and A, as an AirScan device announces itself. */
export function advertisementRecords(port: number) {
  return [
    { name: '_uscan._tcp.local', type: 'PTR', data: instance },
    { name: instance, type: 'SRV', data: { port, target: host, priority: 0, weight: 0 } },
    {
      name: instance,
      type: 'TXT',
      data: ['txtvers=1', 'rs=eSCL', 'ty=MotCua eSCL Simulator DS-50', 'pdl=image/jpeg,image/png', 'cs=binary,grayscale,color', 'is=platen,adf', 'duplex=T', 'UUID=4509a320-00a0-008f-00b6-00559a327d32'],
    },
    { name: host, type: 'A', data: '127.0.0.1' },
  ] as const;
}

export type MdnsOptions = { readonly port?: number; readonly interface?: string };

/**
 * Answers mDNS queries for `_uscan._tcp.local` the way an AirScan device does (PTR → SRV + TXT + A, TXT keys
 * from the Mopria eSCL spec: rs, ty, pdl, cs, is, duplex, UUID). Tests run it on a private port so they neither
 * need nor disturb the host's avahi.
 */
export function advertiseEscl(simulator: EsclSimulator, options: MdnsOptions = {}): { close(): Promise<void> } {
  // Bound to the wildcard address: a socket bound to the interface's unicast address never sees multicast.
  const mdns = makeMdns({ port: options.port ?? 5353, ...(options.interface === undefined ? {} : { interface: options.interface }), bind: '0.0.0.0', loopback: true, reuseAddr: true });
  mdns.on('error', () => undefined);
  mdns.on('query', (query) => {
    if (!query.questions.some((q) => q.name === '_uscan._tcp.local')) return;
    const [ptr, srv, txt, a] = advertisementRecords(simulator.port);
    mdns.respond({
      answers: [{ ...ptr, type: 'PTR', ttl: 120 }],
      additionals: [
        { ...srv, type: 'SRV', ttl: 120 },
        { ...txt, type: 'TXT', ttl: 120, data: [...txt.data] },
        { ...a, type: 'A', ttl: 120 },
      ],
    });
  });
  return { close: () => new Promise<void>((resolve) => mdns.destroy(() => resolve())) };
}
