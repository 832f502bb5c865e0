import { describe, expect, it } from 'vitest';
import { computeDueWithPauses } from './pause';
import type { PauseInterval } from './pause';
import type { ProcessingTime } from './processing-time';
import { MS_PER_HOUR, formatInstant } from './vietnam-time';
import { at, testCalendar as calendar } from './fixtures.testing';

const pause = (pausedAt: string, resumedAt?: string): PauseInterval =>
  resumedAt === undefined ? { pausedAt: at(pausedAt) } : { pausedAt: at(pausedAt), resumedAt: at(resumedAt) };
const compute = (received: string, processingTime: ProcessingTime, pauses: readonly PauseInterval[]) =>
  computeDueWithPauses({ receivedAt: at(received), processingTime, calendar, pauses });
const dueText = (received: string, processingTime: ProcessingTime, pauses: readonly PauseInterval[]): string => {
  const result = compute(received, processingTime, pauses);
  if (!result.ok) throw new Error(result.error.messageEn);
  if (result.value.state !== 'running') throw new Error('expected a running clock');
  return formatInstant(result.value.dueAt);
};
const threeDays: ProcessingTime = { unit: 'working-days', amount: 3 };

describe('clock pauses while a supplement is requested', () => {
  it('without pauses gives the plain due date: Mon 9 Mar 08:00 + 3 days = Thu 12 Mar 08:00', () => {
    expect(dueText('2026-03-09T08:00+07:00', threeDays, [])).toBe('2026-03-12T08:00:00+07:00');
  });

  it('carries the remaining working time past the resume', () => {
    // 2 h used before the pause; 22 h left from Wed 14:00: Wed 3 h, Thu 8 h, Fri 8 h, Mon 16 Mar 07:00 + 3 h.
    expect(dueText('2026-03-09T08:00+07:00', threeDays, [pause('2026-03-09T10:00+07:00', '2026-03-11T14:00+07:00')])).toBe(
      '2026-03-16T10:00:00+07:00',
    );
  });

  it('restarts at the next opening when resumed after closing', () => {
    // 22 h left from Thu 12 Mar 07:00: Thu 8, Fri 8, Mon 16 Mar 07:00–11:30 (4.5 h) + 13:30 + 1.5 h = 15:00.
    expect(dueText('2026-03-09T08:00+07:00', threeDays, [pause('2026-03-09T10:00+07:00', '2026-03-11T18:00+07:00')])).toBe(
      '2026-03-16T15:00:00+07:00',
    );
  });

  it('adds up several pauses', () => {
    // 2 h, pause until Tue 07:00; 4.5 h more (Tue morning), pause until Wed 07:00; 17.5 h left:
    // Wed 8, Thu 8, Fri 07:00 + 1.5 h = 08:30.
    expect(
      dueText('2026-03-09T08:00+07:00', threeDays, [
        pause('2026-03-09T10:00+07:00', '2026-03-10T07:00+07:00'),
        pause('2026-03-10T11:30+07:00', '2026-03-11T07:00+07:00'),
      ]),
    ).toBe('2026-03-13T08:30:00+07:00');
  });

  it('carries the remaining time over Tết', () => {
    // Received Wed 11 Feb 08:00, paused Thu 12 Feb 08:00 after 8 h; resumed Fri 13 Feb 16:00 with 16 h left:
    // Fri 1 h, 14–22 Feb off, Mon 23 8 h, Tue 24: 4.5 h in the morning, then 13:30 + 2.5 h = 16:00.
    const result = compute('2026-02-11T08:00+07:00', threeDays, [pause('2026-02-12T08:00+07:00', '2026-02-13T16:00+07:00')]);
    expect(result.ok && result.value.state === 'running' && formatInstant(result.value.dueAt)).toBe('2026-02-24T16:00:00+07:00');
    expect(result.ok && result.value.state === 'running' && result.value.skipped.length).toBe(9);
  });

  it('an open pause leaves no due date and reports the time left', () => {
    const result = compute('2026-03-09T08:00+07:00', threeDays, [pause('2026-03-09T10:00+07:00')]);
    expect(result).toEqual({
      ok: true,
      value: { state: 'paused', dueAt: undefined, effectiveStart: at('2026-03-09T08:00+07:00'), pausedAt: at('2026-03-09T10:00+07:00'), remainingMs: 22 * MS_PER_HOUR },
    });
  });

  it('a pause that starts after the due date changes nothing', () => {
    expect(dueText('2026-03-09T08:00+07:00', threeDays, [pause('2026-03-12T08:00+07:00', '2026-03-20T08:00+07:00')])).toBe(
      '2026-03-12T08:00:00+07:00',
    );
    const open = compute('2026-03-09T08:00+07:00', threeDays, [pause('2026-03-13T08:00+07:00')]);
    expect(open.ok && open.value.state).toBe('running');
  });

  it('treats the resume of a same-day file as a new receipt, cut-off included', () => {
    const sameDay: ProcessingTime = { unit: 'same-day' };
    expect(dueText('2026-03-09T09:00+07:00', sameDay, [pause('2026-03-09T10:00+07:00', '2026-03-10T16:00+07:00')])).toBe(
      '2026-03-11T17:00:00+07:00',
    );
    expect(dueText('2026-03-09T09:00+07:00', sameDay, [pause('2026-03-09T10:00+07:00', '2026-03-10T09:00+07:00')])).toBe(
      '2026-03-10T17:00:00+07:00',
    );
  });

  it('refuses pauses out of order, before the receipt, resumed before paused, or open but not last', () => {
    const cases: PauseInterval[][] = [
      [pause('2026-03-09T07:00+07:00', '2026-03-09T09:00+07:00')],
      [pause('2026-03-09T10:00+07:00', '2026-03-09T09:00+07:00')],
      [pause('2026-03-09T10:00+07:00'), pause('2026-03-10T10:00+07:00', '2026-03-10T11:00+07:00')],
      [pause('2026-03-09T10:00+07:00', '2026-03-10T10:00+07:00'), pause('2026-03-10T09:00+07:00', '2026-03-10T11:00+07:00')],
    ];
    for (const pauses of cases) {
      const result = compute('2026-03-09T08:00+07:00', threeDays, pauses);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('calendar.invalid-pause');
        expect(result.error.message).toContain('Khoảng tạm dừng không hợp lệ');
        expect(result.error.path).toMatch(/^pauses\[\d\]\./);
      }
    }
  });
});

