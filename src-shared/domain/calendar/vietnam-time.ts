import { err, ok } from '../../result';
import type { Result } from '../../result';
import { dateOfEpochDay, daysInMonth, epochDayOf, formatLocalDate } from './civil-date';
import type { LocalDate } from './civil-date';
import { calendarErrors } from './errors';
import type { CalendarFailure } from './errors';

/**
 * Instants are epoch milliseconds. Vietnam has kept UTC+7 without daylight saving since 1975, so a fixed
 * offset is exact for every instant this kiosk will see, and we never ask the host for its zone.
 */
export type Instant = number;

export const MS_PER_MINUTE = 60_000;
export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;
export const VIETNAM_OFFSET_MS = 7 * MS_PER_HOUR;

/** The epoch day of the Vietnamese wall-calendar date an instant falls on. */
export function vietnamDayOf(instant: Instant): number {
  return Math.floor((instant + VIETNAM_OFFSET_MS) / MS_PER_DAY);
}

/** Milliseconds since Vietnamese midnight. */
export function vietnamTimeOfDay(instant: Instant): number {
  const local = instant + VIETNAM_OFFSET_MS;
  return local - Math.floor(local / MS_PER_DAY) * MS_PER_DAY;
}

/** The instant at `msOfDay` after Vietnamese midnight of an epoch day. */
export function vietnamInstant(epochDay: number, msOfDay: number): Instant {
  return epochDay * MS_PER_DAY + msOfDay - VIETNAM_OFFSET_MS;
}

export function vietnamDateOf(instant: Instant): LocalDate {
  return dateOfEpochDay(vietnamDayOf(instant));
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0');

/** ISO 8601 with the Vietnamese offset, e.g. `2026-02-24T10:00:00+07:00` (milliseconds only when present). */
export function formatInstant(instant: Instant): string {
  const date = formatLocalDate(vietnamDateOf(instant));
  const msOfDay = vietnamTimeOfDay(instant);
  const hours = Math.floor(msOfDay / MS_PER_HOUR);
  const minutes = Math.floor((msOfDay % MS_PER_HOUR) / MS_PER_MINUTE);
  const seconds = Math.floor((msOfDay % MS_PER_MINUTE) / 1000);
  const millis = msOfDay % 1000;
  const fraction = millis === 0 ? '' : `.${pad(millis, 3)}`;
  return `${date}T${pad(hours)}:${pad(minutes)}:${pad(seconds)}${fraction}+07:00`;
}

const isoInstantPattern =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * Parses an ISO 8601 date-time. Without an offset the text is read as Vietnamese wall time (UTC+7):
 * at a commune counter that is the only local time there is, and it keeps the host's zone out of it.
 */
export function parseInstant(text: string, path?: string): Result<Instant, CalendarFailure> {
  const match = isoInstantPattern.exec(text.trim());
  if (match === null) return err(calendarErrors.invalidInstant(text, path));
  const [, y, mo, d, h, mi, s, frac, zone] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  const millis = frac === undefined ? 0 : Number(frac.padEnd(3, '0'));
  const offsetMs = zone === undefined ? VIETNAM_OFFSET_MS : parseOffset(zone);
  const valid =
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59;
  if (!valid || offsetMs === undefined) return err(calendarErrors.invalidInstant(text, path));
  const wallMs = hour * MS_PER_HOUR + minute * MS_PER_MINUTE + second * 1000 + millis;
  return ok(epochDayOf({ year, month, day }) * MS_PER_DAY + wallMs - offsetMs);
}

function parseOffset(zone: string): number | undefined {
  if (zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2, 4));
  if (hours > 14 || minutes > 59) return undefined;
  return sign * (hours * MS_PER_HOUR + minutes * MS_PER_MINUTE);
}
