import type { HolidayRule } from './holiday-rule';
import { holidayTexts } from './holiday-texts';

const basis = 'Bộ luật Lao động 2012 (10/2012/QH13), Điều 115';
const effective = { from: '2013-05-01', until: '2020-12-31' } as const;

/**
 * Labour Code 2012, Art. 115 — in force from 1 May 2013 until the 2019 Code replaced it. Same holidays as
 * today except National Day, which was a single day. Kept so that dates before 2021 are explained correctly.
 */
export const labourCode2012Rules: readonly HolidayRule[] = [
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
  { holiday: 'national-day', anchor: { calendar: 'solar', month: 9, day: 2 }, offsets: [0], ...holidayTexts['national-day'], legalBasis: basis, effective },
];
