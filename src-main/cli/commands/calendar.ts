import { readFile } from 'node:fs/promises';
import {
  computeDue,
  createWorkingCalendar,
  describeProcessingTime,
  epochDayOf,
  formatInstant,
  mergeAnnouncements,
  parseInstant,
  parseYearCalendar,
  shippedYearCalendars,
  vietnamDateOf,
  weekdayName,
  weekdayOfEpochDay,
} from '../../../src-shared/domain/calendar';
import type { DueDate, ProcessingTime, WorkingCalendar, YearCalendar } from '../../../src-shared/domain/calendar';
import { err, failure, ok } from '../../../src-shared/result';
import type { Failure, Result } from '../../../src-shared/result';
import type { CliCommand, CommandOutput } from '../command';
import { parseOptions } from '../options';

const usage =
  'motcua calendar due --received 2026-02-12T10:00+07:00 (--days N | --hours N | --calendar-days N | --same-day [--cutoff 15]) [--calendar lich-2027.json …]';

const usageError = (vi: string, en: string): Failure => failure('cli.usage', vi, en);

/** `motcua calendar due`: when a file received at a given instant is due, and which days were not counted. */
export const calendarDueCommand: CliCommand = {
  path: ['calendar', 'due'],
  summary: 'Tính hạn trả kết quả theo ngày làm việc / Compute a due date in working days',
  usage,
  async run(argv) {
    const request = parseRequest(argv);
    if (!request.ok) return request;
    const calendar = await loadCalendar(request.value.calendarFiles);
    if (!calendar.ok) return calendar;
    const { receivedAt, processingTime } = request.value;
    const due = computeDue({ receivedAt, processingTime, calendar: calendar.value });
    if (!due.ok) {
      const fromArguments = due.error.code === 'calendar.invalid-processing-time' || due.error.code === 'calendar.out-of-range';
      return err(fromArguments ? usageError(due.error.message, due.error.messageEn) : due.error);
    }
    return ok(render(receivedAt, processingTime, due.value));
  },
};

type DueRequest = { readonly receivedAt: number; readonly processingTime: ProcessingTime; readonly calendarFiles: readonly string[] };

type CalendarDueOptions = {
  readonly received?: string | undefined;
  readonly days?: string | undefined;
  readonly hours?: string | undefined;
  readonly 'calendar-days'?: string | undefined;
  readonly 'same-day'?: boolean | undefined;
  readonly cutoff?: string | undefined;
  readonly calendar?: readonly string[] | undefined;
};

function readOptions(argv: readonly string[]): Result<CalendarDueOptions> {
  return parseOptions(argv, {
    received: { type: 'string' },
    days: { type: 'string' },
    hours: { type: 'string' },
    'calendar-days': { type: 'string' },
    'same-day': { type: 'boolean' },
    cutoff: { type: 'string' },
    calendar: { type: 'string', multiple: true },
  });
}

function parseRequest(argv: readonly string[]): Result<DueRequest> {
  const options = readOptions(argv);
  if (!options.ok) return options;
  const values = options.value;
  if (values.received === undefined) {
    return err(usageError('Thiếu --received (thời điểm nhận hồ sơ, ví dụ 2026-02-12T10:00+07:00).', 'Missing --received (when the file was received, e.g. 2026-02-12T10:00+07:00).'));
  }
  const receivedAt = parseInstant(values.received);
  if (!receivedAt.ok) return err(usageError(receivedAt.error.message, receivedAt.error.messageEn));
  const processingTime = parseProcessingTime(values);
  if (!processingTime.ok) return processingTime;
  return ok({ receivedAt: receivedAt.value, processingTime: processingTime.value, calendarFiles: values.calendar ?? [] });
}

