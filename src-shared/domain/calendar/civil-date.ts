import { err, ok } from '../../result';
import type { Result } from '../../result';
import { calendarErrors } from './errors';
import type { CalendarFailure } from './errors';

/** A date on the Gregorian calendar, with no time and no zone (a Vietnamese wall-calendar date). */
export type LocalDate = { readonly year: number; readonly month: number; readonly day: number };

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay counts. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * Days are counted as integers since 1970-01-01 ("epoch days") with plain arithmetic (H. Hinnant's civil
 * algorithms), so nothing here depends on the host's time zone, and a day lookup is a number key.
 */
export function epochDayOf(date: LocalDate): number {
  const y = date.month <= 2 ? date.year - 1 : date.year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const shiftedMonth = date.month > 2 ? date.month - 3 : date.month + 9;
  const dayOfYear = Math.floor((153 * shiftedMonth + 2) / 5) + date.day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

export function dateOfEpochDay(epochDay: number): LocalDate {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The Gregorian year an epoch day belongs to (the per-year holiday tables are keyed by it). */
export function yearOfEpochDay(epochDay: number): number {
  return dateOfEpochDay(epochDay).year;
}

export function weekdayOfEpochDay(epochDay: number): Weekday {
  // 1970-01-01 was a Thursday.
  return ((((epochDay + 4) % 7) + 7) % 7) as Weekday;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function isValidLocalDate(date: LocalDate): boolean {
  const { year, month, day } = date;
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parseLocalDate(text: string, path?: string): Result<LocalDate, CalendarFailure> {
  const match = isoDatePattern.exec(text);
  if (match === null) return err(calendarErrors.invalidDate(text, path));
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isValidLocalDate(date) ? ok(date) : err(calendarErrors.invalidDate(text, path));
}

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

export function formatLocalDate(date: LocalDate): string {
  return `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}`;
}

export function formatEpochDay(epochDay: number): string {
  return formatLocalDate(dateOfEpochDay(epochDay));
}

/** Epoch day of a 'YYYY-MM-DD' string already known to be valid (shipped data, schema-checked input). */
export function epochDayOfIso(text: string): number {
  const parsed = parseLocalDate(text);
  if (!parsed.ok) throw new RangeError(parsed.error.messageEn);
  return epochDayOf(parsed.value);
}
