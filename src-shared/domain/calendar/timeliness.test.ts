import { describe, expect, it } from 'vitest';
import { classifyTimeliness, timelinessRate } from './timeliness';
import { parseInstant } from './vietnam-time';

const at = (text: string): number => {
  const parsed = parseInstant(text);
  if (!parsed.ok) throw new Error(parsed.error.messageEn);
  return parsed.value;
};
const dueAt = at('2026-02-24T10:00+07:00');

describe('early / on time / overdue', () => {
  it('compares Vietnamese dates, not instants', () => {
    expect(classifyTimeliness(at('2026-02-23T23:59+07:00'), dueAt)).toBe('early');
    expect(classifyTimeliness(at('2026-02-24T07:00+07:00'), dueAt)).toBe('on-time');
    expect(classifyTimeliness(at('2026-02-24T16:59+07:00'), dueAt)).toBe('on-time');
    expect(classifyTimeliness(at('2026-02-25T00:00+07:00'), dueAt)).toBe('overdue');
    // 06:00 on 25 Feb in Vietnam is still 24 Feb in UTC: overdue all the same.
    expect(classifyTimeliness(at('2026-02-24T23:00Z'), dueAt)).toBe('overdue');
  });

  it('rates (early + on time) / finished', () => {
    expect(timelinessRate(['early', 'on-time', 'overdue', 'early'])).toEqual({ early: 2, onTime: 1, overdue: 1, finished: 4, earlyOrOnTimeRate: 0.75 });
    expect(timelinessRate([])).toEqual({ early: 0, onTime: 0, overdue: 0, finished: 0, earlyOrOnTimeRate: undefined });
  });
});
