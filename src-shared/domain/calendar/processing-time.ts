import { err, ok } from '../../result';
import type { Result } from '../../result';
import { calendarErrors } from './errors';
import type { CalendarFailure } from './errors';
import type { OfficeHours } from './office-hours';
import { workingDayMs } from './office-hours';
import { MS_PER_HOUR } from './vietnam-time';

/**
 * A procedure's processing time as its published text states it: so many working days, so many working
 * hours, so many plain days ("không quá 30 ngày"), or "within the day" (trong ngày) with a cut-off hour after
 * which the file goes to the next day. This is the one definition: the procedure catalogue's schema is checked
 * against it at compile time, so a procedure's `processingTime` goes to `computeDue` as it is.
 */
export type ProcessingTime =
  | { readonly unit: 'working-days'; readonly amount: number }
  | { readonly unit: 'working-hours'; readonly amount: number }
  | { readonly unit: 'calendar-days'; readonly amount: number }
  | { readonly unit: 'same-day'; readonly cutOffHour?: number };

/** A processing time that is an amount of some unit (all but same-day), e.g. a limit when verification is needed. */
export type ProcessingDuration = Exclude<ProcessingTime, { readonly unit: 'same-day' }>;

/** Same-day files received after 15:00 are returned the next working day [practice, per procedure]. */
export const DEFAULT_SAME_DAY_CUT_OFF_HOUR = 15;

/** Longest processing times accepted; published procedures stay far below (the longest are ~90 days). */
const MAX_WORKING_DAYS = 1000;
const MAX_WORKING_HOURS = MAX_WORKING_DAYS * 24;
const MAX_CALENDAR_DAYS = 1000;

export function validateProcessingTime(time: ProcessingTime): Result<ProcessingTime, CalendarFailure> {
  switch (time.unit) {
    case 'working-days':
    case 'working-hours': {
      const max = time.unit === 'working-days' ? MAX_WORKING_DAYS : MAX_WORKING_HOURS;
      if (Number.isFinite(time.amount) && time.amount > 0 && time.amount <= max) return ok(time);
      return err(
        calendarErrors.invalidProcessingTime(
          `số ${time.unit === 'working-days' ? 'ngày' : 'giờ'} làm việc phải lớn hơn 0 và không quá ${max} (nhận được ${time.amount}).`,
          `the number of working ${time.unit === 'working-days' ? 'days' : 'hours'} must be above 0 and at most ${max} (got ${time.amount}).`,
        ),
      );
    }
    case 'calendar-days': {
      // A count of days lands on a date; half a day has no meaning in "không quá N ngày".
      if (Number.isInteger(time.amount) && time.amount > 0 && time.amount <= MAX_CALENDAR_DAYS) return ok(time);
      return err(
        calendarErrors.invalidProcessingTime(
          `số ngày phải là số nguyên lớn hơn 0 và không quá ${MAX_CALENDAR_DAYS} (nhận được ${time.amount}).`,
          `the number of calendar days must be a whole number above 0 and at most ${MAX_CALENDAR_DAYS} (got ${time.amount}).`,
        ),
      );
    }
    case 'same-day': {
      const hour = time.cutOffHour ?? DEFAULT_SAME_DAY_CUT_OFF_HOUR;
      if (Number.isFinite(hour) && hour >= 0 && hour <= 24) return ok(time);
      return err(
        calendarErrors.invalidProcessingTime(
          `giờ chốt nhận hồ sơ trong ngày phải từ 0 đến 24 (nhận được ${hour}).`,
          `the same-day cut-off hour must be between 0 and 24 (got ${hour}).`,
        ),
      );
    }
  }
}

/** Working time of a days/hours processing time; one working day is one day's office hours. */
export function processingTimeMs(time: ProcessingTime & { readonly unit: 'working-days' | 'working-hours' }, hours: OfficeHours): number {
  const unitMs = time.unit === 'working-days' ? workingDayMs(hours) : MS_PER_HOUR;
  return Math.round(time.amount * unitMs);
}

export function cutOffMs(time: ProcessingTime & { readonly unit: 'same-day' }): number {
  return Math.round((time.cutOffHour ?? DEFAULT_SAME_DAY_CUT_OFF_HOUR) * MS_PER_HOUR);
}

/** "3 ngày làm việc" / "3 working days" — for receipts and the CLI. */
export function describeProcessingTime(time: ProcessingTime): { readonly vi: string; readonly en: string } {
  switch (time.unit) {
    case 'working-days':
      return { vi: `${time.amount} ngày làm việc`, en: `${time.amount} working day${time.amount === 1 ? '' : 's'}` };
    case 'working-hours':
      return { vi: `${time.amount} giờ làm việc`, en: `${time.amount} working hour${time.amount === 1 ? '' : 's'}` };
    case 'calendar-days':
      // Vietnamese texts say plain "ngày" for calendar days; English needs the word to tell them from working days.
      return { vi: `${time.amount} ngày`, en: `${time.amount} calendar day${time.amount === 1 ? '' : 's'}` };
    case 'same-day': {
      const hour = time.cutOffHour ?? DEFAULT_SAME_DAY_CUT_OFF_HOUR;
      return { vi: `trong ngày (nhận sau ${formatHour(hour)} trả ngày làm việc sau)`, en: `same day (received after ${formatHour(hour)}: next working day)` };
    }
  }
}

function formatHour(hour: number): string {
  const minutes = Math.round(hour * 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
