/** The technician's device console on the host (see docs/DEVICES.md). */
export { openDeviceConsole, type DeviceConsole, type DeviceConsoleOptions, type DeviceMethodName } from './device-console';
export { parseDeviceProfile } from './device-profile';
export { buildSupportBundle, withoutSecrets } from './support-bundle';
export { deviceConsoleErrors } from './errors';
