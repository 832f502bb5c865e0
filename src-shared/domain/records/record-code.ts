import { z } from 'zod';
import { err, ok, type Result } from '../../result';
import { isValidLocalDate, vietnamDateOf, type LocalDate } from '../calendar';
import { recordFailures, type RecordFailure } from './errors';

/**
 * Record codes: `{unit electronic ID}-{yyMMdd}-{NNNN}` (DOMAIN.md §5), the day in UTC+7 as the working-day
 * calendar reckons it (`vietnamDateOf`); only the compact `yyMMdd` spelling is records' own.
 * Kiosks of one unit allocate offline without talking to each other, so NNNN = kiosk slot × 1000 + a per-kiosk
 * daily sequence 001…999: slots are unique per unit, hence codes are too. See docs/RECORD-CODES.md.
 */

/** Dot-separated upper-case alphanumeric segments: `000.00.00.H30`, `H55.242`, `000.00.15.H55`. */
export const unitIdPattern = /^[A-Z0-9]+(?:\.[A-Z0-9]+)*$/;
const maxUnitIdLength = 40;

export const unitIdSchema = z.string().max(maxUnitIdLength).regex(unitIdPattern);

export function isUnitId(text: string): boolean {
  return text.length <= maxUnitIdLength && unitIdPattern.test(text);
}

/** Trims and upper-cases what an officer typed, then validates. */
export function parseUnitId(text: string): Result<string, RecordFailure> {
  const normalized = text.trim().toUpperCase();
  return isUnitId(normalized) ? ok(normalized) : err(recordFailures.invalidUnitId(text));
}

export const kioskSlotCount = 10;
export const maxDailySequence = 999;

export const kioskSlotSchema = z.int().min(0).max(kioskSlotCount - 1);

export function isKioskSlot(slot: number): boolean {
  return Number.isInteger(slot) && slot >= 0 && slot < kioskSlotCount;
}

export type RecordCodeParts = {
  readonly unitId: string;
  readonly day: LocalDate;
  /** `yyMMdd` as printed. */
  readonly dayCode: string;
  /** NNNN as a number, 0…9999. */
  readonly number: number;
  /** Slot and sequence only make sense for numbers our kiosks allocate; other systems may print e.g. 0000. */
  readonly kioskSlot: number | null;
  readonly sequence: number | null;
};

const two = (n: number): string => String(n).padStart(2, '0');

/** `yyMMdd` of the Vietnamese day an instant falls on, as printed inside record codes. */
export function recordCodeDay(at: number): string {
  const date = vietnamDateOf(at);
  return `${two(date.year % 100)}${two(date.month)}${two(date.day)}`;
}

export function formatRecordCode(unitId: string, dayCode: string, number: number): string {
  return `${unitId}-${dayCode}-${String(number).padStart(4, '0')}`;
}

const recordCodePattern = /^(.+)-(\d{2})(\d{2})(\d{2})-(\d{4})$/;

export function parseRecordCode(text: string): Result<RecordCodeParts, RecordFailure> {
  const code = text.trim().toUpperCase();
  const match = recordCodePattern.exec(code);
  if (match === null) {
    return err(
      recordFailures.invalidRecordCode(text, 'cần dạng {mã đơn vị}-{yyMMdd}-{NNNN}.', 'expected {unit ID}-{yyMMdd}-{NNNN}.'),
    );
  }
  const [, unitId = '', yy = '', mm = '', dd = '', nnnn = ''] = match;
  if (!isUnitId(unitId)) {
    return err(recordFailures.invalidRecordCode(text, `mã đơn vị "${unitId}" sai.`, `unit ID "${unitId}" is malformed.`));
  }
  const day: LocalDate = { year: 2000 + Number(yy), month: Number(mm), day: Number(dd) };
  if (!isValidLocalDate(day)) {
    return err(recordFailures.invalidRecordCode(text, `ngày ${yy}${mm}${dd} không tồn tại.`, `day ${yy}${mm}${dd} does not exist.`));
  }
  const number = Number(nnnn);
  const sequence = number % 1000;
  const fromKiosk = sequence >= 1;
  return ok({
    unitId,
    day,
    dayCode: `${yy}${mm}${dd}`,
    number,
    kioskSlot: fromKiosk ? Math.floor(number / 1000) : null,
    sequence: fromKiosk ? sequence : null,
  });
}

/**
 * What a kiosk remembers between allocations: the last sequence used on each recent day. Several days are kept,
 * not just today, so a clock set back to an earlier day continues that day's numbers instead of reusing them.
 */
export type CodeSequenceState = { readonly lastByDay: Readonly<Partial<Record<string, number>>> };

export const codeSequenceStateSchema = z.object({
  lastByDay: z.record(z.string().regex(/^\d{6}$/), z.int().min(0).max(maxDailySequence)),
});

export const emptyCodeSequenceState: CodeSequenceState = { lastByDay: {} };

/** Days remembered; a clock going back further than this is caught by the store's unique index on the code. */
export const rememberedDays = 62;

export type CodeAllocation = {
  readonly code: string;
  readonly dayCode: string;
  readonly number: number;
  readonly state: CodeSequenceState;
};

export type CodeAllocationRequest = { readonly unitId: string; readonly kioskSlot: number; readonly at: number };

export function allocateRecordCode(
  state: CodeSequenceState,
  request: CodeAllocationRequest,
): Result<CodeAllocation, RecordFailure> {
  if (!isUnitId(request.unitId)) return err(recordFailures.invalidUnitId(request.unitId));
  if (!isKioskSlot(request.kioskSlot)) return err(recordFailures.invalidKioskSlot(request.kioskSlot));
  const dayCode = recordCodeDay(request.at);
  const sequence = (state.lastByDay[dayCode] ?? 0) + 1;
  if (sequence > maxDailySequence) return err(recordFailures.sequenceExhausted(dayCode, request.kioskSlot));
  const number = request.kioskSlot * 1000 + sequence;
  return ok({
    code: formatRecordCode(request.unitId, dayCode, number),
    dayCode,
    number,
    state: { lastByDay: keepRecentDays({ ...state.lastByDay, [dayCode]: sequence }) },
  });
}

function keepRecentDays(lastByDay: Readonly<Partial<Record<string, number>>>): Partial<Record<string, number>> {
  const days = Object.keys(lastByDay).sort();
  const kept = days.slice(Math.max(days.length - rememberedDays, 0));
  return Object.fromEntries(kept.map((day) => [day, lastByDay[day]]));
}
