import type { Result } from '../../result';
import { describeProcessingTime, type ProcessingTime } from '../calendar';
import type { AdministrativeRecord, LogBookEntry, ResultDelivery } from '../records';
import { buildForm, fieldNames, type Need } from './build';
import type { CenterProfile } from './center';
import { formFailures, type FormFailure } from './errors';
import { formHeader, signature, SIGN_HINT, type FormHeader, type SignatureBlock } from './header';
import { dueAsOf, findEvent, isReceipt } from './history';
import { channelBlock, ownerBlock, procedureBlock, submitterBlock, type ChannelBlock, type OwnerBlock, type ProcedureBlock, type SubmitterBlock } from './parties';
import { printInstant, type PrintedInstant } from './vietnamese-date';

/** One row of the documents table: how many originals, certified copies and photocopies were handed in. */
export type DocumentRow = {
  readonly index: number;
  readonly name: string;
  readonly original: number;
  readonly certifiedCopy: number;
  readonly photocopy: number;
};

/** Form 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả (receipt and appointment slip). */
export type ReceiptSlip = {
  readonly form: '01';
  readonly header: FormHeader;
  readonly recordCode: string;
  readonly receivingUnit: { readonly id: string; readonly name: string };
  readonly submitter: SubmitterBlock;
  readonly channel: ChannelBlock;
  readonly procedure: ProcedureBlock;
  readonly owner?: OwnerBlock;
  readonly documents: readonly DocumentRow[];
  readonly setsCount: number;
  readonly processingTime: { readonly value: ProcessingTime; readonly text: string };
  readonly receivedAt: PrintedInstant;
  readonly dueAt: PrintedInstant;
  readonly resultDelivery: { readonly kind: ResultDelivery; readonly text: string };
  /** Absent when the Center keeps only the electronic log book: the slip then leaves the line to be filled by hand. */
  readonly logBook?: LogBookEntry;
  /** The submitter's, then the receiving officer's. */
  readonly signatures: readonly [SignatureBlock, SignatureBlock];
  /** What the QR code encodes: the record code, which the lookup machine and the portal search by. */
  readonly qrPayload: string;
};

export function resultDeliveryText(kind: ResultDelivery, center: CenterProfile): string {
  switch (kind) {
    case 'counter':
      return `Trực tiếp tại ${center.unitName}`;
    case 'post':
      return 'Qua dịch vụ bưu chính công ích';
  }
}

export function receiptSlip(record: AdministrativeRecord, center: CenterProfile): Result<ReceiptSlip, FormFailure> {
  return buildForm('01', record.code, (need: Need) => {
    const receipt = findEvent(record, isReceipt);
    if (receipt === undefined) return need.fail(formFailures.noEvent('01', record.code, { vi: 'Tiếp nhận hồ sơ', en: 'receipt' }));
    const receivedAt = receipt.at;
    // The due date given at receipt, not today's: a reprint after an extension must match the citizen's copy.
    const dueAt = need(dueAsOf(record, receipt.seq), fieldNames.dueAt);
    const processingTime = need(record.processingTime, fieldNames.processingTime);
    const officer = receipt.actor;
    if (record.documents.length === 0) need(undefined, fieldNames.documents);
    const owner = ownerBlock(record);
    return {
      form: '01',
      header: formHeader('01', center, receivedAt),
      recordCode: record.code,
      receivingUnit: { id: center.unitId, name: center.unitName },
      submitter: submitterBlock(record),
      channel: channelBlock(record),
      procedure: procedureBlock(record),
      ...(owner === undefined ? {} : { owner }),
      documents: record.documents.map((d, i) => ({
        index: i + 1,
        name: d.name,
        original: d.original,
        certifiedCopy: d.certifiedCopy,
        photocopy: d.photocopy,
      })),
      setsCount: record.setsCount,
      processingTime: { value: processingTime, text: describeProcessingTime(processingTime).vi },
      receivedAt: printInstant(receivedAt),
      dueAt: printInstant(dueAt),
      resultDelivery: { kind: record.resultDelivery, text: resultDeliveryText(record.resultDelivery, center) },
      ...(record.logBook === undefined ? {} : { logBook: record.logBook }),
      signatures: [
        signature('NGƯỜI NỘP HỒ SƠ', SIGN_HINT, record.submitter.fullName),
        signature('NGƯỜI TIẾP NHẬN HỒ SƠ', SIGN_HINT, officer.name),
      ],
      qrPayload: record.code,
    };
  });
}
