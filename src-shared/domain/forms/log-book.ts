import { err, type Result } from '../../result';
import { epochDayOf, formatLocalDate, isValidLocalDate, vietnamDateOf, type LocalDate } from '../calendar';
import type { AdministrativeRecord, LogBookEntry } from '../records';
import { buildForm, fieldNames, type Need } from './build';
import type { CenterProfile } from './center';
import { formFailures, type FieldName, type FormFailure } from './errors';
import { formHeader, type FormHeader } from './header';
import { printInstant, shortLocalDate, type PrintedInstant } from './vietnamese-date';

/** One line of the log book: one received record. */
export type LogBookRow = {
  readonly index: number;
  readonly recordCode: string;
  /** What the file asks for: the procedure's name (trích yếu). */
  readonly summary: string;
  readonly setsCount: number;
  readonly owner: string;
  readonly address: string;
  readonly phone: string;
  /** The procedure's field (lĩnh vực). */
  readonly area: string;
  readonly receivedAt: PrintedInstant;
  readonly dueAt: PrintedInstant;
  readonly returnedAt?: PrintedInstant;
  readonly receivingOfficer: string;
  /** The paper book's volume and number, when the Center keeps one. */
  readonly logBook?: LogBookEntry;
};

/** Form 07: Sổ theo dõi hồ sơ (record log book) for a period. */
export type LogBook = {
  readonly form: '07';
  readonly header: FormHeader;
  readonly period: { readonly from: LocalDate; readonly to: LocalDate; readonly text: string };
  readonly rows: readonly LogBookRow[];
};

export type LogBookInput = {
  /** First and last Vietnamese day of the period, both included. */
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly printedAt: number;
};

const vietnamDay = (at: number): number => epochDayOf(vietnamDateOf(at));

const recordField = (code: string, field: FieldName): FieldName => ({ ...field, path: `records[${code}].${field.path}` });

/**
 * The records this Center received in the period, in order of receipt. Records received elsewhere (synced
 * from other units) belong to their own unit's book; registrations never received are not in any book.
 */
export function logBook(records: readonly AdministrativeRecord[], center: CenterProfile, input: LogBookInput): Result<LogBook, FormFailure> {
  const { from, to } = input;
  if (!isValidLocalDate(from) || !isValidLocalDate(to) || epochDayOf(from) > epochDayOf(to)) {
    return err(formFailures.invalidPeriod(formatLocalDate(from), formatLocalDate(to)));
  }
  const first = epochDayOf(from);
  const last = epochDayOf(to);
  const inPeriod = records
    .filter((r) => r.unitId === center.unitId && r.receivedAt !== undefined)
    .filter((r) => {
      const day = vietnamDay(r.receivedAt ?? 0);
      return day >= first && day <= last;
    })
    .sort((a, b) => (a.receivedAt ?? 0) - (b.receivedAt ?? 0) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return buildForm('07', '', (need: Need) => ({
    form: '07',
    header: formHeader('07', center, need(input.printedAt, fieldNames.printedAt)),
    period: { from, to, text: `Từ ngày ${shortLocalDate(from)} đến ngày ${shortLocalDate(to)}` },
    rows: inPeriod.map((record, i) => logBookRow(record, i + 1, need)),
  }));
}

function logBookRow(record: AdministrativeRecord, index: number, need: Need): LogBookRow {
  const missing = (field: FieldName): never => need.fail(formFailures.missingField('07', record.code, recordField(record.code, field)));
  const receivedAt = record.receivedAt ?? missing(fieldNames.receivedAt);
  const dueAt = record.dueAt ?? missing(fieldNames.dueAt);
  const officer = record.receivingOfficer ?? missing(fieldNames.receivingOfficer);
  const owner = record.owner;
  return {
    index,
    recordCode: record.code,
    summary: record.procedure.name,
    setsCount: record.setsCount,
    owner: owner?.fullName ?? record.submitter.fullName,
    // An owner given without contact details is reached through the submitter, who filed for them.
    address: owner?.address ?? record.submitter.address,
    phone: owner?.phone ?? record.submitter.phone ?? '',
    area: record.procedure.fieldName,
    receivedAt: printInstant(receivedAt),
    dueAt: printInstant(dueAt),
    ...(record.returnedAt === undefined ? {} : { returnedAt: printInstant(record.returnedAt) }),
    receivingOfficer: officer.name,
    ...(record.logBook === undefined ? {} : { logBook: record.logBook }),
  };
}
