import type { Result } from '../../result';
import type { AdministrativeRecord } from '../records';
import { buildForm, fieldNames, type Need } from './build';
import type { CenterProfile } from './center';
import { formFailures, type FormFailure } from './errors';
import { formHeader, signature, SIGN_HINT, type FormHeader, type SignatureBlock } from './header';
import { findEvent } from './history';
import { channelBlock, ownerBlock, procedureBlock, submitterBlock, type ChannelBlock, type OwnerBlock, type ProcedureBlock, type SubmitterBlock } from './parties';
import { printInstant, type PrintedInstant } from './vietnamese-date';

export type DocumentToAdd = { readonly name: string; readonly note?: string };

export type SupplementRequestInput = {
  /** The supplement step (history `seq`) to print; the latest one when omitted. */
  readonly seq?: number;
  /** The record keeps only the reason; which papers are missing is what the officer lists on this form. */
  readonly documentsToAdd: readonly DocumentToAdd[];
  /** Defaults: the officer who made the request, and the Center's hotline. */
  readonly guide?: { readonly name?: string; readonly phone?: string };
};

/** Form 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (request to complete the file). */
export type SupplementRequest = {
  readonly form: '02';
  readonly header: FormHeader;
  readonly recordCode: string;
  readonly submitter: SubmitterBlock;
  readonly owner?: OwnerBlock;
  readonly channel: ChannelBlock;
  readonly procedure: ProcedureBlock;
  /** Absent for an online registration asked to complete its file before receipt. */
  readonly receivedAt?: PrintedInstant;
  readonly requestedAt: PrintedInstant;
  readonly documentsToAdd: readonly (DocumentToAdd & { readonly index: number })[];
  readonly reason: string;
  readonly guide: { readonly name: string; readonly phone: string };
  readonly signatures: readonly [SignatureBlock];
};

const isSupplementRequest = (event: { readonly to: number }): boolean => event.to === 5;

export function supplementRequest(
  record: AdministrativeRecord,
  center: CenterProfile,
  input: SupplementRequestInput,
): Result<SupplementRequest, FormFailure> {
  return buildForm('02', record.code, (need: Need) => {
    const event = findEvent(record, isSupplementRequest, input.seq);
    if (event === undefined) {
      return need.fail(formFailures.noEvent('02', record.code, { vi: 'Yêu cầu bổ sung hồ sơ', en: 'supplement request' }, input.seq));
    }
    const reason = need(event.note, fieldNames.reason(event.seq));
    const documents = input.documentsToAdd.filter((d) => d.name.trim() !== '');
    if (documents.length === 0) need(undefined, fieldNames.documentsToAdd);
    const guideName = need(input.guide?.name ?? event.actor.name, fieldNames.guideName);
    const guidePhone = need(input.guide?.phone ?? center.phone, fieldNames.guidePhone);
    // Received at the counter before the request (status 2 → 5), not an online registration still at status 1.
    const receivedAt = record.receivedAt !== undefined && record.receivedAt <= event.at ? record.receivedAt : undefined;
    const owner = ownerBlock(record);
    return {
      form: '02',
      header: formHeader('02', center, event.at),
      recordCode: record.code,
      submitter: submitterBlock(record),
      ...(owner === undefined ? {} : { owner }),
      channel: channelBlock(record),
      procedure: procedureBlock(record),
      ...(receivedAt === undefined ? {} : { receivedAt: printInstant(receivedAt) }),
      requestedAt: printInstant(event.at),
      documentsToAdd: documents.map((d, i) => ({
        index: i + 1,
        name: d.name.trim().normalize('NFC'),
        ...(d.note === undefined || d.note.trim() === '' ? {} : { note: d.note.trim().normalize('NFC') }),
      })),
      reason,
      guide: { name: guideName, phone: guidePhone },
      signatures: [signature('NGƯỜI HƯỚNG DẪN', SIGN_HINT, guideName)],
    };
  });
}
