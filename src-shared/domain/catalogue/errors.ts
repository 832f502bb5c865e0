import { failure, type Failure } from '../../result';

/** Error codes of the procedure catalogue: schema checks, imports, fee computation and catalogue validation. */
export const catalogueErrorCodes = {
  required: 'catalogue.required',
  invalidType: 'catalogue.invalid-type',
  invalidValue: 'catalogue.invalid-value',
  invalidFormat: 'catalogue.invalid-format',
  outOfRange: 'catalogue.out-of-range',
  unknownField: 'catalogue.unknown-field',
  nationalCodeFormat: 'catalogue.national-code-format',
  localCodeFormat: 'catalogue.local-code-format',
  localCodeMismatch: 'catalogue.local-code-mismatch',
  idFormat: 'catalogue.id-format',
  provinceCodeFormat: 'catalogue.province-code-format',
  dateFormat: 'catalogue.date-format',
  effectiveRange: 'catalogue.effective-range',
  duplicateDocumentId: 'catalogue.duplicate-document-id',
  duplicateFeeId: 'catalogue.duplicate-fee-id',
  documentWithoutQuantity: 'catalogue.document-without-quantity',
  feeTiers: 'catalogue.fee-tiers',
  invalidJson: 'catalogue.invalid-json',
  fileFormat: 'catalogue.file-format',
  csvSyntax: 'catalogue.csv-syntax',
  csvMissingColumn: 'catalogue.csv-missing-column',
  csvUnknownColumn: 'catalogue.csv-unknown-column',
  csvBadCell: 'catalogue.csv-bad-cell',
  duplicateCode: 'catalogue.duplicate-code',
  overlappingVersions: 'catalogue.overlapping-versions',
  needsVerification: 'catalogue.needs-verification',
  noDocuments: 'catalogue.no-documents',
  feeInvalidCount: 'catalogue.fee-invalid-count',
  feeUnknownCondition: 'catalogue.fee-unknown-condition',
} as const;

export type CatalogueErrorCode = (typeof catalogueErrorCodes)[keyof typeof catalogueErrorCodes];
export type CatalogueFailure = Failure<CatalogueErrorCode>;

/**
 * Messages for checks declared inside the zod schemas: a schema names the code as its error, and the importer
 * turns it into the bilingual message here (zod itself only speaks English).
 */
export const schemaMessages: Readonly<Partial<Record<CatalogueErrorCode, readonly [vi: string, en: string]>>> = {
  [catalogueErrorCodes.nationalCodeFormat]: [
    'Mã thủ tục quốc gia phải có dạng 1.001193 (một chữ số, dấu chấm, sáu chữ số).',
    'A national procedure code looks like 1.001193 (one digit, a dot, six digits).',
  ],
  [catalogueErrorCodes.localCodeFormat]: [
    'Mã thủ tục của tỉnh phải có dạng 1.001193.000.00.00.H55.',
    "A province's procedure code looks like 1.001193.000.00.00.H55.",
  ],
  [catalogueErrorCodes.localCodeMismatch]: [
    'Mã thủ tục của tỉnh phải bắt đầu bằng mã thủ tục quốc gia.',
    "The province's procedure code must start with the national code.",
  ],
  [catalogueErrorCodes.idFormat]: [
    'Mã định danh chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ: to-khai).',
    'An id has lowercase ASCII letters, digits and hyphens only (e.g. to-khai).',
  ],
  [catalogueErrorCodes.provinceCodeFormat]: [
    'Mã tỉnh gồm đúng 2 chữ số (ví dụ: 01, 79).',
    'A province code has exactly two digits (e.g. 01, 79).',
  ],
  [catalogueErrorCodes.dateFormat]: ['Ngày phải có dạng YYYY-MM-DD và có thật.', 'A date must be a real date written YYYY-MM-DD.'],
  [catalogueErrorCodes.effectiveRange]: [
    'Ngày hết hiệu lực không được trước ngày có hiệu lực.',
    'The end of validity cannot be before its start.',
  ],
  [catalogueErrorCodes.duplicateDocumentId]: [
    'Hai thành phần hồ sơ trùng mã định danh.',
    'Two required documents share the same id.',
  ],
  [catalogueErrorCodes.duplicateFeeId]: ['Hai khoản phí, lệ phí trùng mã định danh.', 'Two fee rules share the same id.'],
  [catalogueErrorCodes.documentWithoutQuantity]: [
    'Giấy tờ phải nộp cần ít nhất một bản (bản chính, bản sao chứng thực hoặc bản chụp).',
    'A document to submit needs at least one copy (original, certified copy or photocopy).',
  ],
  [catalogueErrorCodes.feeTiers]: [
    'Các bậc tính phí theo trang phải bắt đầu từ trang 1 và tăng dần.',
    'Per-page fee tiers must start at page 1 and increase.',
  ],
  [catalogueErrorCodes.required]: ['Thiếu thông tin bắt buộc.', 'A required value is missing.'],
};

