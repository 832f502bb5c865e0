import type { DiscoveredDevice } from '../../src-shared/api/devices';
import { ok, type Failure, type Result } from '../../src-shared/result';
import { listPcscReaders, type PcscReader } from '../transports/pcsc';
import type { DiscoverySource } from './source';

export type ListReaders = () => Promise<Result<readonly PcscReader[], Failure>>;

/** A reader's id is its PC/SC name ("ACS ACR1252 Dual Reader [ACR1252 Dual Reader PICC] 00 00"): stable per socket. */
export function readerDeviceOf(reader: PcscReader): DiscoveredDevice {
  return {
    id: `pcsc:${reader.name}`,
    bus: 'pcsc',
    name: reader.name,
    path: reader.name,
    suggestedRole: 'id-card-reader',
    actions: ['read-card'],
    state: 'ready',
    card: reader.atr === undefined ? { present: reader.cardPresent } : { present: reader.cardPresent, atr: reader.atr },
    simulated: false,
  };
}

/** Readers through pcscd; `pcsc.unavailable` (service not running, library missing) passes through as the source's state. */
export function createPcscSource(list: ListReaders = listPcscReaders): DiscoverySource {
  return {
    name: 'pcsc',
    kind: 'local',
    async scan() {
      const readers = await list();
      if (!readers.ok) return readers;
      return ok(readers.value.map(readerDeviceOf));
    },
  };
}
