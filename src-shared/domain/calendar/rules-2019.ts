import type { HolidayRule } from './holiday-rule';
import { holidayTexts } from './holiday-texts';

const basis = 'Bộ luật Lao động 2019 (45/2019/QH14), Điều 112';
const effective = { from: '2021-01-01' } as const;

/**
 * Labour Code 2019, Art. 112, in force from 1 January 2021. The Prime Minister fixes each year which days
 * make up Tết and which day joins 2 September; these offsets are only the default used when no yearly
 * announcement covers that holiday: Tết = the last day of the old lunar year and the first four of the new
 * one, National Day = 1 and 2 September.
 */
export const labourCode2019Rules: readonly HolidayRule[] = [
  { holiday: 'new-year', anchor: { calendar: 'solar', month: 1, day: 1 }, offsets: [0], ...holidayTexts['new-year'], legalBasis: basis, effective },
  {
    holiday: 'lunar-new-year',
    anchor: { calendar: 'lunar', month: 1, day: 1 },
    offsets: [-1, 0, 1, 2, 3],
    ...holidayTexts['lunar-new-year'],
    legalBasis: basis,
    effective,
  },
  { holiday: 'hung-kings', anchor: { calendar: 'lunar', month: 3, day: 10 }, offsets: [0], ...holidayTexts['hung-kings'], legalBasis: basis, effective },
  {
    holiday: 'reunification-day',
    anchor: { calendar: 'solar', month: 4, day: 30 },
    offsets: [0],
    ...holidayTexts['reunification-day'],
    legalBasis: basis,
    effective,
  },
  { holiday: 'labour-day', anchor: { calendar: 'solar', month: 5, day: 1 }, offsets: [0], ...holidayTexts['labour-day'], legalBasis: basis, effective },
  {
    holiday: 'national-day',
    anchor: { calendar: 'solar', month: 9, day: 2 },
    offsets: [-1, 0],
    ...holidayTexts['national-day'],
    legalBasis: basis,
    effective,
  },
];

