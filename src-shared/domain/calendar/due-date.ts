/**
 * Due dates (hạn trả kết quả). Processing time is working time:
 * - one working day = one working day's office hours (8 h by default); hours count the same way;
 * - a file received outside office hours (before opening, at lunch, after closing, on a day off) starts at
 *   the next opening; otherwise at the receipt instant;
 * - adding working time that ends exactly at a session's end stays there (Mon after closing + 1 day = Tue
 *   17:00; Mon 10:00 + 3 days = Thu 10:00 when all are working days), so a due date is always inside a
 *   working day's office hours, never on a day off and never before the receipt;
 * - same-day procedures: due at closing of the day the clock starts; if it starts after the cut-off hour
 *   (default 15:00; exactly 15:00 is not after), at closing of the next working day. Receipts before opening
 *   or at lunch count from the opening that follows; after closing or on a day off, from the next working day.
 * - calendar days ("không quá N ngày"): counted from the day after the date the clock starts, days off
 *   included; due at closing of the Nth day, or of the next working day when the Nth day is off (as the Civil
 *   Code counts periods in days: the first day is not counted, a period ending on a day off ends on the next
 *   working day).
 * `skipped` lists the non-working dates that pushed the due date, with why: for working time every one from
 * the receipt date up to the due date; for calendar days, which run through days off, only those before the
 * clock started and those from the Nth day on.
 */
import { err, ok } from '../../result';
import type { Result } from '../../result';
import { formatEpochDay } from './civil-date';
import { calendarErrors } from './errors';
import type { CalendarFailure } from './errors';
import { DEFAULT_OFFICE_HOURS, closingMs } from './office-hours';
import type { OfficeHours } from './office-hours';
import { cutOffMs, processingTimeMs, validateProcessingTime } from './processing-time';
import type { ProcessingTime } from './processing-time';
import { vietnamDateOf, vietnamDayOf, vietnamInstant, vietnamTimeOfDay } from './vietnam-time';
import type { Instant } from './vietnam-time';
import { CALENDAR_SUPPORTED_YEARS, dayStatusOfEpochDay } from './working-calendar';
import type { NonWorkingKind, WorkingCalendar } from './working-calendar';
import { addWorkingTime, closingOfWorkingDayFrom, nextOpenInstant } from './working-time';
import type { WorkingClock } from './working-time';

export type SkippedDay = {
  readonly date: string;
  readonly kind: NonWorkingKind;
  readonly reason: string;
  readonly reasonEn: string;
};

export type DueDate = {
  readonly dueAt: Instant;
  /** When the clock started: the receipt, or the next opening after it. */
  readonly effectiveStart: Instant;
  readonly skipped: readonly SkippedDay[];
};

export type DueDateRequest = {
  readonly receivedAt: Instant;
  readonly processingTime: ProcessingTime;
  readonly calendar: WorkingCalendar;
  readonly officeHours?: OfficeHours;
};

export function computeDue(request: DueDateRequest): Result<DueDate, CalendarFailure> {
  const checked = checkRequest(request);
  if (!checked.ok) return checked;
  const { clock, processingTime } = checked.value;
  const deadline = deadlineFrom(clock, request.receivedAt, processingTime);
  if (deadline === undefined) return err(calendarErrors.noWorkingDay());
  const { dueAt, effectiveStart } = deadline;
  return ok({ dueAt, effectiveStart, skipped: skippedDays(clock, request.receivedAt, deadline) });
}

type CheckedRequest = { readonly clock: WorkingClock; readonly processingTime: ProcessingTime };

