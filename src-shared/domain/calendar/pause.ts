/**
 * The clock stops while the Center waits for the citizen to supplement a file (status 5). Each pause takes
 * the working time already used away from the processing time; the rest starts again at the next opening
 * after the resume instant. A pause that starts when the clock has already run out (at or after the due
 * date) changes nothing: the file was due before anyone asked for more papers. For same-day procedures
 * the resume instant is treated as a new receipt (same-day rule, cut-off included). Calendar days count in
 * whole days: the days up to the pause's date are used, the rest count again from the day after the date the
 * clock restarts (the next opening after the resume), so a pause pushes the Nth day by the days it lasted.
 */
import { err, ok } from '../../result';
import type { Result } from '../../result';
import { calendarErrors } from './errors';
import type { CalendarFailure } from './errors';
import { calendarDaysDeadline, checkRequest, deadlineFrom, skippedDays } from './due-date';
import type { Deadline, DueDateRequest, SkippedDay } from './due-date';
import { processingTimeMs } from './processing-time';
import type { ProcessingTime } from './processing-time';
import { vietnamDayOf } from './vietnam-time';
import type { Instant } from './vietnam-time';
import { addWorkingTime, nextOpenInstant, workingTimeBetween } from './working-time';
import type { WorkingClock } from './working-time';

export type PauseInterval = { readonly pausedAt: Instant; readonly resumedAt?: Instant };

export type PausedDueDate =
  | {
      readonly state: 'running';
      readonly dueAt: Instant;
      readonly effectiveStart: Instant;
      readonly skipped: readonly SkippedDay[];
    }
  | {
      readonly state: 'paused';
      readonly dueAt: undefined;
      readonly effectiveStart: Instant;
      readonly pausedAt: Instant;
      /**
       * Working time left on the clock when it stopped; it runs again from the next opening after the resume.
       * Same-day and calendar-day files carry no working time: for them, the working time from the pause to
       * the due date as it stood.
       */
      readonly remainingMs: number;
      /** Calendar-day files only: the days left, counted again from the day after the clock restarts. */
      readonly remainingDays?: number;
    };

/** What the clock carries over a pause, by unit. */
type Left =
  | { readonly unit: 'working-time'; readonly ms: number }
  | { readonly unit: 'calendar-days'; readonly days: number }
  | { readonly unit: 'same-day' };

export function computeDueWithPauses(
  request: DueDateRequest & { readonly pauses: readonly PauseInterval[] },
): Result<PausedDueDate, CalendarFailure> {
  const checked = checkRequest(request);
  if (!checked.ok) return checked;
  const pausesChecked = checkPauses(request.receivedAt, request.pauses);
  if (!pausesChecked.ok) return pausesChecked;
  const { clock, processingTime } = checked.value;

  const first = deadlineFrom(clock, request.receivedAt, processingTime);
  if (first === undefined) return err(calendarErrors.noWorkingDay());
  const { effectiveStart } = first;
  let running: Deadline = first;
  let workingLeftMs = processingTime.unit === 'working-days' || processingTime.unit === 'working-hours' ? processingTimeMs(processingTime, clock.officeHours) : 0;

  for (const pause of request.pauses) {
    if (pause.pausedAt >= running.dueAt) break;
    const left = leftAt(clock, processingTime, running, workingLeftMs, pause.pausedAt);
    if (left.unit === 'working-time') workingLeftMs = left.ms;
    if (pause.resumedAt === undefined) {
      const remainingMs = left.unit === 'working-time' ? left.ms : workingTimeBetween(clock, pause.pausedAt, running.dueAt);
      return ok({
        state: 'paused',
        dueAt: undefined,
        effectiveStart,
        pausedAt: pause.pausedAt,
        remainingMs,
        ...(left.unit === 'calendar-days' ? { remainingDays: left.days } : {}),
      });
    }
    const restarted = restart(clock, processingTime, pause.resumedAt, left);
    if (restarted === undefined) return err(calendarErrors.noWorkingDay());
    running = restarted;
  }
  // Days off before the first start pushed the due date too; keep that start for `skipped`.
  const final: Deadline = { ...running, effectiveStart };
  return ok({ state: 'running', dueAt: running.dueAt, effectiveStart, skipped: skippedDays(clock, request.receivedAt, final) });
}

/** What is left on the clock when it stops at `pausedAt`, having run since `running.effectiveStart`. */
function leftAt(clock: WorkingClock, time: ProcessingTime, running: Deadline, workingLeftMs: number, pausedAt: Instant): Left {
  switch (time.unit) {
    case 'working-days':
    case 'working-hours':
      return { unit: 'working-time', ms: workingLeftMs - workingTimeBetween(clock, running.effectiveStart, pausedAt) };
    case 'calendar-days': {
      // Whole days: the pause's own date counts as used; a pause before the count began (a receipt on a day
      // off paused before the next opening) uses none; one after the Nth day (while it waits for a working
      // day) leaves none.
      const startDay = vietnamDayOf(running.effectiveStart);
      const lastDay = running.lastCalendarDay ?? startDay + time.amount;
      const pausedDay = Math.min(Math.max(vietnamDayOf(pausedAt), startDay), lastDay);
      return { unit: 'calendar-days', days: lastDay - pausedDay };
    }
    case 'same-day':
      return { unit: 'same-day' };
  }
}

function restart(clock: WorkingClock, time: ProcessingTime, resumedAt: Instant, left: Left): Deadline | undefined {
  if (left.unit === 'same-day') return deadlineFrom(clock, resumedAt, time);
  const effectiveStart = nextOpenInstant(clock, resumedAt);
  if (effectiveStart === undefined) return undefined;
  if (left.unit === 'calendar-days') return calendarDaysDeadline(clock, effectiveStart, left.days);
  const dueAt = addWorkingTime(clock, effectiveStart, left.ms);
  return dueAt === undefined ? undefined : { dueAt, effectiveStart };
}

function checkPauses(receivedAt: Instant, pauses: readonly PauseInterval[]): Result<true, CalendarFailure> {
  let notBefore = receivedAt;
  for (const [index, pause] of pauses.entries()) {
    const path = `pauses[${index}]`;
    if (!Number.isFinite(pause.pausedAt) || pause.pausedAt < notBefore) {
      return err(
        calendarErrors.invalidPause(
          'thời điểm tạm dừng phải sau khi nhận hồ sơ và sau lần tiếp tục trước đó',
          'a pause must start after the receipt and after the previous resume',
          `${path}.pausedAt`,
        ),
      );
    }
    if (pause.resumedAt === undefined) {
      if (index !== pauses.length - 1) {
        return err(
          calendarErrors.invalidPause('chỉ lần tạm dừng cuối cùng được phép chưa tiếp tục', 'only the last pause may still be open', `${path}.resumedAt`),
        );
      }
      continue;
    }
    if (!Number.isFinite(pause.resumedAt) || pause.resumedAt < pause.pausedAt) {
      return err(
        calendarErrors.invalidPause('thời điểm tiếp tục phải sau thời điểm tạm dừng', 'a pause must resume after it started', `${path}.resumedAt`),
      );
    }
    notBefore = pause.resumedAt;
  }
  return ok(true);
}
