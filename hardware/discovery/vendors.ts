import type { DeviceRole } from '../../src-shared/api/devices';

/**
 * USB vendor ids seen at Vietnamese counters, with the role such a device most likely plays. Only a suggestion:
 * Epson makes receipt printers and document scanners, and a serial adapter's vendor says nothing about what
 * hangs on it, so the technician confirms every role. The same table feeds assets/udev/60-motcua.rules.
 */
export type KnownVendor = { readonly name: string; readonly suggests?: DeviceRole; readonly category: 'printer' | 'card-reader' | 'barcode' | 'scanner' | 'serial-adapter' };

export const knownVendors: Readonly<Record<string, KnownVendor>> = {
  '04b8': { name: 'Epson', suggests: 'receipt-printer', category: 'printer' },
  '0519': { name: 'Star Micronics', suggests: 'receipt-printer', category: 'printer' },
  '1d90': { name: 'Citizen', suggests: 'receipt-printer', category: 'printer' },
  '2730': { name: 'Citizen', suggests: 'receipt-printer', category: 'printer' },
  '1504': { name: 'Bixolon', suggests: 'receipt-printer', category: 'printer' },
  '0dd4': { name: 'Custom', suggests: 'receipt-printer', category: 'printer' },
  '0fe6': { name: 'ICS / Xprinter', suggests: 'receipt-printer', category: 'printer' },
  '0416': { name: 'Winbond / Xprinter', suggests: 'receipt-printer', category: 'printer' },
  '28e9': { name: 'GigaDevice / Xprinter', suggests: 'receipt-printer', category: 'printer' },
  '072f': { name: 'ACS', suggests: 'id-card-reader', category: 'card-reader' },
  '04e6': { name: 'Identiv (SCM)', suggests: 'id-card-reader', category: 'card-reader' },
  '076b': { name: 'HID Omnikey', suggests: 'id-card-reader', category: 'card-reader' },
  '096e': { name: 'Feitian', suggests: 'id-card-reader', category: 'card-reader' },
  '08e6': { name: 'Gemalto', suggests: 'id-card-reader', category: 'card-reader' },
  '0c2e': { name: 'Honeywell', suggests: 'barcode-scanner', category: 'barcode' },
  '05e0': { name: 'Zebra (Symbol)', suggests: 'barcode-scanner', category: 'barcode' },
  '05f9': { name: 'Datalogic', suggests: 'barcode-scanner', category: 'barcode' },
  '1eab': { name: 'Newland', suggests: 'barcode-scanner', category: 'barcode' },
  '04a9': { name: 'Canon', suggests: 'document-scanner', category: 'scanner' },
  '04c5': { name: 'Fujitsu (PFU)', suggests: 'document-scanner', category: 'scanner' },
  '04f9': { name: 'Brother', suggests: 'document-scanner', category: 'scanner' },
  '07b3': { name: 'Plustek', suggests: 'document-scanner', category: 'scanner' },
  '0638': { name: 'Avision', suggests: 'document-scanner', category: 'scanner' },
  '0403': { name: 'FTDI (serial adapter)', category: 'serial-adapter' },
  '067b': { name: 'Prolific (serial adapter)', category: 'serial-adapter' },
  '1a86': { name: 'QinHeng CH340 (serial adapter)', category: 'serial-adapter' },
  '10c4': { name: 'Silicon Labs CP210x (serial adapter)', category: 'serial-adapter' },
};

/** `0x04B8`, `4b8` or `04b8` → `04b8`; anything else → undefined. */
export function normalizeUsbId(value: string | number | undefined): string | undefined {
  if (value === undefined) return undefined;
  const hex = typeof value === 'number' ? value.toString(16) : value.trim().toLowerCase().replace(/^0x/, '');
  if (!/^[0-9a-f]{1,4}$/.test(hex)) return undefined;
  return hex.padStart(4, '0');
}

export const vendorOf = (vendorId: string | undefined): KnownVendor | undefined => (vendorId === undefined ? undefined : knownVendors[vendorId]);