/** Shared by computeDue and the pause computation: validates what a caller can get wrong. */
export function checkRequest(request: DueDateRequest): Result<CheckedRequest, CalendarFailure> {
  const { receivedAt } = request;
  if (!Number.isFinite(receivedAt)) return err(calendarErrors.invalidInstant(String(receivedAt), 'receivedAt'));
  const { year } = vietnamDateOf(receivedAt);
  if (year < CALENDAR_SUPPORTED_YEARS.min || year > CALENDAR_SUPPORTED_YEARS.max) {
    return err(calendarErrors.outOfRange(year, CALENDAR_SUPPORTED_YEARS.min, CALENDAR_SUPPORTED_YEARS.max));
  }
  const processingTime = validateProcessingTime(request.processingTime);
  if (!processingTime.ok) return processingTime;
  const clock = { calendar: request.calendar, officeHours: request.officeHours ?? DEFAULT_OFFICE_HOURS };
  return ok({ clock, processingTime: processingTime.value });
}

/** A computed deadline; `lastCalendarDay` only for calendar days: the Nth day, before moving off a day off. */
export type Deadline = { readonly dueAt: Instant; readonly effectiveStart: Instant; readonly lastCalendarDay?: number };

/** The deadline when the clock (re)starts at `startAt` with the whole processing time ahead. */
export function deadlineFrom(clock: WorkingClock, startAt: Instant, time: ProcessingTime): Deadline | undefined {
  const effectiveStart = nextOpenInstant(clock, startAt);
  if (effectiveStart === undefined) return undefined;
  switch (time.unit) {
    case 'working-days':
    case 'working-hours': {
      const dueAt = addWorkingTime(clock, effectiveStart, processingTimeMs(time, clock.officeHours));
      return dueAt === undefined ? undefined : { dueAt, effectiveStart };
    }
    case 'calendar-days':
      return calendarDaysDeadline(clock, effectiveStart, time.amount);
    case 'same-day': {
      const startDay = vietnamDayOf(effectiveStart);
      const dueAt =
        vietnamTimeOfDay(effectiveStart) > cutOffMs(time)
          ? closingOfWorkingDayFrom(clock, startDay + 1)
          : vietnamInstant(startDay, closingMs(clock.officeHours));
      return dueAt === undefined ? undefined : { dueAt, effectiveStart };
    }
  }
}

/**
 * `days` calendar days counted from the day after `effectiveStart`'s date (an instant when the Center is open);
 * 0 days means that very day. Due at closing of the last day, or of the next working day if it is off.
 */
export function calendarDaysDeadline(clock: WorkingClock, effectiveStart: Instant, days: number): Deadline | undefined {
  const lastCalendarDay = vietnamDayOf(effectiveStart) + days;
  const dueAt = closingOfWorkingDayFrom(clock, lastCalendarDay);
  return dueAt === undefined ? undefined : { dueAt, effectiveStart, lastCalendarDay };
}

/**
 * The non-working dates that pushed the due date. Working time stops on every day off between the receipt and
 * the due date. Calendar days run through days off, so only those that delayed the start of the count (from
 * the receipt's date) and those that moved the Nth day to a working day count.
 */
export function skippedDays(clock: WorkingClock, receivedAt: Instant, deadline: Deadline): SkippedDay[] {
  const receivedDay = vietnamDayOf(receivedAt);
  const dueDay = vietnamDayOf(deadline.dueAt);
  if (deadline.lastCalendarDay === undefined) return nonWorkingDays(clock, receivedDay, dueDay);
  return [...nonWorkingDays(clock, receivedDay, vietnamDayOf(deadline.effectiveStart)), ...nonWorkingDays(clock, deadline.lastCalendarDay, dueDay)];
}

/** Non-working dates from `firstDay` up to (not including) `endDay`, as epoch days. */
function nonWorkingDays(clock: WorkingClock, firstDay: number, endDay: number): SkippedDay[] {
  const skipped: SkippedDay[] = [];
  for (let day = firstDay; day < endDay; day += 1) {
    const status = dayStatusOfEpochDay(clock.calendar, day);
    if (!status.working) skipped.push({ date: formatEpochDay(day), kind: status.kind, reason: status.reason, reasonEn: status.reasonEn });
  }
  return skipped;
}
