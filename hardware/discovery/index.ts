/** Device discovery for the technician's console: sources, merging, hot-plug polling, permission checks. */
export type { DiscoverySource } from './source';
export { reportOf } from './source';
export { discoveryErrors, type DiscoveryFailure } from './errors';
export { createSerialSource, serialDeviceOf, type ListSerialPorts, type SerialPortInfo } from './serial-source';
export { createHidSource, hidDevicesOf, type HidDeviceInfo, type ListHidDevices } from './hid-source';
export { createPcscSource, readerDeviceOf } from './pcsc-source';
export { createUsbPrinterSource } from './usb-printer-source';
export { createPrinterProbeSource, deviceIdOf, openProbeTarget, probePrinter, stateOfStatus, type OpenPrinter, type ProbeTarget } from './printer-probe';
export { mergeDevices, runDiscovery } from './scan';
export { diffDevices, isEmptyDiff, type DeviceDiff } from './diff';
export { startHotPlugWatcher, type HotPlugWatcher } from './hot-plug';
export { checkDevicePermissions, groupId, nodePermissionEnvironment, UDEV_RULES_FILE, type PermissionEnvironment } from './permissions';
export { localDiscoverySources, scannerDiscoverySources } from './sources';
export { createEsclSource, type FoundScanner } from './escl-source';
export { knownVendors, normalizeUsbId, vendorOf } from './vendors';
