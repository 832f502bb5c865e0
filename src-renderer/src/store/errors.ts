import { failure, type Failure } from '../../../src-shared/result';

export const storeErrorCodes = {
  futureVersion: 'store.future-version',
  openFailed: 'store.open-failed',
  upgradeFailed: 'store.upgrade-failed',
  quotaExceeded: 'store.quota-exceeded',
  writeFailed: 'store.write-failed',
  readFailed: 'store.read-failed',
  recordNotFound: 'store.record-not-found',
  staleRecord: 'store.stale-record',
  duplicateCode: 'store.duplicate-code',
  duplicateProcedure: 'store.duplicate-procedure',
  corruptSetting: 'store.corrupt-setting',
  auditAppendOnly: 'store.audit-append-only',
} as const;

export type StoreErrorCode = (typeof storeErrorCodes)[keyof typeof storeErrorCodes];

export type StoreFailure = Failure<StoreErrorCode>;

export const storeFailures = {
  futureVersion: (installed: number, known: number): StoreFailure =>
    failure(
      storeErrorCodes.futureVersion,
      `Dữ liệu trên máy này do một phiên bản phần mềm mới hơn tạo ra (lược đồ ${installed}, phiên bản này chỉ biết đến ${known}). Dữ liệu được giữ nguyên; vui lòng cài lại phiên bản mới hơn hoặc liên hệ kỹ thuật viên.`,
      `The data on this kiosk was written by a newer version of the software (schema ${installed}; this version knows up to ${known}). The data was left untouched; reinstall the newer version or call a technician.`,
    ),
  openFailed: (detail: string): StoreFailure =>
    failure(
      storeErrorCodes.openFailed,
      `Không mở được kho dữ liệu trên máy: ${detail}`,
      `Could not open the kiosk's local database: ${detail}`,
    ),
  upgradeFailed: (detail: string): StoreFailure =>
    failure(
      storeErrorCodes.upgradeFailed,
      `Nâng cấp kho dữ liệu thất bại; dữ liệu cũ vẫn còn nguyên. Chi tiết: ${detail}`,
      `Upgrading the local database failed; the previous data is intact. Detail: ${detail}`,
    ),
  quotaExceeded: (): StoreFailure =>
    failure(
      storeErrorCodes.quotaExceeded,
      'Bộ nhớ của máy đã đầy, chưa lưu được. Hãy đồng bộ và giải phóng dung lượng rồi thử lại; không có dữ liệu nào bị mất.',
      'The kiosk is out of storage space; nothing was saved. Sync and free some space, then retry; no data was lost.',
    ),
  writeFailed: (detail: string): StoreFailure =>
    failure(
      storeErrorCodes.writeFailed,
      `Chưa lưu được; không có thay đổi nào được ghi. Chi tiết: ${detail}`,
      `Nothing was saved; no partial change was written. Detail: ${detail}`,
    ),
  readFailed: (detail: string): StoreFailure =>
    failure(storeErrorCodes.readFailed, `Không đọc được dữ liệu: ${detail}`, `Could not read the data: ${detail}`),
  recordNotFound: (idOrCode: string): StoreFailure =>
    failure(storeErrorCodes.recordNotFound, `Không tìm thấy hồ sơ "${idOrCode}".`, `Record "${idOrCode}" was not found.`),
  staleRecord: (expected: number, actual: number): StoreFailure =>
    failure(
      storeErrorCodes.staleRecord,
      `Hồ sơ vừa được cập nhật ở nơi khác (phiên bản ${actual}, màn hình đang ở ${expected}). Vui lòng tải lại hồ sơ rồi thao tác lại.`,
      `The record was changed elsewhere (version ${actual}, this screen had ${expected}). Reload the record and try again.`,
    ),
  duplicateCode: (code: string): StoreFailure =>
    failure(
      storeErrorCodes.duplicateCode,
      `Mã hồ sơ ${code} đã tồn tại trên máy này.`,
      `Record code ${code} already exists on this kiosk.`,
      'code',
    ),
  duplicateProcedure: (key: string): StoreFailure =>
    failure(
      storeErrorCodes.duplicateProcedure,
      `Danh mục có hai phiên bản thủ tục cùng mã và cùng ngày hiệu lực (${key}); danh mục chưa được thay. Hãy nhập lại qua chức năng nhập danh mục để xem dòng bị trùng.`,
      `The catalogue has two versions of one procedure with the same effective date (${key}); the catalogue was not replaced. Import it through the catalogue importer to see the duplicate row.`,
      'procedures',
    ),
  corruptSetting: (key: string): StoreFailure =>
    failure(
      storeErrorCodes.corruptSetting,
      `Thiết lập "${key}" trong kho dữ liệu bị hỏng; cần kỹ thuật viên kiểm tra.`,
      `Setting "${key}" in the local database is corrupt; a technician must check it.`,
      key,
    ),
  auditAppendOnly: (): StoreFailure =>
    failure(
      storeErrorCodes.auditAppendOnly,
      'Nhật ký kiểm tra chỉ được ghi thêm, không được sửa hay xoá.',
      'The audit log is append-only: entries cannot be changed or deleted.',
    ),
};
