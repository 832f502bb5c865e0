import { z } from 'zod';
import { err, ok } from '../../result';
import type { Result } from '../../result';
import { parseLocalDate } from './civil-date';
import { calendarErrors } from './errors';
import type { CalendarFailure } from './errors';
import { HOLIDAY_IDS } from './holiday-rule';
import type { HolidayId } from './holiday-rule';
import { LUNAR_SUPPORTED_YEARS } from './lunar';

/** Why an announced day is off: part of a public holiday, a day in lieu, or a day swapped with a worked Saturday. */
export type AnnouncedDayOffKind = 'holiday' | 'compensatory' | 'announced-off';

export type AnnouncedDayOff = {
  readonly date: string;
  readonly kind: AnnouncedDayOffKind;
  /**
   * The public holiday this day belongs to. Naming it hands that holiday over to the announcement for the
   * year: the default rule's days (and its days in lieu) are dropped and the announced ones used instead.
   * Leave it out for an extra day that replaces nothing (a swapped day, a one-off day off).
   */
  readonly holiday?: HolidayId;
  readonly reason: string;
  readonly reasonEn: string;
};

export type AnnouncedWorkingDay = { readonly date: string; readonly reason: string; readonly reasonEn: string };

/** One year's calendar as the Government announced it for state agencies; editable JSON for a technician. */
export type YearCalendar = {
  readonly year: number;
  /** The announcing documents, for whoever checks the data later. */
  readonly source?: string;
  readonly daysOff: readonly AnnouncedDayOff[];
  readonly workingDays: readonly AnnouncedWorkingDay[];
};

/** Bilingual texts for the messages the schema itself raises; zod carries only the key. */
const messages: Readonly<Record<string, { readonly vi: string; readonly en: string }>> = {
  'date-format': { vi: 'ngày phải có thật và viết dạng YYYY-MM-DD', en: 'must be a real date written YYYY-MM-DD' },
  'text-required': { vi: 'cần ghi lý do (không được để trống)', en: 'a reason is required (must not be empty)' },
  'year-range': {
    vi: `năm phải là số nguyên từ ${LUNAR_SUPPORTED_YEARS.min} đến ${LUNAR_SUPPORTED_YEARS.max}`,
    en: `year must be a whole number from ${LUNAR_SUPPORTED_YEARS.min} to ${LUNAR_SUPPORTED_YEARS.max}`,
  },
};

const isoDate = z.string().refine((text) => parseLocalDate(text).ok, { error: 'date-format' });
const reasonText = z.string().trim().min(1, { error: 'text-required' });

const yearCalendarShape = z.strictObject({
  year: z
    .number({ error: 'year-range' })
    .int({ error: 'year-range' })
    .min(LUNAR_SUPPORTED_YEARS.min, { error: 'year-range' })
    .max(LUNAR_SUPPORTED_YEARS.max, { error: 'year-range' }),
  source: z.string().optional(),
  daysOff: z.array(
    z.strictObject({
      date: isoDate,
      kind: z.enum(['holiday', 'compensatory', 'announced-off']),
      holiday: z.enum(HOLIDAY_IDS).optional(),
      reason: reasonText,
      reasonEn: reasonText,
    }),
  ),
  workingDays: z.array(z.strictObject({ date: isoDate, reason: reasonText, reasonEn: reasonText })),
});

/** Checks that need the whole object: every date inside the year, and no date listed twice. */
export const yearCalendarSchema: z.ZodType<YearCalendar> = yearCalendarShape.superRefine((calendar, ctx) => {
  const seen = new Map<string, string>();
  const check = (date: string, path: readonly (string | number)[]): void => {
    const label = formatPath(path);
    if (parseLocalDate(date).ok && !date.startsWith(`${String(calendar.year).padStart(4, '0')}-`)) {
      ctx.addIssue({
        code: 'custom',
        path: [...path],
        message: 'date-outside-year',
        params: { vi: `ngày ${date} không thuộc năm ${calendar.year}`, en: `date ${date} is not in year ${calendar.year}` },
      });
    }
    const first = seen.get(date);
    if (first !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: [...path],
        message: 'date-repeated',
        params: { vi: `ngày ${date} đã có ở ${first}`, en: `date ${date} is already listed at ${first}` },
      });
    } else {
      seen.set(date, label);
    }
  };
  calendar.daysOff.forEach((day, index) => check(day.date, ['daysOff', index, 'date']));
  calendar.workingDays.forEach((day, index) => check(day.date, ['workingDays', index, 'date']));
});

/** Validates a year calendar read from JSON; one failure per problem, each with the field's path. */
export function parseYearCalendar(input: unknown): Result<YearCalendar, readonly CalendarFailure[]> {
  const parsed = yearCalendarSchema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  return err(parsed.error.issues.map(issueToFailure));
}

type Issue = z.core.$ZodIssue;

function issueToFailure(issue: Issue): CalendarFailure {
  const path = formatPath(issue.path);
  const { vi, en } = describeIssue(issue);
  const where = path === '' ? '' : ` (${path})`;
  return calendarErrors.invalidYearCalendar(`${vi}${where}`, `${en}${where}`, path === '' ? undefined : path);
}

function describeIssue(issue: Issue): { readonly vi: string; readonly en: string } {
  if (issue.code === 'custom') {
    const params = issue.params;
    if (params !== undefined && typeof params['vi'] === 'string' && typeof params['en'] === 'string') {
      return { vi: params['vi'], en: params['en'] };
    }
  }
  const known = messages[issue.message];
  if (known !== undefined) return known;
  if (issue.code === 'invalid_type') {
    // zod leaves the input out of issues by default; its own message says what was received.
    return issue.message.endsWith('received undefined')
      ? { vi: 'thiếu trường bắt buộc', en: 'required field is missing' }
      : { vi: `sai kiểu dữ liệu, cần ${issue.expected}`, en: `wrong type, expected ${issue.expected}` };
  }
  if (issue.code === 'invalid_value') {
    const values = issue.values.map(String).join(', ');
    return { vi: `giá trị không được phép, chỉ nhận: ${values}`, en: `value not allowed, expected one of: ${values}` };
  }
  if (issue.code === 'unrecognized_keys') {
    return { vi: `trường không được biết: ${issue.keys.join(', ')}`, en: `unknown field(s): ${issue.keys.join(', ')}` };
  }
  return { vi: `giá trị không hợp lệ (${issue.message})`, en: issue.message };
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => {
    if (typeof key === 'number') return `${text}[${key}]`;
    return text === '' ? String(key) : `${text}.${String(key)}`;
  }, '');
}
