/**
 * The Vietnamese lunisolar calendar (âm lịch), computed astronomically for UTC+7 — the zone Vietnam has
 * reckoned it in since 1967, which is why Tết sometimes differs from the Chinese New Year (2007, 2030, 2053).
 *
 * Rules: a month starts on the local day of the true new moon. Month 11 is the month containing the
 * December solstice (sun at 270°). Between two months 11 there are 12 months, or 13 in a leap year; then
 * the first month after month 11 with no major solar term (sun crossing a multiple of 30°) is the leap
 * month and repeats the number of the month before it. Months 11 and 12 belong to the lunar year that
 * began the previous spring. Solar terms are judged at local midnight starting each month's first day.
 */
import { JD_UNIX_EPOCH, nearestLunation, newMoonJd, sunLongitude } from './astronomy';
import { dateOfEpochDay, epochDayOf, isValidLocalDate } from './civil-date';
import type { LocalDate } from './civil-date';

export type LunarDate = { readonly year: number; readonly month: number; readonly day: number; readonly leap: boolean };

/** Years (solar, and lunar) this calendar answers for. The astronomy holds well beyond; ΔT grows uncertain. */
export const LUNAR_SUPPORTED_YEARS = { min: 1900, max: 2199 } as const;

const VIETNAM_DAY_FRACTION = 7 / 24;

/** The Vietnamese epoch day on which new moon `k` falls. */
function newMoonDay(k: number): number {
  return Math.floor(newMoonJd(k) - JD_UNIX_EPOCH + VIETNAM_DAY_FRACTION);
}

/** Sun longitude at the Vietnamese midnight that starts an epoch day. */
function sunLongitudeAtDayStart(epochDay: number): number {
  return sunLongitude(epochDay + JD_UNIX_EPOCH - VIETNAM_DAY_FRACTION);
}

/** Which 30° sector the sun is in: a month holds a major term iff the sector changes during it. */
function sectorAtDayStart(epochDay: number): number {
  return Math.floor(sunLongitudeAtDayStart(epochDay) / 30);
}

/** Signed distance of the sun from the solstice (270°) in (-180, 180]. */
function pastSolstice(epochDay: number): number {
  const delta = (((sunLongitudeAtDayStart(epochDay) - 270) % 360) + 360) % 360;
  return delta > 180 ? delta - 360 : delta;
}

/** The lunation that starts month 11 of the winter of a solar year (the one holding the December solstice). */
function month11Lunation(solarYear: number): number {
  let k = nearestLunation(epochDayOf({ year: solarYear, month: 12, day: 1 }) + JD_UNIX_EPOCH);
  while (pastSolstice(newMoonDay(k)) >= 0) k -= 1;
  while (pastSolstice(newMoonDay(k + 1)) < 0) k += 1;
  return k;
}

type LunarMonthSpan = { readonly start: number; readonly month: number; readonly leap: boolean };

/**
 * The months from month 11 of winter `year - 1` up to (not including) month 11 of winter `year`:
 * months 11 and 12 of lunar year `year - 1`, then months 1–10 of lunar year `year`, with a leap month
 * somewhere when there are 13. `end` is the first day of the next month 11.
 */
type SolsticeYear = { readonly months: readonly LunarMonthSpan[]; readonly end: number };

const solsticeYearCache = new Map<number, SolsticeYear>();

function solsticeYear(year: number): SolsticeYear {
  const cached = solsticeYearCache.get(year);
  if (cached !== undefined) return cached;
  const first = month11Lunation(year - 1);
  const last = month11Lunation(year);
  const starts: number[] = [];
  for (let k = first; k <= last; k += 1) starts.push(newMoonDay(k));
  const monthCount = last - first;
  const leapIndex = monthCount === 13 ? firstMonthWithoutMajorTerm(starts) : undefined;
  const months: LunarMonthSpan[] = [];
  let number = 10;
  for (let i = 0; i < monthCount; i += 1) {
    const leap = i === leapIndex;
    if (!leap) number = (number % 12) + 1;
    months.push({ start: starts[i] ?? 0, month: number, leap });
  }
  const result = { months, end: starts[monthCount] ?? 0 };
  solsticeYearCache.set(year, result);
  return result;
}

function firstMonthWithoutMajorTerm(starts: readonly number[]): number | undefined {
  // Month 11 holds the solstice by construction, so the search starts at the month after it.
  let previousSector = sectorAtDayStart(starts[1] ?? 0);
  for (let i = 1; i + 1 < starts.length; i += 1) {
    const nextSector = sectorAtDayStart(starts[i + 1] ?? 0);
    if (nextSector === previousSector) return i;
    previousSector = nextSector;
  }
  return undefined;
}

const inSupportedRange = (year: number): boolean =>
  year >= LUNAR_SUPPORTED_YEARS.min && year <= LUNAR_SUPPORTED_YEARS.max;

/** The lunar date of a solar date; undefined for an invalid date or one outside the supported years. */
export function solarToLunar(date: LocalDate): LunarDate | undefined {
  if (!isValidLocalDate(date) || !inSupportedRange(date.year)) return undefined;
  const epochDay = epochDayOf(date);
  // Month 11 of a winter starts in November or December, so a date before it is in that year's span.
  const span = epochDay < solsticeYear(date.year).end ? date.year : date.year + 1;
  const { months } = solsticeYear(span);
  for (let i = months.length - 1; i >= 0; i -= 1) {
    const month = months[i];
    if (month !== undefined && month.start <= epochDay) {
      const lunarYear = month.month >= 11 ? span - 1 : span;
      return { year: lunarYear, month: month.month, day: epochDay - month.start + 1, leap: month.leap };
    }
  }
  return undefined;
}

/** The solar date of a lunar date; undefined when no such lunar date exists (no leap month, day 30 of a short month). */
export function lunarToSolar(date: LunarDate): LocalDate | undefined {
  const { year, month, day, leap } = date;
  const plausible =
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) && month >= 1 && month <= 12 && day >= 1 && day <= 30;
  if (!plausible || !inSupportedRange(year)) return undefined;
  const span = month >= 11 ? year + 1 : year;
  const { months, end } = solsticeYear(span);
  const index = months.findIndex((m) => m.month === month && m.leap === leap);
  const found = months[index];
  if (found === undefined) return undefined;
  const nextStart = months[index + 1]?.start ?? end;
  if (found.start + day - 1 >= nextStart) return undefined;
  return dateOfEpochDay(found.start + day - 1);
}

/** Number of days (29 or 30) of a lunar month, undefined when the month does not exist. */
export function lunarMonthLength(year: number, month: number, leap: boolean): number | undefined {
  const first = lunarToSolar({ year, month, day: 1, leap });
  if (first === undefined) return undefined;
  return lunarToSolar({ year, month, day: 30, leap }) === undefined ? 29 : 30;
}

/** The lunar year's leap month number (1–12), or undefined in a common year. */
export function leapMonthOf(lunarYear: number): number | undefined {
  if (!inSupportedRange(lunarYear)) return undefined;
  const inSpring = solsticeYear(lunarYear).months.find((m) => m.leap && m.month <= 10);
  const inWinter = solsticeYear(lunarYear + 1).months.find((m) => m.leap && m.month >= 11);
  return (inSpring ?? inWinter)?.month;
}
