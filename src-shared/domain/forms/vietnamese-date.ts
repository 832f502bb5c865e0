import { formatInstant, type Instant, type LocalDate } from '../calendar';

/**
 * Dates as Vietnamese administrative documents print them, always in Vietnamese time (UTC+7): the calendar's
 * `formatInstant` already reckons the wall time without the host's zone, so we only re-spell its fields.
 */

/** An instant together with the two spellings the forms use, so the PDF and the CSV never re-format it. */
export type PrintedInstant = {
  readonly at: Instant;
  /** "10 giờ 00 phút, ngày 24 tháng 02 năm 2026": body text of forms 01–06. */
  readonly long: string;
  /** "10:00 24/02/2026": table cells of forms 06 and 07. */
  readonly short: string;
  /** "ngày 24 tháng 02 năm 2026". */
  readonly date: string;
  /** "24/02/2026". */
  readonly shortDate: string;
};

type WallClock = { readonly year: string; readonly month: string; readonly day: string; readonly hour: string; readonly minute: string };

function wallClock(at: Instant): WallClock {
  // formatInstant writes `YYYY-MM-DDTHH:mm:ss[.SSS]+07:00`.
  const iso = formatInstant(at);
  return { year: iso.slice(0, 4), month: iso.slice(5, 7), day: iso.slice(8, 10), hour: iso.slice(11, 13), minute: iso.slice(14, 16) };
}

export function vietnameseDateTime(at: Instant): string {
  const c = wallClock(at);
  return `${c.hour} giờ ${c.minute} phút, ngày ${c.day} tháng ${c.month} năm ${c.year}`;
}

export function vietnameseDate(at: Instant): string {
  const c = wallClock(at);
  return `ngày ${c.day} tháng ${c.month} năm ${c.year}`;
}

export function shortDateTime(at: Instant): string {
  const c = wallClock(at);
  return `${c.hour}:${c.minute} ${c.day}/${c.month}/${c.year}`;
}

export function shortDate(at: Instant): string {
  const c = wallClock(at);
  return `${c.day}/${c.month}/${c.year}`;
}

export function printInstant(at: Instant): PrintedInstant {
  return { at, long: vietnameseDateTime(at), short: shortDateTime(at), date: vietnameseDate(at), shortDate: shortDate(at) };
}

const two = (n: number): string => String(n).padStart(2, '0');

/** "24/02/2026" for a calendar date (log book periods). */
export function shortLocalDate(date: LocalDate): string {
  return `${two(date.day)}/${two(date.month)}/${String(date.year).padStart(4, '0')}`;
}

/** "Hoà Bình, ngày 24 tháng 02 năm 2026": the place-and-date line under the national motto. */
export function placeAndDate(place: string, at: Instant): string {
  return `${place}, ${vietnameseDate(at)}`;
}
