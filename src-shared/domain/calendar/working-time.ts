/**
 * Arithmetic on "working time": the time the counter is open on working days. Everything the deadline
 * rules need reduces to three walks over days: find the next opening, add working time, measure it.
 */
import type { OfficeHours } from './office-hours';
import { closingMs } from './office-hours';
import { MS_PER_DAY, vietnamDayOf, vietnamInstant, vietnamTimeOfDay } from './vietnam-time';
import type { Instant } from './vietnam-time';
import { dayStatusOfEpochDay } from './working-calendar';
import type { WorkingCalendar } from './working-calendar';

export type WorkingClock = { readonly calendar: WorkingCalendar; readonly officeHours: OfficeHours };

/**
 * Real calendars never have more than a couple of weeks off in a row; a loaded file that blocks out years
 * must end in an error, not an endless loop.
 */
const MAX_CONSECUTIVE_DAYS_OFF = 1000;

const isWorking = (clock: WorkingClock, day: number): boolean => dayStatusOfEpochDay(clock.calendar, day).working;

/** The first instant at or after `instant` when the counter is open; undefined if the calendar has no working day ahead. */
export function nextOpenInstant(clock: WorkingClock, instant: Instant): Instant | undefined {
  let day = vietnamDayOf(instant);
  let timeOfDay = vietnamTimeOfDay(instant);
  for (let idle = 0; idle <= MAX_CONSECUTIVE_DAYS_OFF; idle += 1) {
    if (isWorking(clock, day)) {
      for (const session of clock.officeHours.sessions) {
        if (timeOfDay < session.closesMs) return vietnamInstant(day, Math.max(timeOfDay, session.opensMs));
      }
    }
    day += 1;
    timeOfDay = 0;
  }
  return undefined;
}

/**
 * The instant reached after `amountMs` of working time counted from `start`. Landing exactly on the end
 * of a session stays there (17:00, not the next morning's 07:00): the file is due at that closing.
 */
export function addWorkingTime(clock: WorkingClock, start: Instant, amountMs: number): Instant | undefined {
  let day = vietnamDayOf(start);
  let timeOfDay = vietnamTimeOfDay(start);
  let remaining = amountMs;
  let idle = 0;
  for (;;) {
    if (isWorking(clock, day)) {
      idle = 0;
      for (const session of clock.officeHours.sessions) {
        const from = Math.max(timeOfDay, session.opensMs);
        if (from >= session.closesMs) continue;
        const available = session.closesMs - from;
        if (remaining <= available) return vietnamInstant(day, from + remaining);
        remaining -= available;
      }
    } else if (++idle > MAX_CONSECUTIVE_DAYS_OFF) {
      return undefined;
    }
    day += 1;
    timeOfDay = 0;
  }
}

/** Working time between two instants (0 when `to` is not after `from`). */
export function workingTimeBetween(clock: WorkingClock, from: Instant, to: Instant): number {
  if (to <= from) return 0;
  const firstDay = vietnamDayOf(from);
  const lastDay = vietnamDayOf(to);
  let total = 0;
  for (let day = firstDay; day <= lastDay; day += 1) {
    if (!isWorking(clock, day)) continue;
    const dayFrom = day === firstDay ? vietnamTimeOfDay(from) : 0;
    const dayTo = day === lastDay ? vietnamTimeOfDay(to) : MS_PER_DAY;
    for (const session of clock.officeHours.sessions) {
      const overlap = Math.min(session.closesMs, dayTo) - Math.max(session.opensMs, dayFrom);
      if (overlap > 0) total += overlap;
    }
  }
  return total;
}

/** Closing time of the first working day on or after an epoch day. */
export function closingOfWorkingDayFrom(clock: WorkingClock, epochDay: number): Instant | undefined {
  for (let day = epochDay; day <= epochDay + MAX_CONSECUTIVE_DAYS_OFF; day += 1) {
    if (isWorking(clock, day)) return vietnamInstant(day, closingMs(clock.officeHours));
  }
  return undefined;
}
