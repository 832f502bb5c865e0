import { parseInstant } from './vietnam-time';
import { createWorkingCalendar } from './working-calendar';

/** The shipped calendar (Labour Code rules + the 2026 announcement), as every calendar test uses it. */
const created = createWorkingCalendar();
if (!created.ok) throw new Error(created.error.messageEn);
export const testCalendar = created.value;

/** An instant from ISO text, e.g. `at('2026-02-12T10:00+07:00')`; a typo in a test fails loudly. */
export const at = (text: string): number => {
  const parsed = parseInstant(text);
  if (!parsed.ok) throw new Error(parsed.error.messageEn);
  return parsed.value;
};
