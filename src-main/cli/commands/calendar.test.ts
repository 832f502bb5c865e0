import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDueCommand } from './calendar';

type DueJson = {
  receivedAt: string;
  effectiveStart: string;
  dueAt: string;
  processingTime: unknown;
  skipped: { date: string; kind: string; reason: string; reasonEn: string }[];
};

const run = async (...argv: string[]) => calendarDueCommand.run(argv);
const dueJson = async (...argv: string[]): Promise<DueJson> => {
  const result = await run(...argv);
  if (!result.ok) throw new Error(result.error.messageEn);
  return result.value.json as DueJson;
};

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-calendar-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('motcua calendar due', () => {
  it('is reached by the words "calendar due"', () => {
    expect(calendarDueCommand.path).toEqual(['calendar', 'due']);
  });

  it('skips Tết: received Thu 12 Feb 2026 10:00 with 3 working days is due Tue 24 Feb 2026 10:00', async () => {
    // Counting 8 h working days from Thu 12 Feb 10:00:
    //   Thu 12 Feb 10:00–17:00  5 h  (5 h)
    //   Fri 13 Feb               8 h  (13 h)  — 1st full day
    //   Sat 14 – Sun 22 Feb      Tết holiday, not counted (9 days)
    //   Mon 23 Feb               8 h  (21 h)
    //   Tue 24 Feb 07:00–10:00   3 h  (24 h = 3 working days)
    // i.e. the 3rd following working day (Fri 13, Mon 23, Tue 24) at the receipt time of day.
    const result = await run('--received', '2026-02-12T10:00+07:00', '--days', '3');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const json = result.value.json as DueJson;
    expect(json).toMatchObject({
      receivedAt: '2026-02-12T10:00:00+07:00',
      effectiveStart: '2026-02-12T10:00:00+07:00',
      dueAt: '2026-02-24T10:00:00+07:00',
      processingTime: { unit: 'working-days', amount: 3 },
    });
    expect(json.skipped.map((d) => d.date)).toEqual(['14', '15', '16', '17', '18', '19', '20', '21', '22'].map((d) => `2026-02-${d}`));
    expect(json.skipped.every((d) => d.kind === 'holiday' && d.reason === 'Nghỉ Tết Nguyên đán' && d.reasonEn === 'Lunar New Year holiday')).toBe(true);

    const { text } = result.value;
    expect(text).toContain('Hạn trả kết quả / Due:          2026-02-24T10:00:00+07:00 (Thứ Ba / Tuesday)');
    expect(text).toContain('3 ngày làm việc / 3 working days');
    expect(text).toContain('Ngày không tính (9) / Days not counted (9):');
    expect(text).toContain('  2026-02-17  Nghỉ Tết Nguyên đán / Lunar New Year holiday');
  });

  it('handles working hours and same-day procedures with a cut-off', async () => {
    expect((await dueJson('--received', '2026-03-09T16:00+07:00', '--hours', '4')).dueAt).toBe('2026-03-10T10:00:00+07:00');
    expect((await dueJson('--received', '2026-03-09T15:30+07:00', '--same-day')).dueAt).toBe('2026-03-10T17:00:00+07:00');
    expect((await dueJson('--received', '2026-03-09T15:30+07:00', '--same-day', '--cutoff', '16')).dueAt).toBe('2026-03-09T17:00:00+07:00');
  });

  it('uses a technician calendar file for a year the kiosk does not ship', async () => {
    // Without a 2027 announcement Tết 2027 defaults to Fri 5 – Tue 9 Feb plus Wed 10 and Thu 11 in lieu.
    expect((await dueJson('--received', '2027-02-04T17:30+07:00', '--days', '1')).dueAt).toBe('2027-02-12T17:00:00+07:00');
    const file = join(dir, 'lich-2027.json');
    const daysOff = ['03', '04', '05', '08', '09', '10'].map((d) => ({
      date: `2027-02-${d}`,
      kind: 'holiday',
      holiday: 'lunar-new-year',
      reason: 'Nghỉ Tết Nguyên đán',
      reasonEn: 'Lunar New Year holiday',
    }));
    await writeFile(file, JSON.stringify({ year: 2027, daysOff, workingDays: [] }));
    const json = await dueJson('--received', '2027-02-02T17:30+07:00', '--days', '1', '--calendar', file);
    expect(json.dueAt).toBe('2027-02-11T17:00:00+07:00');
    expect(json.skipped.map((d) => `${d.date} ${d.kind}`)).toEqual([
      '2027-02-03 holiday',
      '2027-02-04 holiday',
      '2027-02-05 holiday',
      '2027-02-06 weekend',
      '2027-02-07 weekend',
      '2027-02-08 holiday',
      '2027-02-09 holiday',
      '2027-02-10 holiday',
    ]);
  });

  it('reports a broken calendar file field by field, in both languages', async () => {
    const file = join(dir, 'broken.json');
    await writeFile(file, JSON.stringify({ year: 2027, daysOff: [{ date: '2027-02-30', kind: 'holiday', reason: 'x', reasonEn: 'x' }], workingDays: [] }));
    const result = await run('--received', '2027-02-02T10:00+07:00', '--days', '1', '--calendar', file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('calendar.invalid-year-calendar');
    expect(result.error.message).toContain('daysOff[0].date');
    expect(result.error.messageEn).toContain('must be a real date written YYYY-MM-DD');
  });

  it.each([
    [[], 'Missing --received'],
    [['--received', '2026-02-12T10:00+07:00'], 'exactly one of'],
    [['--received', '2026-02-12T10:00+07:00', '--days', '3', '--hours', '2'], 'exactly one of'],
    [['--received', 'yesterday', '--days', '3'], 'Invalid date-time'],
    [['--received', '2026-02-12T10:00+07:00', '--days', 'three'], '--days needs a number'],
    [['--received', '2026-02-12T10:00+07:00', '--days', '0'], 'must be above 0'],
    [['--received', '2026-02-12T10:00+07:00', '--days', '3', '--cutoff', '15'], '--cutoff only goes with --same-day'],
    [['--received', '2026-02-12T10:00+07:00', '--weeks', '3'], 'Invalid arguments'],
    [['--received', '2026-02-12T10:00+07:00', '--days', '1', '--calendar', '/nonexistent/lich.json'], 'Cannot read calendar file'],
  ])('refuses %j as a usage error', async (argv, english) => {
    const result = await run(...argv);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('cli.usage');
    expect(result.error.messageEn).toContain(english);
    expect(result.error.message.length).toBeGreaterThan(0);
    expect(result.error.message).not.toBe(result.error.messageEn);
  });
});

describe('motcua calendar due --calendar-days', () => {
  it('counts calendar days and moves a due day that falls on a day off to the next working day', async () => {
    // Received Mon 9 Mar 2026; day 30 is Wed 8 Apr, a working day: due at its closing.
    const result = await calendarDueCommand.run(['--received', '2026-03-09T09:00+07:00', '--calendar-days', '30']);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect((result.value.json as { dueAt: string }).dueAt).toBe('2026-04-08T17:00:00+07:00');
  });
});
