import { failure, type Failure } from '../../result';
import { recordStatusLabels, type RecordStatus } from './status';

export const recordErrorCodes = {
  invalidRecord: 'records.invalid-record',
  invalidInput: 'records.invalid-input',
  transitionNotAllowed: 'records.transition-not-allowed',
  finalStatus: 'records.final-status',
  reasonRequired: 'records.reason-required',
  notYetReceived: 'records.not-yet-received',
  alreadyReceived: 'records.already-received',
  dueDateRequired: 'records.due-date-required',
  dueBeforeReceipt: 'records.due-before-receipt',
  nothingChanged: 'records.nothing-changed',
  invalidUnitId: 'records.invalid-unit-id',
  invalidRecordCode: 'records.invalid-record-code',
  invalidKioskSlot: 'records.invalid-kiosk-slot',
  sequenceExhausted: 'records.sequence-exhausted',
} as const;

export type RecordErrorCode = (typeof recordErrorCodes)[keyof typeof recordErrorCodes];

export type RecordFailure = Failure<RecordErrorCode>;

const vi = (s: RecordStatus): string => `${s} «${recordStatusLabels[s].vi}»`;
const en = (s: RecordStatus): string => `${s} "${recordStatusLabels[s].en}"`;

export const recordFailures = {
  invalidRecord: (details: string, path?: string): RecordFailure =>
    failure(recordErrorCodes.invalidRecord, `Dữ liệu hồ sơ không hợp lệ: ${details}`, `Invalid record data: ${details}`, path),
  invalidInput: (details: string, path?: string): RecordFailure =>
    failure(recordErrorCodes.invalidInput, `Thông tin nhập không hợp lệ: ${details}`, `Invalid input: ${details}`, path),
  transitionNotAllowed: (from: RecordStatus, to: RecordStatus): RecordFailure =>
    failure(
      recordErrorCodes.transitionNotAllowed,
      `Không thể chuyển hồ sơ từ trạng thái ${vi(from)} sang ${vi(to)}.`,
      `A record cannot move from status ${en(from)} to ${en(to)}.`,
    ),
  finalStatus: (from: RecordStatus): RecordFailure =>
    failure(
      recordErrorCodes.finalStatus,
      `Hồ sơ đã ở trạng thái cuối ${vi(from)}, không thể chuyển tiếp.`,
      `The record is in the final status ${en(from)} and cannot change.`,
    ),
  reasonRequired: (to: RecordStatus): RecordFailure =>
    failure(
      recordErrorCodes.reasonRequired,
      `Cần ghi rõ lý do khi chuyển hồ sơ sang ${vi(to)}.`,
      `A reason is required to move a record to ${en(to)}.`,
      'note',
    ),
  notYetReceived: (to: RecordStatus): RecordFailure =>
    failure(
      recordErrorCodes.notYetReceived,
      `Hồ sơ chưa được tiếp nhận nên không thể chuyển sang ${vi(to)}.`,
      `The record has not been received yet, so it cannot move to ${en(to)}.`,
    ),
  alreadyReceived: (to: RecordStatus): RecordFailure =>
    failure(
      recordErrorCodes.alreadyReceived,
      `Hồ sơ đã được tiếp nhận nên không thể chuyển sang ${vi(to)}.`,
      `The record has already been received, so it cannot move to ${en(to)}.`,
    ),
  dueDateRequired: (): RecordFailure =>
    failure(
      recordErrorCodes.dueDateRequired,
      'Cần có ngày hẹn trả kết quả khi tiếp nhận hồ sơ.',
      'A result due date is required to receive a record.',
      'dueAt',
    ),
  dueBeforeReceipt: (): RecordFailure =>
    failure(
      recordErrorCodes.dueBeforeReceipt,
      'Ngày hẹn trả kết quả không thể sớm hơn thời điểm tiếp nhận.',
      'The result due date cannot be earlier than the time of receipt.',
      'dueAt',
    ),
  nothingChanged: (): RecordFailure =>
    failure(
      recordErrorCodes.nothingChanged,
      'Cần ghi đơn vị nhận bàn giao hoặc ngày hẹn mới khi cập nhật hồ sơ đang xử lý.',
      'A hand-over needs the receiving unit, or an extension a new due date.',
    ),
  invalidUnitId: (text: string): RecordFailure =>
    failure(
      recordErrorCodes.invalidUnitId,
      `Mã định danh đơn vị "${text}" không hợp lệ (ví dụ đúng: 000.00.00.H30, H55.242).`,
      `Unit electronic ID "${text}" is invalid (valid examples: 000.00.00.H30, H55.242).`,
      'unitId',
    ),
  invalidRecordCode: (text: string, reasonVi: string, reasonEn: string): RecordFailure =>
    failure(
      recordErrorCodes.invalidRecordCode,
      `Mã hồ sơ "${text}" không hợp lệ: ${reasonVi}`,
      `Record code "${text}" is invalid: ${reasonEn}`,
      'code',
    ),
  invalidKioskSlot: (slot: number): RecordFailure =>
    failure(
      recordErrorCodes.invalidKioskSlot,
      `Số thứ tự máy ${slot} không hợp lệ; mỗi máy của đơn vị cần một số từ 0 đến 9.`,
      `Kiosk slot ${slot} is invalid; each kiosk of a unit needs a slot from 0 to 9.`,
      'kioskSlot',
    ),
  sequenceExhausted: (dayCode: string, slot: number): RecordFailure =>
    failure(
      recordErrorCodes.sequenceExhausted,
      `Máy số ${slot} đã cấp hết 999 mã hồ sơ của ngày ${dayCode}. Vui lòng tiếp nhận trên máy khác của đơn vị.`,
      `Kiosk slot ${slot} has used all 999 record codes for day ${dayCode}. Please receive on another kiosk of the unit.`,
    ),
};
