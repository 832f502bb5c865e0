import type { Result } from '../../result';
import type { AdministrativeRecord } from '../records';
import { buildForm, fieldNames, type Need } from './build';
import type { CenterProfile } from './center';
import { formFailures, type FormFailure } from './errors';
import { formHeader, signature, SIGN_HINT, type FormHeader, type SignatureBlock } from './header';
import { findEvent } from './history';
import { channelBlock, ownerBlock, procedureBlock, submitterBlock, type ChannelBlock, type OwnerBlock, type ProcedureBlock, type SubmitterBlock } from './parties';
import { printInstant, type PrintedInstant } from './vietnamese-date';

/** Form 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ (refusal to receive the file). */
export type Refusal = {
  readonly form: '03';
  readonly header: FormHeader;
  readonly recordCode: string;
  readonly submitter: SubmitterBlock;
  readonly owner?: OwnerBlock;
  readonly channel: ChannelBlock;
  readonly procedure: ProcedureBlock;
  /** When the file reached the Center (the online registration, or the visit at the counter). */
  readonly submittedAt: PrintedInstant;
  readonly refusedAt: PrintedInstant;
  readonly reason: string;
  /** The officer who refused. */
  readonly signatures: readonly [SignatureBlock];
};

export function refusal(record: AdministrativeRecord, center: CenterProfile): Result<Refusal, FormFailure> {
  return buildForm('03', record.code, (need: Need) => {
    const event = findEvent(record, (e) => e.to === 3);
    if (event === undefined) return need.fail(formFailures.noEvent('03', record.code, { vi: 'Từ chối tiếp nhận', en: 'refusal' }));
    const reason = need(event.note, fieldNames.reason(event.seq));
    const owner = ownerBlock(record);
    return {
      form: '03',
      header: formHeader('03', center, event.at),
      recordCode: record.code,
      submitter: submitterBlock(record),
      ...(owner === undefined ? {} : { owner }),
      channel: channelBlock(record),
      procedure: procedureBlock(record),
      submittedAt: printInstant(record.createdAt),
      refusedAt: printInstant(event.at),
      reason,
      signatures: [signature('NGƯỜI TIẾP NHẬN HỒ SƠ', SIGN_HINT, event.actor.name)],
    };
  });
}
