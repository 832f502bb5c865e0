import { ok } from '../../result';
import type { Result } from '../../result';
import { computeDue } from '../calendar';
import type { CalendarFailure, DueDate, Instant, OfficeHours, ProcessingTime, WorkingCalendar } from '../calendar';
import type { Procedure } from './procedure';

/**
 * The due date (hạn trả kết quả) of a file for a catalogue procedure. The catalogue states the law's time;
 * the working-day calendar counts it. Only the processing time of the procedure is read, so the caller picks
 * the version in force on the receipt date (`proceduresInForceOn`) before asking.
 */
export type ProcedureDueRequest = {
  readonly procedure: Pick<Procedure, 'processingTime'>;
  readonly receivedAt: Instant;
  readonly calendar: WorkingCalendar;
  readonly officeHours?: OfficeHours;
  /** The officer's call at the counter: the file must be verified (xác minh), so the longer legal limit applies. */
  readonly verificationNeeded?: boolean;
};

export type ProcedureDueDate = DueDate & {
  /** The time the due date was counted with: the procedure's own, or its limit when verification is needed. */
  readonly processingTime: ProcessingTime;
};

export function dueForProcedure(request: ProcedureDueRequest): Result<ProcedureDueDate, CalendarFailure> {
  const processingTime = appliedProcessingTime(request.procedure.processingTime, request.verificationNeeded === true);
  const due = computeDue({
    receivedAt: request.receivedAt,
    processingTime,
    calendar: request.calendar,
    ...(request.officeHours === undefined ? {} : { officeHours: request.officeHours }),
  });
  return due.ok ? ok({ ...due.value, processingTime }) : due;
}

/**
 * `ifVerificationNeeded` is the total time, counted from the receipt like the normal one (marriage: "không quá
 * 05 ngày làm việc" in all, not 5 more). A procedure whose text gives no longer limit keeps its own time: the law grants
 * no extension, so verification has to fit in it. The verification limit is dropped from the time handed back,
 * which records only what was counted.
 */
function appliedProcessingTime(time: Procedure['processingTime'], verificationNeeded: boolean): ProcessingTime {
  if (verificationNeeded && time.ifVerificationNeeded !== undefined) return time.ifVerificationNeeded;
  return time.unit === 'same-day' ? { unit: time.unit, cutOffHour: time.cutOffHour } : { unit: time.unit, amount: time.amount };
}
