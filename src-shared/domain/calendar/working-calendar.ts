import { err, ok } from '../../result';
import type { Result } from '../../result';
import { dateOfEpochDay, epochDayOf, formatEpochDay, weekdayOfEpochDay } from './civil-date';
import type { LocalDate, Weekday } from './civil-date';
import { calendarErrors } from './errors';
import type { CalendarFailure } from './errors';
import type { HolidayRule } from './holiday-rule';
import { buildYearDays, defaultHolidayRules } from './holidays';
import type { DayOffKind, YearDays } from './holidays';
import { shippedYearCalendars } from './calendar-2026';
import { LUNAR_SUPPORTED_YEARS } from './lunar';
import type { YearCalendar } from './year-calendar';

/**
 * Which dates are working days for a Center: weekly rest days, the public holidays of the law in force,
 * days in lieu, and the yearly announced swaps. Built once, then asked per day; each solar year's table is
 * computed on first use and kept, so a due-date computation costs a few map lookups per day walked.
 */
export type WorkingCalendar = {
  readonly rules: readonly HolidayRule[];
  readonly announcements: ReadonlyMap<number, YearCalendar>;
  readonly weeklyRestDays: ReadonlySet<Weekday>;
  /** Memo of per-year tables; an implementation detail, mutated only by `yearDays`. */
  readonly yearCache: Map<number, YearDays>;
};

export type WorkingCalendarOptions = {
  /** Defaults to every Labour Code's holiday rules, each within its effective range. */
  readonly rules?: readonly HolidayRule[];
  /** Defaults to the calendars shipped with the kiosk (2026). */
  readonly announcements?: readonly YearCalendar[];
  /** State agencies rest on Saturday and Sunday (the 40-hour week); change only if a law does. */
  readonly weeklyRestDays?: readonly Weekday[];
};

/** The years a calendar answers for (the lunar calendar's range, since Tết and Hùng Kings' day need it). */
export const CALENDAR_SUPPORTED_YEARS = LUNAR_SUPPORTED_YEARS;

export function createWorkingCalendar(options: WorkingCalendarOptions = {}): Result<WorkingCalendar, CalendarFailure> {
  const announcements = new Map<number, YearCalendar>();
  for (const calendar of options.announcements ?? shippedYearCalendars) {
    if (announcements.has(calendar.year)) return err(calendarErrors.duplicateYear(calendar.year));
    announcements.set(calendar.year, calendar);
  }
  return ok({
    rules: options.rules ?? defaultHolidayRules,
    announcements,
    weeklyRestDays: new Set(options.weeklyRestDays ?? [6, 0]),
    yearCache: new Map(),
  });
}

/**
 * Replaces shipped announcements by those loaded from files, year by year (a technician's 2026 file wins
 * over the shipped 2026), keeping the other shipped years.
 */
export function mergeAnnouncements(shipped: readonly YearCalendar[], loaded: readonly YearCalendar[]): readonly YearCalendar[] {
  const loadedYears = new Set(loaded.map((calendar) => calendar.year));
  return [...shipped.filter((calendar) => !loadedYears.has(calendar.year)), ...loaded];
}

export function yearDays(calendar: WorkingCalendar, year: number): YearDays {
  const cached = calendar.yearCache.get(year);
  if (cached !== undefined) return cached;
  const built = buildYearDays(year, calendar);
  calendar.yearCache.set(year, built);
  return built;
}

export type NonWorkingKind = 'weekend' | DayOffKind;

export type DayStatus =
  | { readonly working: true; readonly makeUp?: { readonly reason: string; readonly reasonEn: string } }
  | { readonly working: false; readonly kind: NonWorkingKind; readonly reason: string; readonly reasonEn: string };

const WORKING: DayStatus = { working: true };

const weekdayNames: Readonly<Record<Weekday, readonly [string, string]>> = {
  0: ['Chủ nhật', 'Sunday'],
  1: ['Thứ Hai', 'Monday'],
  2: ['Thứ Ba', 'Tuesday'],
  3: ['Thứ Tư', 'Wednesday'],
  4: ['Thứ Năm', 'Thursday'],
  5: ['Thứ Sáu', 'Friday'],
  6: ['Thứ Bảy', 'Saturday'],
};

export function weekdayName(weekday: Weekday): { readonly vi: string; readonly en: string } {
  const [vi, en] = weekdayNames[weekday];
  return { vi, en };
}

/** Whether an epoch day is worked, and if not, why — the hot path of every due-date computation. */
export function dayStatusOfEpochDay(calendar: WorkingCalendar, epochDay: number): DayStatus {
  const table = yearDays(calendar, yearOfDay(epochDay));
  const makeUp = table.workingDays.get(epochDay);
  if (makeUp !== undefined) return { working: true, makeUp };
  const off = table.daysOff.get(epochDay);
  if (off !== undefined) return { working: false, kind: off.kind, reason: off.reason, reasonEn: off.reasonEn };
  const weekday = weekdayOfEpochDay(epochDay);
  if (calendar.weeklyRestDays.has(weekday)) {
    const [reason, reasonEn] = weekdayNames[weekday];
    return { working: false, kind: 'weekend', reason, reasonEn };
  }
  return WORKING;
}

export function dayStatus(calendar: WorkingCalendar, date: LocalDate): DayStatus {
  return dayStatusOfEpochDay(calendar, epochDayOf(date));
}

export function isWorkingDay(calendar: WorkingCalendar, date: LocalDate): boolean {
  return dayStatus(calendar, date).working;
}

export type CalendarDayOff = { readonly date: string; readonly kind: DayOffKind; readonly reason: string; readonly reasonEn: string };

/** A year's days off other than plain weekends, in date order — what a settings screen or a report lists. */
export function daysOffInYear(calendar: WorkingCalendar, year: number): readonly CalendarDayOff[] {
  return [...yearDays(calendar, year).daysOff].map(([day, off]) => ({
    date: formatEpochDay(day),
    kind: off.kind,
    reason: off.reason,
    reasonEn: off.reasonEn,
  }));
}

export function makeUpWorkingDaysInYear(calendar: WorkingCalendar, year: number): readonly string[] {
  return [...yearDays(calendar, year).workingDays.keys()].map(formatEpochDay);
}

// Walking day by day stays in one year for long stretches, so remember the last year's bounds.
let lastYear = { year: 1970, first: 0, last: 364 };

function yearOfDay(epochDay: number): number {
  if (epochDay >= lastYear.first && epochDay <= lastYear.last) return lastYear.year;
  const { year } = dateOfEpochDay(epochDay);
  lastYear = { year, first: epochDayOf({ year, month: 1, day: 1 }), last: epochDayOf({ year, month: 12, day: 31 }) };
  return year;
}
