import type { HolidayAnchor, HolidayId, HolidayRule } from './holiday-rule';
import { holidayTexts } from './holiday-texts';

/**
 * The public holidays both Labour Codes list, with their anchors and default days off. A Code differs only in
 * its article, its period and, for National Day, how many days; each Code's file states just that.
 */
const holidays: ReadonlyArray<{ holiday: HolidayId; anchor: HolidayAnchor; offsets: readonly number[] }> = [
  { holiday: 'new-year', anchor: { calendar: 'solar', month: 1, day: 1 }, offsets: [0] },
  // The default Tết: the last day of the old lunar year and the first four of the new one.
  { holiday: 'lunar-new-year', anchor: { calendar: 'lunar', month: 1, day: 1 }, offsets: [-1, 0, 1, 2, 3] },
  { holiday: 'hung-kings', anchor: { calendar: 'lunar', month: 3, day: 10 }, offsets: [0] },
  { holiday: 'reunification-day', anchor: { calendar: 'solar', month: 4, day: 30 }, offsets: [0] },
  { holiday: 'labour-day', anchor: { calendar: 'solar', month: 5, day: 1 }, offsets: [0] },
  { holiday: 'national-day', anchor: { calendar: 'solar', month: 9, day: 2 }, offsets: [0] },
];

export function labourCodeRules(
  legalBasis: string,
  effective: HolidayRule['effective'],
  overrides: Partial<Record<HolidayId, readonly number[]>> = {},
): readonly HolidayRule[] {
  return holidays.map(({ holiday, anchor, offsets }) => ({
    holiday,
    anchor,
    offsets: overrides[holiday] ?? offsets,
    ...holidayTexts[holiday],
    legalBasis,
    effective,
  }));
}
