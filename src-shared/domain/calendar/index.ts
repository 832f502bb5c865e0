/** The working-day calendar: lunar dates, holidays, announced swaps, office hours, due dates, timeliness. */
export type { CalendarErrorCode, CalendarFailure } from './errors';
export { calendarErrors } from './errors';

export type { LocalDate, Weekday } from './civil-date';
export { dateOfEpochDay, epochDayOf, formatLocalDate, isValidLocalDate, parseLocalDate, weekdayOfEpochDay } from './civil-date';
export type { Instant } from './vietnam-time';
export { VIETNAM_OFFSET_MS, formatInstant, parseInstant, vietnamDateOf } from './vietnam-time';

export type { LunarDate } from './lunar';
export { LUNAR_SUPPORTED_YEARS, leapMonthOf, lunarMonthLength, lunarToSolar, solarToLunar } from './lunar';

export type { HolidayAnchor, HolidayId, HolidayRule } from './holiday-rule';
export { HOLIDAY_IDS } from './holiday-rule';
export { labourCode2012Rules } from './rules-2012';
export { labourCode2019Rules } from './rules-2019';
export type { DayOff, DayOffKind, MakeUpWorkingDay } from './holidays';
export { defaultHolidayRules } from './holidays';

export type { AnnouncedDayOff, AnnouncedDayOffKind, AnnouncedWorkingDay, YearCalendar } from './year-calendar';
export { parseYearCalendar, yearCalendarSchema } from './year-calendar';
export { calendar2026, shippedYearCalendars } from './calendar-2026';

export type { CalendarDayOff, DayStatus, NonWorkingKind, WorkingCalendar, WorkingCalendarOptions } from './working-calendar';
export {
  CALENDAR_SUPPORTED_YEARS,
  createWorkingCalendar,
  dayStatus,
  daysOffInYear,
  isWorkingDay,
  makeUpWorkingDaysInYear,
  mergeAnnouncements,
  weekdayName,
} from './working-calendar';

export type { OfficeHours, OfficeHoursInput, OfficeSession } from './office-hours';
export { DEFAULT_OFFICE_HOURS, officeHoursSchema, parseOfficeHours, validateOfficeHours, workingDayMs } from './office-hours';

export type { ProcessingDuration, ProcessingTime } from './processing-time';
export { DEFAULT_SAME_DAY_CUT_OFF_HOUR, describeProcessingTime, validateProcessingTime } from './processing-time';
export type { DueDate, DueDateRequest, SkippedDay } from './due-date';
export { computeDue } from './due-date';
export type { PauseInterval, PausedDueDate } from './pause';
export { computeDueWithPauses } from './pause';
export type { Timeliness, TimelinessRate } from './timeliness';
export { classifyTimeliness, timelinessRate } from './timeliness';
