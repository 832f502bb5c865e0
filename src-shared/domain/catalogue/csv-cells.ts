import { err, ok, type Result } from '../../result';
import { searchKey } from '../../text/search-key';
import { DEFAULT_SAME_DAY_CUT_OFF_HOUR } from '../calendar';
import type { ProcessingDuration } from '../calendar';
import type { ProcedureProcessingTime } from './procedure';

/**
 * Cell syntaxes of the catalogue CSV (see docs/CATALOGUE.md). Words are matched on their search key, so case,
 * diacritics and punctuation do not matter: "Ngày làm việc", "ngay lam viec" and "working-days" all parse.
 */
export type CellProblem = { readonly vi: string; readonly en: string };
export type CellResult<T> = Result<T, CellProblem>;

const units: Readonly<Record<string, ProcessingDuration['unit']>> = {
  'working days': 'working-days',
  'ngay lam viec': 'working-days',
  'working hours': 'working-hours',
  'gio lam viec': 'working-hours',
  'calendar days': 'calendar-days',
  ngay: 'calendar-days',
};
const unitWords = Object.keys(units).join('|');
const durationPattern = new RegExp(`^(\\d+) (${unitWords})$`, 'u');
const sameDayPattern = /^(?:same day|trong ngay)(?: (?:cutoff|cut off|truoc) (\d{1,2})(?: 00)?(?: gio| h)?)?$/u;
const verificationPattern = new RegExp(`^(?:verification|xac minh) (\\d+) (${unitWords})$`, 'u');

const timeHelp: CellProblem = {
  vi: 'thời hạn phải có dạng "same-day", "same-day cutoff=15", "3 working-days", "8 working-hours" hoặc "30 calendar-days", có thể thêm "; verification 5 working-days".',
  en: 'the time must read "same-day", "same-day cutoff=15", "3 working-days", "8 working-hours" or "30 calendar-days", optionally followed by "; verification 5 working-days".',
};

function parseDuration(match: RegExpExecArray | null): ProcessingDuration | undefined {
  const unit = units[match?.[2] ?? ''];
  const amount = Number(match?.[1]);
  return unit === undefined || !(amount > 0) ? undefined : { unit, amount };
}

/** "same-day cutoff=15; verification 5 working-days" → a processing time object (checked by the schema later). */
export function parseProcessingTimeCell(cell: string): CellResult<ProcedureProcessingTime> {
  const [main = '', verification, ...rest] = cell.split(';').map((part) => searchKey(part));
  if (rest.length > 0) return err(timeHelp);

  let extra: ProcessingDuration | undefined;
  if (verification !== undefined && verification !== '') {
    extra = parseDuration(verificationPattern.exec(verification));
    if (extra === undefined) return err(timeHelp);
  }
  const withExtra = extra === undefined ? {} : { ifVerificationNeeded: extra };

  const sameDay = sameDayPattern.exec(main);
  if (sameDay !== null) {
    const cutOffHour = sameDay[1] === undefined ? DEFAULT_SAME_DAY_CUT_OFF_HOUR : Number(sameDay[1]);
    return ok({ unit: 'same-day', cutOffHour, ...withExtra });
  }
  const duration = parseDuration(durationPattern.exec(main));
  return duration === undefined ? err(timeHelp) : ok({ ...duration, ...withExtra });
}

export function formatProcessingTimeCell(time: ProcedureProcessingTime): string {
  const main = time.unit === 'same-day' ? (time.cutOffHour === DEFAULT_SAME_DAY_CUT_OFF_HOUR ? 'same-day' : `same-day cutoff=${time.cutOffHour}`) : `${time.amount} ${time.unit}`;
  const extra = time.ifVerificationNeeded;
  return extra === undefined ? main : `${main}; verification ${extra.amount} ${extra.unit}`;
}

/** Lists are one item per line inside the cell (Alt+Enter in Excel). */
export function parseListCell(cell: string): string[] {
  return cell
    .split(/\r\n|\r|\n/u)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function parseJsonArrayCell(cell: string): CellResult<unknown[]> {
  try {
    const value: unknown = JSON.parse(cell);
    return Array.isArray(value) ? ok(value) : err({ vi: 'cần một mảng JSON [ … ].', en: 'a JSON array [ … ] is expected.' });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return err({ vi: `JSON không hợp lệ (${detail}).`, en: `invalid JSON (${detail}).` });
  }
}

const yes = new Set(['yes', 'true', 'co', '1', 'x']);
const no = new Set(['no', 'false', 'khong', '0']);

export function parseBooleanCell(cell: string): CellResult<boolean> {
  const key = searchKey(cell);
  if (yes.has(key)) return ok(true);
  if (no.has(key)) return ok(false);
  return err({ vi: 'cần "có" hoặc "không" (yes/no).', en: 'expected "yes" or "no".' });
}

/** "yes" / "no", or the two-digit codes of the provinces where the procedure is accepted across boundaries. */
export function parseNonBoundaryCell(cell: string): CellResult<boolean | string[]> {
  const asBoolean = parseBooleanCell(cell);
  if (asBoolean.ok) return asBoolean;
  const codes = cell.split(/[\s,;]+/u).filter((part) => part !== '');
  return codes.length > 0 && codes.every((code) => /^\d{2}$/u.test(code))
    ? ok(codes)
    : err({ vi: 'cần "có", "không" hoặc danh sách mã tỉnh 2 chữ số (ví dụ: 01; 79).', en: 'expected "yes", "no" or two-digit province codes (e.g. 01; 79).' });
}
