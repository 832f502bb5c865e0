import { readdir } from 'node:fs/promises';
import type { DiscoveredDevice } from '../../src-shared/api/devices';
import { err, ok } from '../../src-shared/result';
import { discoveryErrors, messageOf } from './errors';
import type { DiscoverySource } from './source';

export type ListDir = (path: string) => Promise<readonly string[]>;

/**
 * USB printers bound to the kernel's printer class driver appear as /dev/usb/lp0…: write-only (see
 * hardware/printer/usb-lp-transport.ts), so the console can print a test page but not read a status.
 */
export function createUsbPrinterSource(options: { readonly dir?: string; readonly list?: ListDir } = {}): DiscoverySource {
  const dir = options.dir ?? '/dev/usb';
  const list = options.list ?? ((path: string) => readdir(path));
  return {
    name: 'usb-printer',
    kind: 'local',
    async scan() {
      let names: readonly string[];
      try {
        names = await list(dir);
      } catch (cause: unknown) {
        // No /dev/usb at all is the usual case on a machine without a USB printer: nothing found, not a failure.
        if (cause instanceof Error && 'code' in cause && cause.code === 'ENOENT') return ok([]);
        return err(discoveryErrors.failed('USB printer', messageOf(cause)));
      }
      const devices: DiscoveredDevice[] = names
        .filter((name) => /^lp\d+$/.test(name))
        .sort()
        .map((name) => ({
          id: `usb-printer:${dir}/${name}`,
          bus: 'usb-printer',
          name: `USB printer ${dir}/${name}`,
          path: `${dir}/${name}`,
          suggestedRole: 'receipt-printer',
          actions: ['print-test'],
          state: 'present',
          simulated: false,
        }));
      return ok(devices);
    },
  };
}
