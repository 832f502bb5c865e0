import type { Result } from '../../result';
import type { AdministrativeRecord } from '../records';
import { addresseeOf, agencyIssuer, agencySignature, type AgencyLetterInput } from './agency';
import { buildForm, fieldNames, type Need } from './build';
import type { CenterProfile } from './center';
import { formFailures, type FormFailure } from './errors';
import { formHeader, type FormHeader, type SignatureBlock } from './header';
import { findEvent } from './history';
import { procedureBlock, submitterBlock, type ProcedureBlock, type SubmitterBlock } from './parties';
import { printInstant, type PrintedInstant } from './vietnamese-date';

/** Form 05: Thông báo dừng giải quyết hồ sơ (notice of stopping the processing). */
export type StopNotice = {
  readonly form: '05';
  readonly header: FormHeader;
  readonly addressee: string;
  readonly recordCode: string;
  readonly submitter: SubmitterBlock;
  readonly procedure: ProcedureBlock;
  readonly receivedAt: PrintedInstant;
  readonly stoppedAt: PrintedInstant;
  readonly reason: string;
  readonly signatures: readonly [SignatureBlock];
};

export function stopNotice(record: AdministrativeRecord, center: CenterProfile, input: AgencyLetterInput = {}): Result<StopNotice, FormFailure> {
  return buildForm('05', record.code, (need: Need) => {
    const event = findEvent(record, (e) => e.to === 8, input.seq);
    if (event === undefined) {
      return need.fail(formFailures.noEvent('05', record.code, { vi: 'Dừng giải quyết hồ sơ', en: 'stop' }, input.seq));
    }
    const receivedAt = need(record.receivedAt, fieldNames.receivedAt);
    const reason = need(event.note, fieldNames.reason(event.seq));
    return {
      form: '05',
      header: formHeader('05', center, event.at, agencyIssuer(record, center, event, input)),
      addressee: addresseeOf(record, input),
      recordCode: record.code,
      submitter: submitterBlock(record),
      procedure: procedureBlock(record),
      receivedAt: printInstant(receivedAt),
      stoppedAt: printInstant(event.at),
      reason,
      signatures: [agencySignature(input, need)],
    };
  });
}
