import type { DiscoveredDevice } from '../../src-shared/api/devices';
import { err, ok } from '../../src-shared/result';
import { discoveryErrors, messageOf } from './errors';
import type { DiscoverySource } from './source';
import { normalizeUsbId, vendorOf } from './vendors';

/** What `SerialPort.list()` answers (serialport's PortInfo), narrowed to what we use. */
export type SerialPortInfo = {
  readonly path: string;
  readonly manufacturer?: string | undefined;
  readonly serialNumber?: string | undefined;
  readonly vendorId?: string | undefined;
  readonly productId?: string | undefined;
};

export type ListSerialPorts = () => Promise<readonly SerialPortInfo[]>;

/** serialport is loaded on first use: a host whose native binding is missing still starts and says so. */
const listWithSerialport: ListSerialPorts = async () => {
  const { SerialPort } = await import('serialport');
  return SerialPort.list();
};

/**
 * A USB serial line is identified by vendor, product and serial number, so its role survives being plugged into
 * another socket (ttyUSB0 becomes ttyUSB1); a built-in port (ttyS0) has only its path.
 */
export function serialDeviceOf(port: SerialPortInfo): DiscoveredDevice {
  const vendorId = normalizeUsbId(port.vendorId);
  const productId = normalizeUsbId(port.productId);
  const vendor = vendorOf(vendorId);
  const id = vendorId && productId ? `serial:${vendorId}:${productId}:${port.serialNumber ?? port.path}` : `serial:${port.path}`;
  const name = [port.manufacturer ?? vendor?.name, port.path].filter((part) => part !== undefined && part !== '').join(' — ');
  return {
    id,
    bus: 'serial',
    name,
    ...(vendorId === undefined ? {} : { vendorId }),
    ...(productId === undefined ? {} : { productId }),
    ...(vendor === undefined ? {} : { vendorName: vendor.name }),
    path: port.path,
    ...(vendor?.suggests === undefined ? {} : { suggestedRole: vendor.suggests }),
    // A serial line may be a printer, a queue display or a keypad: only a line named as a printer is probed.
    actions: ['status', 'print-test'],
    state: 'present',
    simulated: false,
  };
}

export function createSerialSource(list: ListSerialPorts = listWithSerialport): DiscoverySource {
  return {
    name: 'serial',
    kind: 'local',
    async scan() {
      let ports: readonly SerialPortInfo[];
      try {
        ports = await list();
      } catch (cause: unknown) {
        const detail = messageOf(cause);
        return err(/Cannot find module|binding|\.node/.test(detail) ? discoveryErrors.unavailable('serial', detail) : discoveryErrors.failed('serial', detail));
      }
      return ok(ports.map(serialDeviceOf));
    },
  };
}
