import { failure, type Failure } from '../../result';
import type { FormNumber } from '../records';

export const formErrorCodes = {
  missingField: 'forms.missing-field',
  noEvent: 'forms.no-event',
  invalidCenter: 'forms.invalid-center',
  invalidPeriod: 'forms.invalid-period',
  renderFailed: 'forms.render-failed',
} as const;

export type FormErrorCode = (typeof formErrorCodes)[keyof typeof formErrorCodes];

export type FormFailure = Failure<FormErrorCode>;

/** A field a form needs, named as the form prints it and as the code calls it. */
export type FieldName = { readonly vi: string; readonly en: string; readonly path: string };

export const formFailures = {
  /** The form prints this field and the record (or the caller's input) does not have it: no blank forms. */
  missingField: (form: FormNumber, recordCode: string, field: FieldName): FormFailure =>
    failure(
      formErrorCodes.missingField,
      `Không thể lập Mẫu số ${form}${recordCode === '' ? '' : ` cho hồ sơ ${recordCode}`}: thiếu «${field.vi}».`,
      `Cannot fill form ${form}${recordCode === '' ? '' : ` for record ${recordCode}`}: "${field.en}" (${field.path}) is missing.`,
      field.path,
    ),
  /** The history has no step the form reports on (e.g. form 03 for a record that was never refused). */
  noEvent: (form: FormNumber, recordCode: string, what: { readonly vi: string; readonly en: string }, seq?: number): FormFailure =>
    failure(
      formErrorCodes.noEvent,
      seq === undefined
        ? `Không thể lập Mẫu số ${form}: hồ sơ ${recordCode} chưa có bước «${what.vi}».`
        : `Không thể lập Mẫu số ${form}: bước số ${seq} của hồ sơ ${recordCode} không phải «${what.vi}».`,
      seq === undefined
        ? `Cannot fill form ${form}: record ${recordCode} has no "${what.en}" step.`
        : `Cannot fill form ${form}: step ${seq} of record ${recordCode} is not a "${what.en}" step.`,
      'history',
    ),
  invalidCenter: (details: string, path?: string): FormFailure =>
    failure(
      formErrorCodes.invalidCenter,
      `Thông tin Trung tâm dùng để in biểu mẫu không hợp lệ: ${details}`,
      `The Center's details used on forms are invalid: ${details}`,
      path,
    ),
  invalidPeriod: (from: string, to: string): FormFailure =>
    failure(
      formErrorCodes.invalidPeriod,
      `Kỳ của sổ theo dõi không hợp lệ: từ ${from} đến ${to}.`,
      `Invalid log book period: from ${from} to ${to}.`,
      'period',
    ),
  renderFailed: (form: FormNumber, details: string): FormFailure =>
    failure(
      formErrorCodes.renderFailed,
      `Không tạo được tệp PDF Mẫu số ${form}: ${details}`,
      `Could not produce the PDF of form ${form}: ${details}`,
    ),
};
