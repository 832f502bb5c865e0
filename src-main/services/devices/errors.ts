import { failure, type Failure } from '../../../src-shared/result';

/** Failures of the technician's device console, bilingual like every failure that crosses the API. */
export type DeviceConsoleErrorCode =
  | 'devices.profile-not-json'
  | 'devices.profile-wrong-format'
  | 'devices.profile-future-version'
  | 'devices.profile-invalid'
  | 'devices.profile-write-failed'
  | 'devices.profile-unreadable'
  | 'devices.not-found'
  | 'devices.action-unsupported'
  | 'devices.printer-not-ready'
  | 'devices.bundle-write-failed';

export type DeviceConsoleFailure = Failure<DeviceConsoleErrorCode>;

export const deviceConsoleErrors = {
  profileNotJson: (): DeviceConsoleFailure =>
    failure('devices.profile-not-json', 'Tệp không phải JSON hợp lệ; hồ sơ thiết bị hiện tại được giữ nguyên.', 'The file is not valid JSON; the current device profile is kept.'),
  profileWrongFormat: (): DeviceConsoleFailure =>
    failure('devices.profile-wrong-format', 'Đây không phải tệp hồ sơ thiết bị MotCua; hồ sơ hiện tại được giữ nguyên.', 'This is not a MotCua device profile file; the current profile is kept.'),
  profileFutureVersion: (version: number): DeviceConsoleFailure =>
    failure(
      'devices.profile-future-version',
      `Tệp hồ sơ thiết bị thuộc phiên bản ${version}, mới hơn phiên bản máy này hiểu; hãy cập nhật MotCua. Hồ sơ hiện tại được giữ nguyên.`,
      `The device profile is format version ${version}, newer than this kiosk understands; update MotCua. The current profile is kept.`,
    ),
  profileInvalid: (detailVi: string, detailEn: string, path?: string): DeviceConsoleFailure =>
    failure('devices.profile-invalid', `Tệp hồ sơ thiết bị có lỗi (${detailVi}); hồ sơ hiện tại được giữ nguyên.`, `The device profile has errors (${detailEn}); the current profile is kept.`, path),
  profileWriteFailed: (): DeviceConsoleFailure =>
    failure('devices.profile-write-failed', 'Không lưu được hồ sơ thiết bị vào đĩa; hồ sơ cũ vẫn giữ nguyên.', 'Could not save the device profile to disk; the previous profile is kept.'),
  profileUnreadable: (aside: string): DeviceConsoleFailure =>
    failure('devices.profile-unreadable', `Tệp hồ sơ thiết bị bị hỏng, đã cất sang ${aside}; máy bắt đầu với hồ sơ trống.`, `The device profile file was unreadable and was set aside as ${aside}; starting with an empty profile.`),
  notFound: (deviceId: string): DeviceConsoleFailure =>
    failure('devices.not-found', `Không thấy thiết bị "${deviceId}"; thiết bị đã được rút ra hoặc tắt?`, `Device "${deviceId}" is not there; was it unplugged or switched off?`),
  actionUnsupported: (action: string): DeviceConsoleFailure =>
    failure('devices.action-unsupported', `Thiết bị này không hỗ trợ thao tác "${action}".`, `This device does not support "${action}".`),
  bundleWriteFailed: (path: string, detail: string): DeviceConsoleFailure =>
    failure('devices.bundle-write-failed', `Không ghi được ${path} (${detail}).`, `Could not write ${path} (${detail}).`),
  printerNotReady: (detailVi: string, detailEn: string): DeviceConsoleFailure =>
    failure('devices.printer-not-ready', `Máy in chưa sẵn sàng: ${detailVi}`, `The printer is not ready: ${detailEn}`),
};
