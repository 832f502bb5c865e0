import type { YearCalendar } from './year-calendar';
import { holidayTexts } from './holiday-texts';

const tet = holidayTexts['lunar-new-year'];
const tetDays = ['14', '15', '16', '17', '18', '19', '20', '21', '22'].map((day) => ({
  date: `2026-02-${day}`,
  kind: 'holiday' as const,
  holiday: 'lunar-new-year' as const,
  reason: tet.reason,
  reasonEn: tet.reasonEn,
}));

/**
 * 2026 as announced for state agencies. Tết: Sat 14 – Sun 22 Feb (27 Chạp Ất Tỵ – mùng 6 Bính Ngọ; the five
 * statutory days are Mon 16 – Fri 20, 17 Feb being lunar new year's day). Two swaps: Fri 2 Jan off for Sat
 * 10 Jan worked, Mon 31 Aug off for Sat 22 Aug worked. Hùng Kings' day falls on Sun 26 Apr, so Mon 27 Apr is
 * off in lieu.
 */
export const calendar2026: YearCalendar = {
  year: 2026,
  source:
    'Tết Dương lịch: Công văn 12729/VPCP-KGVX ngày 25/12/2025 (hoán đổi 02/01 ↔ 10/01). Tết Nguyên đán 14–22/02 và Quốc khánh ' +
    '(hoán đổi 31/08 ↔ 22/08): phương án nghỉ của Bộ Nội vụ được Thủ tướng đồng ý — đối chiếu số văn bản trước khi dùng.',
  daysOff: [
    { date: '2026-01-01', kind: 'holiday', holiday: 'new-year', ...pick('new-year') },
    {
      date: '2026-01-02',
      kind: 'announced-off',
      reason: 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)',
      reasonEn: "Swapped day off around New Year's Day (worked on Saturday 10 Jan 2026)",
    },
    ...tetDays,
    { date: '2026-04-26', kind: 'holiday', holiday: 'hung-kings', ...pick('hung-kings') },
    {
      date: '2026-04-27',
      kind: 'compensatory',
      holiday: 'hung-kings',
      reason: holidayTexts['hung-kings'].compensatoryReason,
      reasonEn: holidayTexts['hung-kings'].compensatoryReasonEn,
    },
    { date: '2026-04-30', kind: 'holiday', holiday: 'reunification-day', ...pick('reunification-day') },
    { date: '2026-05-01', kind: 'holiday', holiday: 'labour-day', ...pick('labour-day') },
    {
      date: '2026-08-31',
      kind: 'announced-off',
      reason: 'Nghỉ hoán đổi dịp lễ Quốc khánh (làm bù thứ Bảy 22/08/2026)',
      reasonEn: 'Swapped day off around National Day (worked on Saturday 22 Aug 2026)',
    },
    { date: '2026-09-01', kind: 'holiday', holiday: 'national-day', ...pick('national-day') },
    { date: '2026-09-02', kind: 'holiday', holiday: 'national-day', ...pick('national-day') },
  ],
  workingDays: [
    {
      date: '2026-01-10',
      reason: 'Làm bù cho ngày nghỉ thứ Sáu 02/01/2026',
      reasonEn: 'Make-up working day for Friday 2 Jan 2026',
    },
    {
      date: '2026-08-22',
      reason: 'Làm bù cho ngày nghỉ thứ Hai 31/08/2026',
      reasonEn: 'Make-up working day for Monday 31 Aug 2026',
    },
  ],
};

function pick(holiday: keyof typeof holidayTexts): { readonly reason: string; readonly reasonEn: string } {
  return { reason: holidayTexts[holiday].reason, reasonEn: holidayTexts[holiday].reasonEn };
}

/** Announced calendars shipped with the kiosk; a technician's JSON file for the same year replaces one. */
export const shippedYearCalendars: readonly YearCalendar[] = [calendar2026];
