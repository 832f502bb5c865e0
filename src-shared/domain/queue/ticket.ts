/**
 * Queue tickets. Numbers follow the record codes' rule (docs/RECORD-CODES.md): the kiosk slot is the first digit,
 * so two kiosks issuing tickets offline never hand out the same number (slot 1 → 1001, 1002, …).
 * Tickets of the Center-wide queue (the sync server, docs/SYNC-PROTOCOL.md) are numbered per field from 1 and each
 * field has a letter; they are kept above the kiosks' range (see `centerTicketNumber`) so both kinds can share one
 * day's numbering without clashing, and show as the letter and three digits (A007).
 */
export type TicketState = 'waiting' | 'called' | 'served' | 'skipped';

export type Ticket = {
  readonly id: string;
  /** `YYYY-MM-DD` in UTC+7. */
  readonly day: string;
  readonly number: number;
  readonly issuedAt: number;
  readonly fieldCode: string;
  readonly fieldName: string;
  /** Elderly, disabled, pregnant: asked at issue, never guessed. Served before others of their field. */
  readonly priority: boolean;
  readonly state: TicketState;
  readonly counterId?: string;
  readonly calledAt?: number;
  readonly finishedAt?: number;
};

export const maxTicketsPerKioskPerDay = 999;

export function ticketNumber(kioskSlot: number, sequence: number): number | undefined {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > maxTicketsPerKioskPerDay) return undefined;
  return kioskSlot * 1000 + sequence;
}

/** Where Center tickets start: every kiosk number (slot 0–9 × 1000 + 1…999) is below it. */
export const centerNumberBase = 10_000;
/** Per field and day; the server's counter never realistically reaches it (one ticket every 3 s for 8 hours). */
export const maxCenterNumber = 9_999;

/**
 * A Center ticket's number in the kiosk's own numbering: (series + 1) × 10 000 + the server's number, so Center
 * ticket 7 of the field with letter B (series 1) is 20007, never equal to a kiosk's ticket or another field's.
 */
export function centerTicketNumber(series: number, number: number): number | undefined {
  if (!Number.isInteger(series) || series < 0 || !Number.isInteger(number) || number < 1 || number > maxCenterNumber) return undefined;
  return (series + 1) * centerNumberBase + number;
}

export const isCenterTicketNumber = (number: number): boolean => number >= centerNumberBase;

/** A field's letter from its series: 0 → A … 25 → Z, 26 → AA (a Center with more than 26 fields). */
export function seriesLetters(series: number): string {
  let rest = series + 1;
  let letters = '';
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

/**
 * How the number is shown, printed and spoken: a kiosk's ticket as four digits (0007 for slot 0, 1023), a Center
 * ticket as its field's letter and at least three digits (B007).
 */
export function formatTicketNumber(number: number): string {
  if (!isCenterTicketNumber(number)) return String(number).padStart(4, '0');
  return centerTicketLabel(Math.floor(number / centerNumberBase) - 1, number % centerNumberBase);
}

/** A Center ticket as shown: its field's letter and the server's number, at least three digits. */
export const centerTicketLabel = (series: number, number: number): string => seriesLetters(series) + String(number).padStart(3, '0');

/**
 * The next ticket for a counter: tickets transferred to it, or waiting in its fields and not transferred
 * elsewhere; priority tickets first, then the longest waiting.
 */
export function pickNext<T extends Ticket>(waiting: readonly T[], fieldCodes: readonly string[], counterId?: string): T | undefined {
  const served = new Set(fieldCodes);
  const mine = (t: Ticket) => (t.counterId === undefined ? served.size === 0 || served.has(t.fieldCode) : t.counterId === counterId);
  return waiting
    .filter((t) => t.state === 'waiting' && mine(t))
    .sort((a, b) => Number(b.priority) - Number(a.priority) || a.issuedAt - b.issuedAt || a.number - b.number)[0];
}

/** People ahead of a new ticket of this field (what the ticket prints). */
export function peopleAhead(waiting: readonly Ticket[], fieldCode: string, priority: boolean): number {
  return waiting.filter((t) => t.state === 'waiting' && t.fieldCode === fieldCode && (!priority || t.priority)).length;
}

/** "Mời số 1023 đến quầy 2": what the counter announces, in the officer's language (a Center ticket: "B 0 0 7"). */
export function announcement(number: number, counter: string, language: 'vi' | 'en'): string {
  const digits = formatTicketNumber(number).split('').join(' ');
  return language === 'vi' ? `Xin mời số ${digits} đến quầy số ${counter}` : `Number ${digits}, please go to counter ${counter}`;
}