describe('pauses of calendar-day files', () => {
  const thirtyDays: ProcessingTime = { unit: 'calendar-days', amount: 30 };

  it('push the Nth day by the days the pause lasted: Mon 9 Mar + 30 = Wed 8 Apr; paused Wed 11 to Fri 13 Mar = Fri 10 Apr', () => {
    expect(dueText('2026-03-09T10:00+07:00', thirtyDays, [])).toBe('2026-04-08T17:00:00+07:00');
    // 9 Mar–11 Mar used 2 days (the pause's own date counts); 28 left from Fri 13 Mar.
    expect(dueText('2026-03-09T10:00+07:00', thirtyDays, [pause('2026-03-11T10:00+07:00', '2026-03-13T10:00+07:00')])).toBe(
      '2026-04-10T17:00:00+07:00',
    );
  });

  it('change nothing when paused and resumed the same day within office hours', () => {
    expect(dueText('2026-03-09T10:00+07:00', thirtyDays, [pause('2026-03-11T08:00+07:00', '2026-03-11T16:00+07:00')])).toBe(
      '2026-04-08T17:00:00+07:00',
    );
  });

  it('restart from the next opening, like a receipt, when resumed after closing', () => {
    // Resumed Wed 11 Mar 18:00: the count restarts from Thu 12 Mar with 28 days left.
    expect(dueText('2026-03-09T10:00+07:00', thirtyDays, [pause('2026-03-11T10:00+07:00', '2026-03-11T18:00+07:00')])).toBe(
      '2026-04-09T17:00:00+07:00',
    );
  });

  it('add up several pauses', () => {
    // +2 days (Wed 11 → Fri 13 Mar), then +3 days (Mon 16 → Thu 19 Mar): Wed 8 Apr + 5 = Mon 13 Apr.
    const pauses = [pause('2026-03-11T10:00+07:00', '2026-03-13T10:00+07:00'), pause('2026-03-16T09:00+07:00', '2026-03-19T09:00+07:00')];
    expect(dueText('2026-03-09T10:00+07:00', thirtyDays, pauses)).toBe('2026-04-13T17:00:00+07:00');
  });

  it('list the days off that moved a pushed Nth day', () => {
    // 30 days left from Thu 12 Mar: Sat 11 Apr, moved to Mon 13 Apr.
    const result = compute('2026-03-09T10:00+07:00', thirtyDays, [pause('2026-03-09T11:00+07:00', '2026-03-12T10:00+07:00')]);
    expect(result.ok && result.value.state === 'running' && formatInstant(result.value.dueAt)).toBe('2026-04-13T17:00:00+07:00');
    expect(result.ok && result.value.state === 'running' && result.value.skipped.map((d) => `${d.date} ${d.kind}`)).toEqual([
      '2026-04-11 weekend',
      '2026-04-12 weekend',
    ]);
  });

  it('leave no day when paused after the Nth day, while it waits for a working day', () => {
    // Mon 9 Mar + 5 = Sat 14 Mar, due Mon 16 Mar 17:00; paused Mon 16 09:00, resumed Tue 17 09:00: due that evening.
    const fiveDays: ProcessingTime = { unit: 'calendar-days', amount: 5 };
    expect(dueText('2026-03-09T10:00+07:00', fiveDays, [pause('2026-03-16T09:00+07:00', '2026-03-17T09:00+07:00')])).toBe(
      '2026-03-17T17:00:00+07:00',
    );
  });

  it('an open pause reports the days left and the working time to the due date as it stood', () => {
    const result = compute('2026-03-09T10:00+07:00', { unit: 'calendar-days', amount: 3 }, [pause('2026-03-10T10:00+07:00')]);
    // Due Thu 12 Mar 17:00; from Tue 10:00: Tue 5 h (10:00–11:30, 13:30–17:00), Wed 8 h, Thu 8 h.
    expect(result).toEqual({
      ok: true,
      value: {
        state: 'paused',
        dueAt: undefined,
        effectiveStart: at('2026-03-09T10:00+07:00'),
        pausedAt: at('2026-03-10T10:00+07:00'),
        remainingMs: 21 * MS_PER_HOUR,
        remainingDays: 2,
      },
    });
  });
});
