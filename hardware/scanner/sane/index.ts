export { createSaneBackend } from './sane-backend';
export { createSaneDevice, type SaneDeviceOptions } from './sane-device';
export { parseDeviceList, parseOptions, capabilitiesFromOptions } from './scanimage-options';
export { scanimageAvailable } from './scanimage-run';
