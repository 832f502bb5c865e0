import type { HolidayId } from './holiday-rule';

/** Reason texts shared by the rules of successive laws and by the announced calendars. */
export const holidayTexts: Readonly<
  Record<HolidayId, { readonly reason: string; readonly reasonEn: string; readonly compensatoryReason: string; readonly compensatoryReasonEn: string }>
> = {
  'new-year': {
    reason: 'Tết Dương lịch',
    reasonEn: "New Year's Day",
    compensatoryReason: 'Nghỉ bù Tết Dương lịch',
    compensatoryReasonEn: "Day off in lieu of New Year's Day",
  },
  'lunar-new-year': {
    reason: 'Nghỉ Tết Nguyên đán',
    reasonEn: 'Lunar New Year holiday',
    compensatoryReason: 'Nghỉ bù Tết Nguyên đán',
    compensatoryReasonEn: 'Day off in lieu of the Lunar New Year holiday',
  },
  'hung-kings': {
    reason: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)',
    reasonEn: "Hùng Kings' Commemoration Day (10th day of the 3rd lunar month)",
    compensatoryReason: 'Nghỉ bù Giỗ Tổ Hùng Vương',
    compensatoryReasonEn: "Day off in lieu of Hùng Kings' Commemoration Day",
  },
  'reunification-day': {
    reason: 'Ngày Chiến thắng (30/4)',
    reasonEn: 'Reunification Day (30 April)',
    compensatoryReason: 'Nghỉ bù Ngày Chiến thắng (30/4)',
    compensatoryReasonEn: 'Day off in lieu of Reunification Day (30 April)',
  },
  'labour-day': {
    reason: 'Ngày Quốc tế Lao động (1/5)',
    reasonEn: 'International Labour Day (1 May)',
    compensatoryReason: 'Nghỉ bù Ngày Quốc tế Lao động (1/5)',
    compensatoryReasonEn: 'Day off in lieu of International Labour Day (1 May)',
  },
  'national-day': {
    reason: 'Nghỉ lễ Quốc khánh (2/9)',
    reasonEn: 'National Day holiday (2 September)',
    compensatoryReason: 'Nghỉ bù lễ Quốc khánh',
    compensatoryReasonEn: 'Day off in lieu of the National Day holiday',
  },
};