function parseProcessingTime(values: CalendarDueOptions): Result<ProcessingTime> {
  const chosen = [values.days !== undefined, values.hours !== undefined, values['calendar-days'] !== undefined, values['same-day'] === true].filter(Boolean).length;
  if (chosen !== 1) {
    return err(
      usageError('Chọn đúng một trong --days N, --hours N, --calendar-days N hoặc --same-day.', 'Give exactly one of --days N, --hours N, --calendar-days N or --same-day.'),
    );
  }
  if (values.cutoff !== undefined && values['same-day'] !== true) {
    return err(usageError('--cutoff chỉ dùng cùng --same-day.', '--cutoff only goes with --same-day.'));
  }
  if (values['same-day'] === true) {
    if (values.cutoff === undefined) return ok({ unit: 'same-day' });
    const cutOffHour = parseNumber(values.cutoff, '--cutoff');
    return cutOffHour.ok ? ok({ unit: 'same-day', cutOffHour: cutOffHour.value }) : cutOffHour;
  }
  const unit = values.days !== undefined ? 'working-days' : values.hours !== undefined ? 'working-hours' : 'calendar-days';
  const option = { 'working-days': '--days', 'working-hours': '--hours', 'calendar-days': '--calendar-days' }[unit];
  const amount = parseNumber(values.days ?? values.hours ?? values['calendar-days'] ?? '', option);
  return amount.ok ? ok({ unit, amount: amount.value }) : amount;
}

function parseNumber(text: string, option: string): Result<number> {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) {
    return err(usageError(`${option} cần một số (nhận được "${text}").`, `${option} needs a number (got "${text}").`));
  }
  return ok(value);
}

/** The shipped announcements, with any technician's files replacing the years they cover. */
async function loadCalendar(files: readonly string[]): Promise<Result<WorkingCalendar>> {
  const loaded: YearCalendar[] = [];
  for (const file of files) {
    let content: unknown;
    try {
      content = JSON.parse(await readFile(file, 'utf8'));
    } catch (error: unknown) {
      const detail = error instanceof Error ? error.message : String(error);
      return err(usageError(`Không đọc được tệp lịch ${file}: ${detail}`, `Cannot read calendar file ${file}: ${detail}`));
    }
    for (const [index, entry] of (Array.isArray(content) ? content : [content]).entries()) {
      const parsed = parseYearCalendar(entry);
      if (!parsed.ok) {
        const where = Array.isArray(content) ? `${file} [${index}]` : file;
        return err(
          failure(
            'calendar.invalid-year-calendar',
            [`Tệp lịch ${where} có lỗi:`, ...parsed.error.map((f) => `  - ${f.message}`)].join('\n'),
            [`Calendar file ${where} has errors:`, ...parsed.error.map((f) => `  - ${f.messageEn}`)].join('\n'),
            where,
          ),
        );
      }
      loaded.push(parsed.value);
    }
  }
  return createWorkingCalendar({ announcements: mergeAnnouncements(shippedYearCalendars, loaded) });
}

function render(receivedAt: number, processingTime: ProcessingTime, due: DueDate): CommandOutput {
  const json = {
    receivedAt: formatInstant(receivedAt),
    effectiveStart: formatInstant(due.effectiveStart),
    dueAt: formatInstant(due.dueAt),
    processingTime,
    skipped: due.skipped,
  };
  const describedTime = describeProcessingTime(processingTime);
  const dayOf = (instant: number): string => {
    const name = weekdayName(weekdayOfEpochDay(epochDayOf(vietnamDateOf(instant))));
    return `${name.vi} / ${name.en}`;
  };
  const lines = [
    `Nhận hồ sơ / Received:          ${json.receivedAt} (${dayOf(receivedAt)})`,
    `Bắt đầu tính / Clock starts:    ${json.effectiveStart} (${dayOf(due.effectiveStart)})`,
    `Thời hạn / Processing time:     ${describedTime.vi} / ${describedTime.en}`,
    `Hạn trả kết quả / Due:          ${json.dueAt} (${dayOf(due.dueAt)})`,
  ];
  if (due.skipped.length === 0) {
    lines.push('Không có ngày nghỉ nào xen giữa / No days off in between.');
  } else {
    lines.push(`Ngày không tính (${due.skipped.length}) / Days not counted (${due.skipped.length}):`);
    for (const day of due.skipped) lines.push(`  ${day.date}  ${day.reason} / ${day.reasonEn}`);
  }
  return { json, text: lines.join('\n') };
}
