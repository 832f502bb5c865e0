import type { KnownDevice } from '../../src-shared/api/system';

/**
 * The devices this host knows. Device classes (card reader, printer, scanner) register here as their adapters
 * come up; `system.info` reports exactly what is registered, never a device that is not there.
 */
export type DeviceRegistry = {
  list(): readonly KnownDevice[];
  upsert(device: KnownDevice): void;
  remove(id: string): void;
};

export function createDeviceRegistry(): DeviceRegistry {
  const devices = new Map<string, KnownDevice>();
  return {
    list: () => [...devices.values()],
    upsert: (device) => {
      devices.set(device.id, device);
    },
    remove: (id) => {
      devices.delete(id);
    },
  };
}
