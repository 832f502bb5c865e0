import type { DiscoveredDevice } from '../../src-shared/api/devices';
import { err, ok } from '../../src-shared/result';
import { discoverEsclScanners } from '../scanner/escl';
import { discoveryErrors, messageOf } from './errors';
import type { DiscoverySource } from './source';

/** What hardware/scanner's eSCL discovery answers: `id` is the scanner's base URL (http://address:port/eSCL). */
export type FoundScanner = { readonly id: string; readonly name: string };

const discoverOnNetwork = (): Promise<readonly FoundScanner[]> => discoverEsclScanners({ timeoutMs: 1500 });

/**
 * Network document scanners that announce `_uscan._tcp` over mDNS, found by hardware/scanner. A `probe` source:
 * each look listens on the network for 1.5 s, so it runs when the technician asks, never on the hot-plug tick.
 */
export function createEsclSource(discover: () => Promise<readonly FoundScanner[]> = discoverOnNetwork): DiscoverySource {
  return {
    name: 'escl',
    kind: 'probe',
    async scan() {
      let found: readonly FoundScanner[];
      try {
        found = await discover();
      } catch (cause: unknown) {
        return err(discoveryErrors.failed('eSCL', messageOf(cause)));
      }
      return ok(
        found.map(
          (scanner): DiscoveredDevice => ({
            id: `escl:${scanner.id}`,
            bus: 'escl',
            name: scanner.name.slice(0, 300),
            path: scanner.id,
            suggestedRole: 'document-scanner',
            // Test scans belong to the scanner screen (hardware/scanner), not to this console yet.
            actions: [],
            state: 'present',
            simulated: false,
          }),
        ),
      );
    },
  };
}
