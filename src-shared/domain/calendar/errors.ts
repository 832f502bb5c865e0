import { failure } from '../../result';
import type { Failure } from '../../result';

/** Every failure the working-day calendar can report; one place so callers can switch on them. */
export type CalendarErrorCode =
  | 'calendar.invalid-date'
  | 'calendar.invalid-instant'
  | 'calendar.out-of-range'
  | 'calendar.invalid-processing-time'
  | 'calendar.invalid-office-hours'
  | 'calendar.invalid-year-calendar'
  | 'calendar.duplicate-year'
  | 'calendar.invalid-pause'
  | 'calendar.no-working-day';

export type CalendarFailure = Failure<CalendarErrorCode>;

export const calendarErrors = {
  invalidDate: (text: string, path?: string): CalendarFailure =>
    failure(
      'calendar.invalid-date',
      `Ngày không hợp lệ: "${text}" (cần dạng YYYY-MM-DD, ví dụ 2026-02-17).`,
      `Invalid date: "${text}" (expected YYYY-MM-DD, e.g. 2026-02-17).`,
      path,
    ),
  invalidInstant: (text: string, path?: string): CalendarFailure =>
    failure(
      'calendar.invalid-instant',
      `Thời điểm không hợp lệ: "${text}" (cần dạng 2026-02-12T10:00+07:00).`,
      `Invalid date-time: "${text}" (expected e.g. 2026-02-12T10:00+07:00).`,
      path,
    ),
  outOfRange: (year: number, min: number, max: number): CalendarFailure =>
    failure(
      'calendar.out-of-range',
      `Năm ${year} nằm ngoài khoảng lịch hỗ trợ (${min}–${max}).`,
      `Year ${year} is outside the supported calendar range (${min}–${max}).`,
    ),
  invalidProcessingTime: (detailVi: string, detailEn: string): CalendarFailure =>
    failure('calendar.invalid-processing-time', `Thời hạn giải quyết không hợp lệ: ${detailVi}`, `Invalid processing time: ${detailEn}`),
  invalidOfficeHours: (detailVi: string, detailEn: string, path?: string): CalendarFailure =>
    failure('calendar.invalid-office-hours', `Giờ làm việc không hợp lệ: ${detailVi}`, `Invalid office hours: ${detailEn}`, path),
  invalidYearCalendar: (detailVi: string, detailEn: string, path?: string): CalendarFailure =>
    failure('calendar.invalid-year-calendar', `Lịch năm không hợp lệ: ${detailVi}`, `Invalid year calendar: ${detailEn}`, path),
  duplicateYear: (year: number): CalendarFailure =>
    failure(
      'calendar.duplicate-year',
      `Có hai lịch công bố cho cùng năm ${year}; chỉ giữ một.`,
      `Two announced calendars for the same year ${year}; keep only one.`,
    ),
  invalidPause: (detailVi: string, detailEn: string, path?: string): CalendarFailure =>
    failure('calendar.invalid-pause', `Khoảng tạm dừng không hợp lệ: ${detailVi}`, `Invalid pause: ${detailEn}`, path),
  noWorkingDay: (): CalendarFailure =>
    failure(
      'calendar.no-working-day',
      'Không tìm thấy ngày làm việc nào trong thời gian hợp lý; kiểm tra lại lịch nghỉ đã nạp.',
      'No working day found within a reasonable span; check the loaded calendar of days off.',
    ),
} as const;
