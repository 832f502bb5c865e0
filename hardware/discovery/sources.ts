import { createEsclSource } from './escl-source';
import { createHidSource } from './hid-source';
import { createPcscSource } from './pcsc-source';
import { createSerialSource } from './serial-source';
import type { DiscoverySource } from './source';
import { createUsbPrinterSource } from './usb-printer-source';

/** The local buses, listed every hot-plug tick: nothing here sends a byte to a device. */
export function localDiscoverySources(): DiscoverySource[] {
  return [createSerialSource(), createHidSource(), createPcscSource(), createUsbPrinterSource()];
}

/**
 * Document scanners, found by hardware/scanner. eSCL (mDNS `_uscan._tcp`) is registered. SANE is not yet: its
 * backend (`createSaneBackend().list()`, which runs `scanimage -L`, several seconds on some systems) was still
 * being written when this console was; wrap it like createEsclSource (bus `sane`, kind `probe`) and add it here.
 */
export function scannerDiscoverySources(): DiscoverySource[] {
  return [createEsclSource()];
}
