/**
 * Turns holiday rules and announced calendars into the days off of one solar year. The order of precedence:
 * an announced working day is worked; an announced day off is off; a holiday an announcement names is taken
 * from the announcement only; every other holiday comes from the rule in force, and each of its days that
 * falls on a weekly rest day (or on another holiday) earns a day in lieu: the next day that is neither a
 * weekly rest day nor already off — as Labour Code 2019 Art. 112(3) puts it, "the next working day".
 */
import { epochDayOf, epochDayOfIso, weekdayOfEpochDay } from './civil-date';
import type { Weekday } from './civil-date';
import type { HolidayId, HolidayRule } from './holiday-rule';
import { lunarToSolar } from './lunar';
import { labourCode2012Rules } from './rules-2012';
import { labourCode2019Rules } from './rules-2019';
import type { YearCalendar } from './year-calendar';

export type DayOffKind = 'holiday' | 'compensatory' | 'announced-off';

export type DayOff = {
  readonly kind: DayOffKind;
  readonly reason: string;
  readonly reasonEn: string;
  readonly holiday?: HolidayId;
};

export type MakeUpWorkingDay = { readonly reason: string; readonly reasonEn: string };

/** The exceptions to the weekly pattern in one solar year, keyed by epoch day. */
export type YearDays = {
  readonly year: number;
  readonly daysOff: ReadonlyMap<number, DayOff>;
  readonly workingDays: ReadonlyMap<number, MakeUpWorkingDay>;
};

/** Every law's rules, oldest first; each applies only inside its own effective range. */
export const defaultHolidayRules: readonly HolidayRule[] = [...labourCode2012Rules, ...labourCode2019Rules];

export type HolidaySources = {
  readonly rules: readonly HolidayRule[];
  readonly announcements: ReadonlyMap<number, YearCalendar>;
  readonly weeklyRestDays: ReadonlySet<Weekday>;
};

type Occurrence = { readonly day: number; readonly rule: HolidayRule };

/** The rule's anchor day in a solar year (for a lunar anchor: the lunar date of the lunar year that starts in it). */
function anchorDay(rule: HolidayRule, year: number): number | undefined {
  const { calendar, month, day } = rule.anchor;
  if (calendar === 'solar') return epochDayOf({ year, month, day });
  const solar = lunarToSolar({ year, month, day, leap: false });
  return solar === undefined ? undefined : epochDayOf(solar);
}

function inEffect(rule: HolidayRule, day: number): boolean {
  if (day < epochDayOfIso(rule.effective.from)) return false;
  return rule.effective.until === undefined || day <= epochDayOfIso(rule.effective.until);
}

function ruleOccurrences(year: number, sources: HolidaySources): Occurrence[] {
  const announced = new Set<HolidayId>();
  for (const day of sources.announcements.get(year)?.daysOff ?? []) if (day.holiday !== undefined) announced.add(day.holiday);
  const occurrences: Occurrence[] = [];
  for (const rule of sources.rules) {
    if (announced.has(rule.holiday)) continue;
    const anchor = anchorDay(rule, year);
    if (anchor === undefined || !inEffect(rule, anchor)) continue;
    for (const offset of rule.offsets) occurrences.push({ day: anchor + offset, rule });
  }
  return occurrences.sort((a, b) => a.day - b.day);
}

/** A day in lieu is never more than a few weeks away; the bound only guards against absurd data. */
const MAX_DAYS_TO_LIEU = 60;

export function buildYearDays(year: number, sources: HolidaySources): YearDays {
  // Neighbouring years take part: a holiday late in December could push its day in lieu into January.
  const years = [year - 1, year, year + 1];
  const daysOff = new Map<number, DayOff>();
  const workingDays = new Map<number, MakeUpWorkingDay>();
  for (const y of years) {
    const announcement = sources.announcements.get(y);
    for (const day of announcement?.daysOff ?? []) daysOff.set(epochDayOfIso(day.date), toDayOff(day));
    for (const day of announcement?.workingDays ?? []) workingDays.set(epochDayOfIso(day.date), { reason: day.reason, reasonEn: day.reasonEn });
  }

  const isRestDay = (day: number): boolean => sources.weeklyRestDays.has(weekdayOfEpochDay(day));
  const ruleDays = new Set<number>();
  const owedLieu: Occurrence[] = [];
  for (const occurrence of years.flatMap((y) => ruleOccurrences(y, sources))) {
    const { day, rule } = occurrence;
    if (isRestDay(day) || ruleDays.has(day)) owedLieu.push(occurrence);
    ruleDays.add(day);
    if (!daysOff.has(day)) daysOff.set(day, { kind: 'holiday', reason: rule.reason, reasonEn: rule.reasonEn, holiday: rule.holiday });
  }
  for (const { day, rule } of owedLieu) {
    const lieu = nextFreeWeekday(day, daysOff, workingDays, isRestDay);
    if (lieu === undefined) continue;
    daysOff.set(lieu, {
      kind: 'compensatory',
      reason: rule.compensatoryReason,
      reasonEn: rule.compensatoryReasonEn,
      holiday: rule.holiday,
    });
  }

  const first = epochDayOf({ year, month: 1, day: 1 });
  const last = epochDayOf({ year, month: 12, day: 31 });
  const inYear = <T>(entries: Map<number, T>): Map<number, T> =>
    new Map([...entries].filter(([day]) => day >= first && day <= last).sort(([a], [b]) => a - b));
  return { year, daysOff: inYear(daysOff), workingDays: inYear(workingDays) };
}

function nextFreeWeekday(
  from: number,
  daysOff: ReadonlyMap<number, DayOff>,
  workingDays: ReadonlyMap<number, MakeUpWorkingDay>,
  isRestDay: (day: number) => boolean,
): number | undefined {
  for (let day = from + 1; day <= from + MAX_DAYS_TO_LIEU; day += 1) {
    // A make-up Saturday is owed work, so it cannot double as a day in lieu.
    if (!isRestDay(day) && !daysOff.has(day) && !workingDays.has(day)) return day;
  }
  return undefined;
}

function toDayOff(day: YearCalendar['daysOff'][number]): DayOff {
  const base = { kind: day.kind, reason: day.reason, reasonEn: day.reasonEn };
  return day.holiday === undefined ? base : { ...base, holiday: day.holiday };
}
