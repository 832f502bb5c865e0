import type { SlipInput } from '../../../src-shared/api/printer';
import type { Settings } from '../../../src-shared/api/settings';
import { describeProcessingTime } from '../../../src-shared/domain/calendar';
import type { AdministrativeRecord } from '../../../src-shared/domain/records';

/** Form 01's essentials for the thermal receipt printer, from the record as stored. */
export function receiptSlipOf(record: AdministrativeRecord, settings: Settings, reprint = false): SlipInput {
  return {
    kind: 'receipt',
    reprint,
    centerName: settings.centerName,
    recordCode: record.code,
    citizenName: (record.owner ?? record.submitter).fullName,
    procedureName: record.procedure.name,
    procedureCode: record.procedure.code,
    documents: record.documents.map((d) => ({ name: d.name, original: d.original, certifiedCopy: d.certifiedCopy, photocopy: d.photocopy })),
    setsCount: record.setsCount,
    ...(record.processingTime ? { processingTime: describeProcessingTime(record.processingTime).vi } : {}),
    receivedAt: record.receivedAt ?? record.createdAt,
    dueAt: record.dueAt ?? record.receivedAt ?? record.createdAt,
    fee: record.fee,
    pickup: record.resultDelivery === 'post' ? { kind: 'post' } : { kind: 'counter' },
    officerName: record.history[0]?.actor.name,
  };
}
