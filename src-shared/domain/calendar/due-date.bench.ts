import { bench, describe } from 'vitest';
import { computeDue, createWorkingCalendar, parseInstant } from './index';

const calendar = createWorkingCalendar({});
if (!calendar.ok) throw new Error('calendar');
// A day of receipts at a busy ward: every 7 minutes through 2026, so holidays and weekends are all crossed.
const start = parseInstant('2026-01-02T07:00+07:00');
if (!start.ok) throw new Error('instant');
const receipts = Array.from({ length: 1000 }, (_, i) => start.value + i * 7 * 60_000 * 53);

describe('due-date computation (2026 calendar)', () => {
  bench('computeDue, 3 working days (1,000 receipts)', () => {
    for (const receivedAt of receipts) computeDue({ receivedAt, processingTime: { unit: 'working-days', amount: 3 }, calendar: calendar.value });
  });
  bench('computeDue, same day with 15:00 cut-off (1,000 receipts)', () => {
    for (const receivedAt of receipts) computeDue({ receivedAt, processingTime: { unit: 'same-day', cutOffHour: 15 }, calendar: calendar.value });
  });
  bench('computeDue, 15 working days (1,000 receipts)', () => {
    for (const receivedAt of receipts) computeDue({ receivedAt, processingTime: { unit: 'working-days', amount: 15 }, calendar: calendar.value });
  });
});
