import { err, ok, type Result } from '../../result';
import type { FormNumber } from '../records';
import { formFailures, type FieldName, type FormFailure } from './errors';

/**
 * Form builders read a dozen optional fields each; checking every one with an early `return err(...)` would
 * bury the layout of the form under plumbing. Inside a builder `need` throws this error, and `buildForm` turns
 * it back into a Result at the module boundary, so no exception ever leaves this folder.
 */
class MissingFieldError extends Error {
  constructor(readonly failure: FormFailure) {
    super(failure.messageEn);
    this.name = 'MissingFieldError';
  }
}

export type Need = {
  /** The value, or a failure naming the field when it is absent or blank. */
  <T>(value: T | undefined | null, field: FieldName): T;
  /** Fails with any failure (e.g. no such history step). */
  fail(failure: FormFailure): never;
};

export function buildForm<T>(form: FormNumber, recordCode: string, fill: (need: Need) => T): Result<T, FormFailure> {
  const need = (<V>(value: V | undefined | null, field: FieldName): V => {
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      throw new MissingFieldError(formFailures.missingField(form, recordCode, field));
    }
    return value;
  }) as Need;
  need.fail = (failure: FormFailure): never => {
    throw new MissingFieldError(failure);
  };
  try {
    return ok(fill(need));
  } catch (error: unknown) {
    if (error instanceof MissingFieldError) return err(error.failure);
    throw error;
  }
}

/** Fields the forms may miss, each with the label the form prints and the path in the record or the input. */
export const fieldNames = {
  receivedAt: { vi: 'Thời gian nhận hồ sơ', en: 'time of receipt', path: 'receivedAt' },
  dueAt: { vi: 'Thời gian hẹn trả kết quả', en: 'result due date', path: 'dueAt' },
  processingTime: { vi: 'Thời hạn giải quyết theo quy định', en: 'legal processing time', path: 'processingTime' },
  documents: { vi: 'Thành phần hồ sơ', en: 'documents handed in', path: 'documents' },
  receivingOfficer: { vi: 'Người tiếp nhận hồ sơ', en: 'receiving officer', path: 'receivingOfficer' },
  documentsToAdd: { vi: 'Giấy tờ cần bổ sung, hoàn thiện', en: 'documents to add', path: 'documentsToAdd' },
  guideName: { vi: 'Họ tên người hướng dẫn', en: 'guiding officer’s name', path: 'guide.name' },
  guidePhone: { vi: 'Số điện thoại người hướng dẫn', en: 'guiding officer’s phone', path: 'guide.phone' },
  signerName: { vi: 'Họ tên người ký', en: 'signer’s name', path: 'signer.name' },
  signerTitle: { vi: 'Chức danh người ký', en: 'signer’s title', path: 'signer.title' },
  previousDueAt: { vi: 'Thời hạn trả kết quả cũ', en: 'previous due date', path: 'history.previousDueAt' },
  newDueAt: { vi: 'Thời hạn trả kết quả mới', en: 'new due date', path: 'history.dueAt' },
  printedAt: { vi: 'Thời điểm lập phiếu', en: 'time of printing', path: 'printedAt' },
  reason: (seq: number) => ({ vi: 'Lý do', en: 'reason', path: `history[${seq}].note` }),
} as const;
