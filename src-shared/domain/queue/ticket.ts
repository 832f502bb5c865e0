/**
 * Queue tickets. Numbers follow the record codes' rule (docs/RECORD-CODES.md): the kiosk slot is the first digit,
 * so two kiosks issuing tickets offline never hand out the same number (slot 1 → 1001, 1002, …).
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

/** How the number is shown and spoken: four digits, e.g. 0007 for slot 0. */
export const formatTicketNumber = (number: number): string => String(number).padStart(4, '0');

/**
 * The next ticket for a counter: tickets transferred to it, or waiting in its fields and not transferred
 * elsewhere; priority tickets first, then the longest waiting.
 */
export function pickNext(waiting: readonly Ticket[], fieldCodes: readonly string[], counterId?: string): Ticket | undefined {
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

/** "Mời số 1023 đến quầy 2": what the counter announces, in the officer's language. */
export function announcement(number: number, counter: string, language: 'vi' | 'en'): string {
  const digits = formatTicketNumber(number).split('').join(' ');
  return language === 'vi' ? `Xin mời số ${digits} đến quầy số ${counter}` : `Number ${digits}, please go to counter ${counter}`;
}
