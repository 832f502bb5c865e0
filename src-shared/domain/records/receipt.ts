import { z } from 'zod';
import { err, ok, type Result } from '../../result';
import { processingTimeSchema } from '../catalogue';
import { recordFailures, type RecordFailure } from './errors';
import {
  feeSchema,
  handedInDocumentSchema,
  logBookEntrySchema,
  officerSchema,
  ownerSchema,
  procedureRefSchema,
  resultDeliverySchema,
  submitterSchema,
  type AdministrativeRecord,
  type Officer,
  type RecordEvent,
} from './record';
import { recordChannelSchema, recordStatus } from './status';

/** What the counter officer enters when receiving a file (form 01's content). */
export const receiptSchema = z.object({
  procedure: procedureRefSchema,
  channel: recordChannelSchema,
  submitter: submitterSchema,
  owner: ownerSchema.optional(),
  documents: z.array(handedInDocumentSchema).max(200),
  setsCount: z.int().min(1).max(99),
  processingTime: processingTimeSchema.optional(),
  /** Computed by the working-day calendar before receipt; this module does not compute deadlines. */
  dueAt: z.int().min(0),
  fee: feeSchema,
  resultDelivery: resultDeliverySchema,
  logBook: logBookEntrySchema.optional(),
  note: z.string().trim().normalize('NFC').max(2000).optional(),
});
export type Receipt = z.infer<typeof receiptSchema>;

/** An online registration (status 1) carries everything but a due date, which is set when it is received. */
export type OnlineRegistration = Omit<Receipt, 'dueAt'>;

/** Who creates the record, where and when; the code is allocated by the caller (see record-code.ts). */
export type RecordOrigin = {
  readonly id: string;
  readonly code: string;
  readonly unitId: string;
  readonly kioskId: string;
  readonly counterId: string;
  readonly at: number;
  readonly actor: Officer;
};

export const recordOriginSchema = z.object({ at: z.int().min(0), actor: officerSchema });

export type Created = { readonly record: AdministrativeRecord; readonly event: RecordEvent };

/** A file received at the counter: status 2 with its first history row (form 01). */
export function receive(receipt: Receipt, origin: RecordOrigin): Result<Created, RecordFailure> {
  if (receipt.dueAt < origin.at) return err(recordFailures.dueBeforeReceipt());
  const event: RecordEvent = {
    seq: 1,
    from: null,
    to: recordStatus.received,
    at: origin.at,
    actor: origin.actor,
    form: '01',
    dueAt: receipt.dueAt,
    ...(receipt.note === undefined || receipt.note === '' ? {} : { note: receipt.note }),
  };
  const { note: _note, ...content } = receipt;
  const record: AdministrativeRecord = {
    ...content,
    ...originFields(origin),
    receivedAt: origin.at,
    receivingOfficer: origin.actor,
    status: recordStatus.received,
    history: [event],
  };
  return ok({ record, event });
}

/** A registration that arrived online and waits for an officer to receive it (status 1). */
export function registerOnline(registration: OnlineRegistration, origin: RecordOrigin): Created {
  const event: RecordEvent = { seq: 1, from: null, to: recordStatus.registered, at: origin.at, actor: origin.actor };
  const { note: _note, ...content } = registration;
  const record: AdministrativeRecord = {
    ...content,
    ...originFields(origin),
    status: recordStatus.registered,
    history: [event],
  };
  return { record, event };
}

type OriginFields = Pick<
  AdministrativeRecord,
  'id' | 'code' | 'unitId' | 'kioskId' | 'counterId' | 'holderUnitId' | 'pauses' | 'createdAt' | 'updatedAt' | 'version' | 'rev'
>;

function originFields(origin: RecordOrigin): OriginFields {
  return {
    id: origin.id,
    code: origin.code,
    unitId: origin.unitId,
    kioskId: origin.kioskId,
    counterId: origin.counterId,
    holderUnitId: origin.unitId,
    pauses: [],
    createdAt: origin.at,
    updatedAt: origin.at,
    version: 1,
    rev: 0,
  };
}
