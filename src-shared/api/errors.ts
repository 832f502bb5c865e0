import { failure, type Failure } from '../result';

/** Error codes the kiosk API itself produces; services add their own area codes (e.g. `settings.write-failed`). */
export const apiErrorCodes = {
  validation: 'api.validation',
  unknownMethod: 'api.unknown-method',
  internal: 'api.internal',
  transportClosed: 'api.transport-closed',
  timeout: 'api.timeout',
  forbidden: 'api.forbidden',
  badMessage: 'api.bad-message',
} as const;

export type ApiErrorCode = (typeof apiErrorCodes)[keyof typeof apiErrorCodes];

export const apiFailures = {
  unknownMethod: (method: string): Failure =>
    failure(apiErrorCodes.unknownMethod, `Không có chức năng "${method}".`, `Unknown method "${method}".`),
  validation: (details: string, path?: string): Failure =>
    failure(apiErrorCodes.validation, `Dữ liệu không hợp lệ: ${details}`, `Invalid input: ${details}`, path),
  internal: (): Failure =>
    failure(apiErrorCodes.internal, 'Lỗi nội bộ của máy. Dữ liệu đã lưu không bị ảnh hưởng; vui lòng thử lại.', 'Internal error on the kiosk host. Saved data is unaffected; please try again.'),
  transportClosed: (): Failure =>
    failure(apiErrorCodes.transportClosed, 'Mất kết nối với máy chủ của quầy; đang kết nối lại.', 'Lost the connection to the kiosk host; reconnecting.'),
  timeout: (method: string): Failure =>
    failure(apiErrorCodes.timeout, `Quá thời gian chờ phản hồi cho "${method}".`, `Timed out waiting for "${method}".`),
  badMessage: (): Failure =>
    failure(apiErrorCodes.badMessage, 'Thông điệp không đúng định dạng.', 'Malformed message.'),
};
