import { z } from 'zod';
import { err, ok } from '../../result';
import type { Result } from '../../result';
import { calendarErrors } from './errors';
import type { CalendarFailure } from './errors';
import { MS_PER_HOUR, MS_PER_MINUTE } from './vietnam-time';

/** One opening of the counter within a working day, in milliseconds after Vietnamese midnight. */
export type OfficeSession = { readonly opensMs: number; readonly closesMs: number };

/**
 * When the Center receives files on a working day (which days are working is the calendar's business).
 * Sessions are sorted and disjoint; their total length is "one working day" of processing time.
 */
export type OfficeHours = { readonly sessions: readonly OfficeSession[] };

const at = (hours: number, minutes = 0): number => hours * MS_PER_HOUR + minutes * MS_PER_MINUTE;

/** 07:00–11:30 and 13:30–17:00, the common pattern of commune Centers [practice, configurable]. */
export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  sessions: [
    { opensMs: at(7), closesMs: at(11, 30) },
    { opensMs: at(13, 30), closesMs: at(17) },
  ],
};

const clockTime = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, { error: 'HH:MM' });

/** The settings-file form: `{ "sessions": [{ "opens": "07:00", "closes": "11:30" }, …] }`. */
export const officeHoursSchema = z.strictObject({
  sessions: z.array(z.strictObject({ opens: clockTime, closes: clockTime })).min(1),
});

export type OfficeHoursInput = z.input<typeof officeHoursSchema>;

const toMs = (text: string): number => at(Number(text.slice(0, 2)), Number(text.slice(3, 5)));

export function parseOfficeHours(input: unknown): Result<OfficeHours, CalendarFailure> {
  const parsed = officeHoursSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue === undefined ? undefined : issue.path.map(String).join('.');
    return err(
      calendarErrors.invalidOfficeHours(
        'cần ít nhất một buổi, mỗi buổi có giờ mở và giờ đóng dạng HH:MM',
        'at least one session is needed, each with opens/closes written HH:MM',
        path,
      ),
    );
  }
  const sessions = parsed.data.sessions.map((s) => ({ opensMs: toMs(s.opens), closesMs: toMs(s.closes) }));
  return validateOfficeHours({ sessions });
}

export function validateOfficeHours(hours: OfficeHours): Result<OfficeHours, CalendarFailure> {
  if (hours.sessions.length === 0) {
    return err(calendarErrors.invalidOfficeHours('không có buổi làm việc nào', 'there is no session'));
  }
  let previousClose = 0;
  for (const [index, session] of hours.sessions.entries()) {
    const path = `sessions.${index}`;
    if (!(session.opensMs >= previousClose && session.closesMs > session.opensMs && session.closesMs <= at(24))) {
      return err(
        calendarErrors.invalidOfficeHours(
          'các buổi phải theo thứ tự trong ngày, không chồng lên nhau, giờ mở trước giờ đóng',
          'sessions must be in order within the day, not overlap, and open before they close',
          path,
        ),
      );
    }
    previousClose = session.closesMs;
  }
  return ok(hours);
}

/** The length of one working day of processing time (8 h with the default hours). */
export function workingDayMs(hours: OfficeHours): number {
  return hours.sessions.reduce((total, s) => total + (s.closesMs - s.opensMs), 0);
}

/** When the counter closes for the day (end of the last session). */
export function closingMs(hours: OfficeHours): number {
  return hours.sessions[hours.sessions.length - 1]?.closesMs ?? 0;
}
