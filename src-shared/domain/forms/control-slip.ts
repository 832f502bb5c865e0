import type { Result } from '../../result';
import { classifyTimeliness, type Timeliness } from '../calendar';
import { fileOwnerOf, type AdministrativeRecord, type RecordEvent } from '../records';
import { buildForm, fieldNames, type Need } from './build';
import { unitNameOf, type CenterProfile } from './center';
import type { FormFailure } from './errors';
import { formHeader, type FormHeader } from './header';
import { holderBefore, isHandOver } from './history';
import { procedureBlock, type ProcedureBlock } from './parties';
import { printInstant, type PrintedInstant } from './vietnamese-date';

export type UnitRef = { readonly id: string; readonly name: string };

/** One hand-over between units and how the receiving unit kept to its time. */
export type HandOverRow = {
  readonly index: number;
  /** The history step, so a screen can link the row to the event. */
  readonly seq: number;
  readonly at: PrintedInstant;
  readonly from: UnitRef;
  readonly to: UnitRef;
  /** The officer who recorded the hand-over. */
  readonly handedOverBy: string;
  /** The officer who acted next on the file, i.e. on the receiving side; absent while nobody has. */
  readonly receivedBy?: string;
  /** The deadline the hand-over set for this step, when it carried one. */
  readonly deadline?: PrintedInstant;
  /** When the receiving unit passed the file on (next hand-over) or finished it. */
  readonly completedAt?: PrintedInstant;
  /** Blank (absent) without a deadline or while the step is still open. */
  readonly timeliness?: Timeliness;
  readonly timelinessLabel: string;
  readonly note?: string;
};

/** Form 06: Phiếu kiểm soát quá trình giải quyết hồ sơ (processing control slip). */
export type ControlSlip = {
  readonly form: '06';
  readonly header: FormHeader;
  readonly recordCode: string;
  readonly owner: string;
  readonly procedure: ProcedureBlock;
  readonly receivedAt: PrintedInstant;
  readonly dueAt: PrintedInstant;
  readonly finishedAt?: PrintedInstant;
  readonly returnedAt?: PrintedInstant;
  readonly holder: UnitRef;
  readonly rows: readonly HandOverRow[];
};

export type ControlSlipInput = {
  /** When the slip is printed (its date line); the slip is reprinted as the file moves. */
  readonly printedAt: number;
};

export const timelinessLabels: { readonly [T in Timeliness]: string } = {
  early: 'Trước hạn',
  'on-time': 'Đúng hạn',
  overdue: 'Quá hạn',
};

export function controlSlip(record: AdministrativeRecord, center: CenterProfile, input: ControlSlipInput): Result<ControlSlip, FormFailure> {
  return buildForm('06', record.code, (need: Need) => {
    const receivedAt = need(record.receivedAt, fieldNames.receivedAt);
    const dueAt = need(record.dueAt, fieldNames.dueAt);
    const printedAt = need(input.printedAt, fieldNames.printedAt);
    const handOvers = record.history.filter(isHandOver);
    const unit = (id: string): UnitRef => ({ id, name: unitNameOf(center, id) });
    return {
      form: '06',
      header: formHeader('06', center, printedAt),
      recordCode: record.code,
      owner: fileOwnerOf(record).fullName,
      procedure: procedureBlock(record),
      receivedAt: printInstant(receivedAt),
      dueAt: printInstant(dueAt),
      ...(record.finishedAt === undefined ? {} : { finishedAt: printInstant(record.finishedAt) }),
      ...(record.returnedAt === undefined ? {} : { returnedAt: printInstant(record.returnedAt) }),
      holder: unit(record.holderUnitId),
      rows: handOvers.map((event, i) => handOverRow(record, event, handOvers[i + 1], i + 1, unit)),
    };
  });
}

function handOverRow(
  record: AdministrativeRecord,
  event: RecordEvent,
  nextHandOver: RecordEvent | undefined,
  index: number,
  unit: (id: string) => UnitRef,
): HandOverRow {
  const toUnit = event.toUnit ?? record.holderUnitId;
  const nextStep = record.history.find((e) => e.seq === event.seq + 1);
  // The step ends when the receiving unit passes the file on, or finishes it; a step that starts with the
  // finishing itself (the result handed back to the Center) ends when the result is returned to the citizen.
  const completedAt = [nextHandOver?.at, record.finishedAt, record.returnedAt].find((t) => t !== undefined && t > event.at);
  const timeliness = event.dueAt === undefined || completedAt === undefined ? undefined : classifyTimeliness(completedAt, event.dueAt);
  return {
    index,
    seq: event.seq,
    at: printInstant(event.at),
    from: unit(event.fromUnit ?? holderBefore(record, event.seq)),
    to: unit(toUnit),
    handedOverBy: event.actor.name,
    ...(nextStep === undefined ? {} : { receivedBy: nextStep.actor.name }),
    ...(event.dueAt === undefined ? {} : { deadline: printInstant(event.dueAt) }),
    ...(completedAt === undefined ? {} : { completedAt: printInstant(completedAt) }),
    ...(timeliness === undefined ? {} : { timeliness }),
    timelinessLabel: timeliness === undefined ? '' : timelinessLabels[timeliness],
    ...(event.note === undefined ? {} : { note: event.note }),
  };
}