export function schemaFailure(code: CatalogueErrorCode, path?: string): CatalogueFailure {
  const [vi, en] = schemaMessages[code] ?? ['Giá trị không hợp lệ.', 'Invalid value.'];
  return failure(code, vi, en, path);
}

export const catalogueFailures = {
  invalidJson: (detail: string): CatalogueFailure =>
    failure(catalogueErrorCodes.invalidJson, `Tệp không phải JSON hợp lệ: ${detail}`, `The file is not valid JSON: ${detail}`),
  fileFormat: (detail: string): CatalogueFailure =>
    failure(
      catalogueErrorCodes.fileFormat,
      `Tệp không phải danh mục thủ tục MotCua (${detail}).`,
      `The file is not a MotCua procedure catalogue (${detail}).`,
    ),
  csvMissingColumn: (column: string): CatalogueFailure =>
    failure(catalogueErrorCodes.csvMissingColumn, `Thiếu cột bắt buộc "${column}".`, `Required column "${column}" is missing.`, column),
  csvUnknownColumn: (column: string): CatalogueFailure =>
    failure(
      catalogueErrorCodes.csvUnknownColumn,
      `Cột "${column}" không thuộc mẫu danh mục nên được bỏ qua.`,
      `Column "${column}" is not part of the catalogue layout and was ignored.`,
      column,
    ),
  csvBadCell: (column: string, vi: string, en: string): CatalogueFailure =>
    failure(catalogueErrorCodes.csvBadCell, `Ô "${column}": ${vi}`, `Cell "${column}": ${en}`, column),
  duplicateCode: (code: string, firstRow: number): CatalogueFailure =>
    failure(
      catalogueErrorCodes.duplicateCode,
      `Mã thủ tục ${code} đã có ở dòng ${firstRow} với thời gian hiệu lực chồng lấn.`,
      `Procedure code ${code} already appears on row ${firstRow} with an overlapping validity period.`,
      'nationalCode',
    ),
  overlappingVersions: (code: string): CatalogueFailure =>
    failure(
      catalogueErrorCodes.overlappingVersions,
      `Thủ tục ${code} có hai phiên bản cùng hiệu lực trong một khoảng thời gian.`,
      `Procedure ${code} has two versions in force over the same period.`,
      'nationalCode',
    ),
  needsVerification: (code: string): CatalogueFailure =>
    failure(
      catalogueErrorCodes.needsVerification,
      `Thủ tục ${code} còn thông tin cần đối chiếu với văn bản công bố.`,
      `Procedure ${code} has details still to be checked against the published text.`,
      'verify',
    ),
  noDocuments: (code: string): CatalogueFailure =>
    failure(
      catalogueErrorCodes.noDocuments,
      `Thủ tục ${code} chưa có thành phần hồ sơ.`,
      `Procedure ${code} lists no required documents.`,
      'documents',
    ),
  feeInvalidCount: (what: string): CatalogueFailure =>
    failure(
      catalogueErrorCodes.feeInvalidCount,
      `Số lượng để tính phí không hợp lệ (${what}): phải là số nguyên không âm.`,
      `Invalid count for the fee (${what}): it must be a non-negative whole number.`,
      what,
    ),
  feeUnknownCondition: (id: string): CatalogueFailure =>
    failure(
      catalogueErrorCodes.feeUnknownCondition,
      `Thủ tục không có khoản phí "${id}".`,
      `The procedure has no fee rule "${id}".`,
      'conditions',
    ),
};
