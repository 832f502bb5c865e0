export { createEsclBackend, isEsclUrl, type EsclBackendOptions } from './escl-backend';
export { createEsclDevice, defaultEsclTimings, type EsclTimings } from './escl-device';
export { discoverEsclScanners, scannersFromRecords, type DiscoveryOptions, type MdnsRecord } from './discovery';
export { parseCapabilities, parseStatus } from './xml';
