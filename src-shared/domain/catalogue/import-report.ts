import type { z } from 'zod';
import { catalogueErrorCodes as codes, schemaMessages, type CatalogueErrorCode, type CatalogueFailure } from './errors';
import type { Procedure } from './procedure';

/** One problem in an imported catalogue, pointing at the row (JSON: the procedure's position, from 1). */
export type ImportIssue = {
  readonly row: number;
  /** The JSON path (`documents[2].quantities`) or, for CSV, the column (`documents[2].quantities` inside it). */
  readonly field: string;
  readonly code: string;
  readonly message: string;
  readonly messageEn: string;
  /** CSV only: the physical line the record starts on, when cells span lines. */
  readonly line?: number;
};

/** Good procedures are kept even when other rows fail; warnings do not drop anything. */
export type ImportReport = {
  readonly procedures: readonly Procedure[];
  readonly errors: readonly ImportIssue[];
  readonly warnings: readonly ImportIssue[];
};

type Path = readonly PropertyKey[];

export function formatPath(path: Path): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

export function issueFromFailure(failure: CatalogueFailure, row: number, field?: string): ImportIssue {
  return { row, field: field ?? failure.path ?? '', code: failure.code, message: failure.message, messageEn: failure.messageEn };
}

const typeNames: Readonly<Record<string, readonly [vi: string, en: string]>> = {
  string: ['chuỗi ký tự', 'text'],
  number: ['số', 'a number'],
  int: ['số nguyên', 'a whole number'],
  boolean: ['true hoặc false', 'true or false'],
  array: ['danh sách', 'a list'],
  object: ['đối tượng (nhóm trường)', 'an object'],
};

function describeIssue(issue: z.core.$ZodIssue): { code: CatalogueErrorCode; message: string; messageEn: string } {
  const own = schemaMessages[issue.message as CatalogueErrorCode];
  if (own !== undefined) return { code: issue.message as CatalogueErrorCode, message: own[0], messageEn: own[1] };
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return { code: codes.required, message: 'Thiếu thông tin bắt buộc.', messageEn: 'A required value is missing.' };
      const [vi, en] = typeNames[issue.expected] ?? [issue.expected, issue.expected];
      return { code: codes.invalidType, message: `Sai kiểu dữ liệu: cần ${vi}.`, messageEn: `Wrong type: expected ${en}.` };
    }
    case 'too_small':
    case 'too_big': {
      const small = issue.code === 'too_small';
      const bound = Number(small ? issue.minimum : issue.maximum);
      if (issue.origin === 'array') {
        return small
          ? { code: codes.outOfRange, message: `Cần ít nhất ${bound} mục.`, messageEn: `At least ${bound} item(s) needed.` }
          : { code: codes.outOfRange, message: `Tối đa ${bound} mục.`, messageEn: `At most ${bound} item(s).` };
      }
      if (issue.origin === 'string') return { code: codes.required, message: 'Không được để trống.', messageEn: 'Must not be empty.' };
      const relationVi = small ? (issue.inclusive ? 'không nhỏ hơn' : 'lớn hơn') : issue.inclusive ? 'không lớn hơn' : 'nhỏ hơn';
      const relationEn = small ? (issue.inclusive ? 'at least' : 'more than') : issue.inclusive ? 'at most' : 'less than';
      return { code: codes.outOfRange, message: `Giá trị phải ${relationVi} ${bound}.`, messageEn: `The value must be ${relationEn} ${bound}.` };
    }
    case 'invalid_format':
      return {
        code: codes.invalidFormat,
        message: `Sai định dạng (${issue.format}).`,
        messageEn: `Wrong format (${issue.format}).`,
      };
    case 'invalid_value': {
      const allowed = issue.values.map(String).join(', ');
      return { code: codes.invalidValue, message: `Giá trị không hợp lệ; chỉ nhận: ${allowed}.`, messageEn: `Invalid value; allowed: ${allowed}.` };
    }
    case 'invalid_union': {
      const options = 'options' in issue && Array.isArray(issue.options) ? issue.options.map(String).join(', ') : '';
      return options === ''
        ? { code: codes.invalidValue, message: 'Giá trị không khớp dạng nào được phép.', messageEn: 'The value matches none of the allowed forms.' }
        : { code: codes.invalidValue, message: `Giá trị không hợp lệ; chỉ nhận: ${options}.`, messageEn: `Invalid value; allowed: ${options}.` };
    }
    case 'unrecognized_keys': {
      const keys = issue.keys.join(', ');
      return { code: codes.unknownField, message: `Trường không thuộc mẫu: ${keys}.`, messageEn: `Field(s) not in the layout: ${keys}.` };
    }
    case 'invalid_key':
    case 'invalid_element':
    case 'not_multiple_of':
    case 'custom':
      return { code: codes.invalidValue, message: 'Giá trị không hợp lệ.', messageEn: 'Invalid value.' };
  }
}

/** Turns zod's issues for one row into import issues; `fieldOf` renames paths (CSV columns). */
export function issuesFromZod(
  issues: readonly z.core.$ZodIssue[],
  row: number,
  fieldOf: (path: Path) => string = formatPath,
): ImportIssue[] {
  return issues.map((issue) => ({ row, field: fieldOf(issue.path), ...describeIssue(issue) }));
}
