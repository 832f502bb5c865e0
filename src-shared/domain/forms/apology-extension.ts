import type { Result } from '../../result';
import type { AdministrativeRecord } from '../records';
import { addresseeOf, agencyIssuer, agencySignature, type AgencyLetterInput } from './agency';
import { buildForm, fieldNames, type Need } from './build';
import type { CenterProfile } from './center';
import { formFailures, type FormFailure } from './errors';
import { formHeader, type FormHeader, type SignatureBlock } from './header';
import { findEvent, isExtension } from './history';
import { procedureBlock, type ProcedureBlock } from './parties';
import { printInstant, type PrintedInstant } from './vietnamese-date';

/** Form 04: Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết (apology and extension). */
export type ApologyExtension = {
  readonly form: '04';
  readonly header: FormHeader;
  /** "Kính gửi: Ông/Bà …". */
  readonly addressee: string;
  readonly recordCode: string;
  readonly procedure: ProcedureBlock;
  readonly receivedAt: PrintedInstant;
  readonly previousDueAt: PrintedInstant;
  readonly reason: string;
  readonly newDueAt: PrintedInstant;
  /** The sentence of apology, fixed by the form. */
  readonly apology: string;
  /** The head of the processing agency. */
  readonly signatures: readonly [SignatureBlock];
};

export function apologyExtension(
  record: AdministrativeRecord,
  center: CenterProfile,
  input: AgencyLetterInput = {},
): Result<ApologyExtension, FormFailure> {
  return buildForm('04', record.code, (need: Need) => {
    const event = findEvent(record, isExtension, input.seq);
    if (event === undefined) {
      return need.fail(formFailures.noEvent('04', record.code, { vi: 'Gia hạn thời gian giải quyết', en: 'extension' }, input.seq));
    }
    const receivedAt = need(record.receivedAt, fieldNames.receivedAt);
    const previousDueAt = need(event.previousDueAt, fieldNames.previousDueAt);
    const newDueAt = need(event.dueAt, fieldNames.newDueAt);
    const reason = need(event.note, fieldNames.reason(event.seq));
    const issuer = agencyIssuer(record, center, event, input);
    return {
      form: '04',
      header: formHeader('04', center, event.at, issuer),
      addressee: addresseeOf(record, input),
      recordCode: record.code,
      procedure: procedureBlock(record),
      receivedAt: printInstant(receivedAt),
      previousDueAt: printInstant(previousDueAt),
      reason,
      newDueAt: printInstant(newDueAt),
      apology: `Sự chậm trễ này đã gây phiền hà cho Ông/Bà. ${issuer.unitName} xin lỗi Ông/Bà và đề nghị gia hạn thời gian giải quyết hồ sơ đến ${printInstant(newDueAt).long}.`,
      signatures: [agencySignature(input, need)],
    };
  });
}
