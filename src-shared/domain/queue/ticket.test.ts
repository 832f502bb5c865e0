import { describe, expect, it } from 'vitest';
import { announcement, centerTicketNumber, formatTicketNumber, peopleAhead, pickNext, seriesLetters, ticketNumber, type Ticket } from './ticket';

const ticket = (number: number, overrides: Partial<Ticket> = {}): Ticket => ({
  id: String(number),
  day: '2026-03-02',
  number,
  issuedAt: number,
  fieldCode: 'ho-tich',
  fieldName: 'Hộ tịch',
  priority: false,
  state: 'waiting',
  ...overrides,
});

describe('queue tickets', () => {
  it('numbers by kiosk slot so offline kiosks never collide, and refuses sequence overflow', () => {
    expect(ticketNumber(1, 1)).toBe(1001);
    expect(ticketNumber(3, 999)).toBe(3999);
    expect(ticketNumber(3, 1000)).toBeUndefined();
    expect(formatTicketNumber(7)).toBe('0007');
  });

  it('calls priority tickets first, then the longest waiting, only of the counter’s fields', () => {
    const waiting = [ticket(1001), ticket(1002, { fieldCode: 'dat-dai' }), ticket(1003, { priority: true }), ticket(1004, { state: 'called' })];
    expect(pickNext(waiting, ['ho-tich'])?.number).toBe(1003);
    expect(pickNext(waiting.filter((t) => !t.priority), ['ho-tich'])?.number).toBe(1001);
    expect(pickNext(waiting, ['dat-dai'])?.number).toBe(1002);
    expect(pickNext(waiting, ['chung-thuc'])).toBeUndefined();
    expect(pickNext(waiting, [])?.number).toBe(1003);
  });

  it('counts the people ahead of a new ticket', () => {
    const waiting = [ticket(1001), ticket(1002, { priority: true }), ticket(1003, { fieldCode: 'dat-dai' })];
    expect(peopleAhead(waiting, 'ho-tich', false)).toBe(2);
    expect(peopleAhead(waiting, 'ho-tich', true)).toBe(1);
  });

  it('keeps Center tickets above every kiosk number and shows them as the field letter and three digits', () => {
    expect(centerTicketNumber(0, 7)).toBe(10007);
    expect(centerTicketNumber(1, 7)).toBe(20007);
    expect(centerTicketNumber(1, 10_000)).toBeUndefined();
    expect(centerTicketNumber(-1, 7)).toBeUndefined();
    expect(formatTicketNumber(20007)).toBe('B007');
    expect(formatTicketNumber(centerTicketNumber(25, 1234) ?? 0)).toBe('Z1234');
    expect(formatTicketNumber(centerTicketNumber(26, 1) ?? 0)).toBe('AA001');
    expect(formatTicketNumber(9999)).toBe('9999');
    expect([0, 25, 26, 51, 52, 701, 702].map(seriesLetters)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
    // Every kiosk number of every slot stays four digits and distinct from every Center label.
    const kiosk = new Set(Array.from({ length: 10 }, (_, slot) => formatTicketNumber(ticketNumber(slot, 999) ?? 0)));
    expect([...kiosk].every((n) => /^\d{4}$/.test(n))).toBe(true);
    expect(announcement(20007, '3', 'vi')).toBe('Xin mời số B 0 0 7 đến quầy số 3');
  });

  it('announces digit by digit', () => {
    expect(announcement(1023, '2', 'vi')).toBe('Xin mời số 1 0 2 3 đến quầy số 2');
  });
});
