import { failure, type Failure } from '../result';

export const syncErrorCodes = {
  unauthorized: 'sync.unauthorized',
  forbidden: 'sync.forbidden',
  invalidRequest: 'sync.invalid-request',
  notFound: 'sync.not-found',
  enrollmentInvalid: 'sync.enrollment-invalid',
  noFreeSlot: 'sync.no-free-slot',
  mutationGap: 'sync.mutation-gap',
  invalidMutation: 'sync.invalid-mutation',
  unknownKind: 'sync.unknown-kind',
  wrongPartition: 'sync.wrong-partition',
  recordExists: 'sync.record-exists',
  duplicateCode: 'sync.duplicate-code',
  unknownRecord: 'sync.unknown-record',
  lostUpdate: 'sync.lost-update',
  blobOffset: 'sync.blob-offset',
  blobHashMismatch: 'sync.blob-hash-mismatch',
  blobTooLarge: 'sync.blob-too-large',
  codesExhausted: 'sync.codes-exhausted',
  ticketWithdrawn: 'sync.ticket-withdrawn',
  serverError: 'sync.server-error',
  network: 'sync.network',
  timeout: 'sync.timeout',
  badResponse: 'sync.bad-response',
  notEnrolled: 'sync.not-enrolled',
  localStore: 'sync.local-store',
} as const;

export type SyncErrorCode = (typeof syncErrorCodes)[keyof typeof syncErrorCodes];
export type SyncFailure = Failure<SyncErrorCode>;

export const syncFailures = {
  unauthorized: (): SyncFailure =>
    failure(syncErrorCodes.unauthorized, 'Thiếu hoặc sai mã xác thực của máy.', 'The credential is missing or wrong.'),
  forbidden: (what: string): SyncFailure =>
    failure(syncErrorCodes.forbidden, `Máy này không được phép truy cập: ${what}.`, `This credential may not access ${what}.`),
  invalidRequest: (detail: string): SyncFailure =>
    failure(syncErrorCodes.invalidRequest, `Yêu cầu không hợp lệ: ${detail}`, `Invalid request: ${detail}`),
  notFound: (what: string): SyncFailure => failure(syncErrorCodes.notFound, `Không tìm thấy: ${what}.`, `Not found: ${what}.`),
  enrollmentInvalid: (): SyncFailure =>
    failure(
      syncErrorCodes.enrollmentInvalid,
      'Mã đăng ký máy không đúng, đã dùng hoặc đã hết hạn. Đề nghị quản trị Trung tâm cấp mã mới.',
      'The enrollment code is wrong, used or expired. Ask the Center administrator for a new one.',
    ),
  noFreeSlot: (unitId: string): SyncFailure =>
    failure(
      syncErrorCodes.noFreeSlot,
      `Đơn vị ${unitId} đã đủ 10 máy (số thứ tự 0–9).`,
      `Unit ${unitId} already has 10 kiosks (slots 0–9).`,
    ),
  mutationGap: (expected: number, got: number): SyncFailure =>
    failure(
      syncErrorCodes.mutationGap,
      `Thiếu thay đổi: máy chủ chờ thay đổi số ${expected} nhưng nhận số ${got}.`,
      `Mutation gap: the server expects mutation ${expected} but received ${got}.`,
    ),
  invalidMutation: (detail: string): SyncFailure =>
    failure(syncErrorCodes.invalidMutation, `Thay đổi không hợp lệ: ${detail}`, `Invalid mutation: ${detail}`),
  unknownKind: (kind: string): SyncFailure =>
    failure(syncErrorCodes.unknownKind, `Loại thay đổi không được hỗ trợ: ${kind}.`, `Unsupported mutation kind: ${kind}.`),
  wrongPartition: (unitId: string): SyncFailure =>
    failure(syncErrorCodes.wrongPartition, `Hồ sơ thuộc đơn vị khác (${unitId}).`, `The record belongs to another unit (${unitId}).`),
  recordExists: (): SyncFailure =>
    failure(syncErrorCodes.recordExists, 'Hồ sơ đã có trên máy chủ.', 'The record already exists on the server.'),
  duplicateCode: (code: string): SyncFailure =>
    failure(syncErrorCodes.duplicateCode, `Mã hồ sơ ${code} đã được dùng cho hồ sơ khác.`, `Record code ${code} is already used by another record.`),
  unknownRecord: (): SyncFailure =>
    failure(syncErrorCodes.unknownRecord, 'Máy chủ không có hồ sơ này.', 'The server does not have this record.'),
  lostUpdate: (base: number, current: number): SyncFailure =>
    failure(
      syncErrorCodes.lostUpdate,
      `Hồ sơ đã được nơi khác cập nhật (phiên bản ${current}, thay đổi dựa trên ${base}); thay đổi này bị bỏ.`,
      `The record was changed elsewhere (version ${current}, this change was based on ${base}); this change was dropped.`,
    ),
  blobOffset: (expected: number): SyncFailure =>
    failure(syncErrorCodes.blobOffset, `Tệp đính kèm: máy chủ đang ở vị trí ${expected}.`, `Attachment: the server holds ${expected} bytes.`),
  ticketWithdrawn: (): SyncFailure =>
    failure(
      syncErrorCodes.ticketWithdrawn,
      'Yêu cầu lấy số này đã được máy rút lại (máy đã tự cấp số khi không chờ được máy chủ).',
      'This ticket request was withdrawn by its kiosk (it issued its own ticket when the server did not answer in time).',
    ),
  blobHashMismatch: (): SyncFailure =>
    failure(syncErrorCodes.blobHashMismatch, 'Tệp đính kèm bị hỏng khi truyền (sai mã băm).', 'The attachment was corrupted in transit (hash mismatch).'),
  blobTooLarge: (max: number): SyncFailure =>
    failure(syncErrorCodes.blobTooLarge, `Phần tệp quá lớn (tối đa ${max} byte).`, `Chunk too large (at most ${max} bytes).`),
  codesExhausted: (day: string): SyncFailure =>
    failure(syncErrorCodes.codesExhausted, `Đã hết số hồ sơ của ngày ${day}.`, `No record numbers left for day ${day}.`),
  serverError: (status: number): SyncFailure =>
    failure(syncErrorCodes.serverError, `Máy chủ đồng bộ báo lỗi (${status}); sẽ thử lại.`, `The sync server failed (${status}); will retry.`),
  network: (detail: string): SyncFailure =>
    failure(syncErrorCodes.network, `Không kết nối được máy chủ đồng bộ: ${detail}`, `Cannot reach the sync server: ${detail}`),
  timeout: (ms: number): SyncFailure =>
    failure(syncErrorCodes.timeout, `Máy chủ đồng bộ không trả lời sau ${ms} ms.`, `The sync server did not answer within ${ms} ms.`),
  badResponse: (detail: string): SyncFailure =>
    failure(syncErrorCodes.badResponse, `Máy chủ trả lời không đúng giao thức: ${detail}`, `The server's answer breaks the protocol: ${detail}`),
  notEnrolled: (): SyncFailure =>
    failure(syncErrorCodes.notEnrolled, 'Máy chưa đăng ký với máy chủ đồng bộ.', 'This kiosk is not enrolled with a sync server.'),
  localStore: (detail: string): SyncFailure =>
    failure(syncErrorCodes.localStore, `Lỗi kho dữ liệu trên máy khi đồng bộ: ${detail}`, `Local store error during sync: ${detail}`),
} as const;
