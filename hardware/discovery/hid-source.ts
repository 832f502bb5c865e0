import type { DiscoveredDevice } from '../../src-shared/api/devices';
import { err, ok } from '../../src-shared/result';
import { discoveryErrors, messageOf } from './errors';
import type { DiscoverySource } from './source';
import { normalizeUsbId, vendorOf } from './vendors';

/** What node-hid's `devicesAsync()` answers, narrowed to what we use. */
export type HidDeviceInfo = {
  readonly vendorId: number;
  readonly productId: number;
  readonly path?: string | undefined;
  readonly serialNumber?: string | undefined;
  readonly manufacturer?: string | undefined;
  readonly product?: string | undefined;
  readonly interface: number;
  readonly usagePage?: number | undefined;
  readonly usage?: number | undefined;
};

export type ListHidDevices = () => Promise<readonly HidDeviceInfo[]>;

/** node-hid is loaded on first use, like the PC/SC addon: no hidapi → the source is "unavailable", not a crash. */
const listWithNodeHid: ListHidDevices = async () => {
  const hid = await import('node-hid');
  return hid.devicesAsync();
};

/** HID usage page 0x8C is "bar code scanner" (HID POS); page 1 usage 6 a keyboard, which is how most scanners type. */
const BARCODE_USAGE_PAGE = 0x8c;

/**
 * One entry per USB device, not per HID interface: a scanner shows up as a keyboard and a HID-POS interface, and
 * the technician gives the device one role. The id leaves out the hidraw path, which changes on every re-plug.
 */
export function hidDevicesOf(infos: readonly HidDeviceInfo[]): DiscoveredDevice[] {
  const byId = new Map<string, DiscoveredDevice>();
  for (const info of infos) {
    const vendorId = normalizeUsbId(info.vendorId) ?? '0000';
    const productId = normalizeUsbId(info.productId) ?? '0000';
    const id = `hid:${vendorId}:${productId}${info.serialNumber ? `:${info.serialNumber}` : ''}`;
    const vendor = vendorOf(vendorId);
    const suggested = info.usagePage === BARCODE_USAGE_PAGE ? 'barcode-scanner' : vendor?.suggests;
    const existing = byId.get(id);
    if (existing) {
      if (existing.suggestedRole === undefined && suggested !== undefined) byId.set(id, { ...existing, suggestedRole: suggested });
      continue;
    }
    const name = [info.manufacturer ?? vendor?.name, info.product].filter((part) => part !== undefined && part !== '').join(' ') || `HID ${vendorId}:${productId}`;
    byId.set(id, {
      id,
      bus: 'hid',
      name,
      vendorId,
      productId,
      ...(vendor === undefined ? {} : { vendorName: vendor.name }),
      ...(info.path === undefined ? {} : { path: info.path }),
      ...(suggested === undefined ? {} : { suggestedRole: suggested }),
      actions: [],
      state: 'present',
      simulated: false,
    });
  }
  return [...byId.values()];
}

export function createHidSource(list: ListHidDevices = listWithNodeHid): DiscoverySource {
  return {
    name: 'hid',
    kind: 'local',
    async scan() {
      try {
        return ok(hidDevicesOf(await list()));
      } catch (cause: unknown) {
        const detail = messageOf(cause);
        return err(/Cannot find module|binding|\.node|hidapi/.test(detail) ? discoveryErrors.unavailable('HID', detail) : discoveryErrors.failed('HID', detail));
      }
    },
  };
}
