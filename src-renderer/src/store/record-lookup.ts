import { formatRecordCode, parseRecordCode } from '../../../src-shared/domain/records';
import { publicViewOf, type PublicRecordView } from '../../../src-shared/domain/records/public-view';
import { err, failure, ok, type Failure, type Result } from '../../../src-shared/result';
import { getRecordByCode } from './records-queries';
import type { MotCuaDb } from './schema';

export const lookupErrorCodes = {
  invalidCode: 'lookup.invalid-code',
  unknownCode: 'lookup.unknown-code',
} as const;

export const lookupFailures = {
  invalidCode: (typed: string): Failure =>
    failure(
      lookupErrorCodes.invalidCode,
      `"${typed}" không phải mã hồ sơ. Mã hồ sơ in trên giấy hẹn, dạng {mã đơn vị}-{năm tháng ngày}-{số}.`,
      `"${typed}" is not a file code. The code is printed on your receipt as {unit}-{yyMMdd}-{number}.`,
    ),
  unknownCode: (code: string): Failure =>
    failure(
      lookupErrorCodes.unknownCode,
      `Không tìm thấy hồ sơ ${code}. Xin kiểm tra lại mã trên giấy hẹn; hồ sơ vừa nộp có thể cần vài phút mới tra cứu được. Nếu cần, xin hỏi cán bộ tại quầy.`,
      `No file ${code} was found. Please check the code on your receipt; a file received a few minutes ago may not show yet. Ask at the counter if needed.`,
    ),
};

/** What the citizen typed or the receipt's QR gave, as a canonical record code (or why it is not one). */
export function normalizeRecordCode(typed: string): Result<string, Failure> {
  const parts = parseRecordCode(typed);
  return parts.ok ? ok(formatRecordCode(parts.value.unitId, parts.value.dayCode, parts.value.number)) : err(lookupFailures.invalidCode(typed.trim().slice(0, 80)));
}

/**
 * The self-service look-up: a record of this kiosk's store (the Center's records arrive by sync pull) found by its
 * code through the unique code index, answered only as the public view (no personal data leaves this function).
 */
export async function lookUpRecord(db: MotCuaDb, typed: string): Promise<Result<PublicRecordView, Failure>> {
  const code = normalizeRecordCode(typed);
  if (!code.ok) return code;
  const found = await getRecordByCode(db, code.value);
  if (!found.ok) return found;
  return found.value === null ? err(lookupFailures.unknownCode(code.value)) : ok(publicViewOf(found.value));
}
