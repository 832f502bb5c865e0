import type { z } from 'zod';
import { failure, type Failure } from '../result';
import { apiErrorCodes } from './errors';

/** Zod's messages are English only; the officer reads Vietnamese first. */
function vietnameseIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `sai kiểu dữ liệu (cần ${issue.expected})`;
    case 'too_small':
      return `nhỏ hơn mức tối thiểu (${String(issue.minimum)})`;
    case 'too_big':
      return `vượt quá mức tối đa (${String(issue.maximum)})`;
    case 'invalid_format':
      return `sai định dạng`;
    case 'unrecognized_keys':
      return `có trường không được phép: ${issue.keys.join(', ')}`;
    case 'invalid_value':
      return `giá trị không được phép`;
    case 'invalid_union':
      return `không khớp với dạng nào được phép`;
    case 'not_multiple_of':
      return `phải là bội số của ${String(issue.divisor)}`;
    case 'invalid_key':
    case 'invalid_element':
      return `khoá hoặc phần tử không hợp lệ`;
    case 'custom':
      return `không hợp lệ`;
  }
}

const pathOf = (issue: z.core.$ZodIssue): string => issue.path.map(String).join('.');

/** Turns a zod error into one bilingual failure naming every offending field. */
export function validationFailure(error: z.ZodError): Failure {
  const issues = error.issues.slice(0, 5);
  const vi = issues.map((i) => `${pathOf(i) || '(dữ liệu)'}: ${vietnameseIssue(i)}`).join('; ');
  const en = issues.map((i) => `${pathOf(i) || '(input)'}: ${i.message}`).join('; ');
  const first = issues[0];
  return failure(apiErrorCodes.validation, `Dữ liệu không hợp lệ — ${vi}`, `Invalid input — ${en}`, first ? pathOf(first) : undefined);
}
