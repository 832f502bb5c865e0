import { z } from 'zod';
import { processingTimeSchema } from '../catalogue';
import { recordChannelSchema, recordStatusSchema } from './status';
import { unitIdSchema } from './record-code';

/**
 * A record (hồ sơ): one citizen's file for one administrative procedure, from receipt to returned result.
 * The type is named `AdministrativeRecord` because `Record` would shadow TypeScript's `Record<K, V>`.
 * Times are epoch milliseconds; days are judged in UTC+7 by the working-day calendar (calendar/vietnam-time.ts).
 */

const epochMs = z.int().min(0);
const text = (max: number) => z.string().trim().normalize('NFC').min(1).max(max);
const optionalText = (max: number) => z.string().trim().normalize('NFC').max(max).optional();

/** Local ids (counter, field, kiosk) also key statistics rows, so keep them plain. */
export const localIdSchema = z.string().regex(/^[A-Za-z0-9._-]{1,64}$/);

/** Citizen ID (12 digits), old ID (9), passport or tax code: compared upper-cased without spaces. */
export const idNumberSchema = z.string().trim().toUpperCase().regex(/^[0-9A-Z]{6,20}$/);

/** Lower-case hex SHA-256 of a scanned page, the key of the pages table. */
export const contentHashSchema = z.string().regex(/^[0-9a-f]{64}$/);

export const officerSchema = z.object({ officerId: localIdSchema, name: text(200) });
export type Officer = z.infer<typeof officerSchema>;

export const procedureRefSchema = z.object({
  /** National `1.001193` or localized `2.000815.000.00.00.H55`. */
  code: z.string().regex(/^\d+\.\d{6}(?:\.[A-Z0-9]+)*$/),
  name: text(500),
  /** The procedure's field (lĩnh vực), e.g. civil status; statistics are kept per field. */
  fieldCode: localIdSchema,
  fieldName: text(200),
});
export type ProcedureRef = z.infer<typeof procedureRefSchema>;

export const submitterSchema = z.object({
  fullName: text(200),
  idNumber: idNumberSchema,
  address: text(500),
  phone: optionalText(20),
  email: z.email().optional(),
});
export type Submitter = z.infer<typeof submitterSchema>;

/** The file's owner when it is not the submitter (a person or an organization). */
export const ownerSchema = z.object({
  fullName: text(200),
  idNumber: idNumberSchema.optional(),
  address: optionalText(500),
  phone: optionalText(20),
});
export type Owner = z.infer<typeof ownerSchema>;

const copies = z.int().min(0).max(99);

/** One row of form 01's documents table. */
export const handedInDocumentSchema = z.object({
  name: text(500),
  original: copies,
  certifiedCopy: copies,
  photocopy: copies,
  pageHashes: z.array(contentHashSchema).max(500),
});
export type HandedInDocument = z.infer<typeof handedInDocumentSchema>;

export const feeSchema = z.object({ amountVnd: z.int().min(0), paid: z.boolean() });
export type Fee = z.infer<typeof feeSchema>;

export const resultDeliverySchema = z.enum(['counter', 'post']);
export type ResultDelivery = z.infer<typeof resultDeliverySchema>;

export const logBookEntrySchema = z.object({ volume: text(20), number: z.int().min(1) });
export type LogBookEntry = z.infer<typeof logBookEntrySchema>;

export const formNumberSchema = z.enum(['01', '02', '03', '04', '05', '06', '07']);
export type FormNumber = z.infer<typeof formNumberSchema>;

/** One row of the status history: the data behind form 06's hand-over rows and the portal's processing steps. */
export const recordEventSchema = z.object({
  /** 1-based position in the record's history; with the record id it identifies the event everywhere. */
  seq: z.int().min(1),
  from: recordStatusSchema.nullable(),
  to: recordStatusSchema,
  at: epochMs,
  actor: officerSchema,
  fromUnit: unitIdSchema.optional(),
  toUnit: unitIdSchema.optional(),
  note: optionalText(2000),
  form: formNumberSchema.optional(),
  /** Set when this step fixed or moved the due date (receipt, resumption after a pause, extension). */
  dueAt: epochMs.optional(),
  previousDueAt: epochMs.optional(),
});
export type RecordEvent = z.infer<typeof recordEventSchema>;

/** A stretch of time the clock stood still while the citizen had to act (supplement or payment). */
export const pauseSchema = z.object({
  kind: z.enum(['supplement', 'payment']),
  from: epochMs,
  to: epochMs.optional(),
});
export type Pause = z.infer<typeof pauseSchema>;

export const administrativeRecordSchema = z.object({
  /** Time-ordered (UUIDv7 layout), see ids.ts. */
  id: z.uuid(),
  code: z.string().min(1).max(80),
  /** The receiving unit's electronic ID. */
  unitId: unitIdSchema,
  kioskId: localIdSchema,
  counterId: localIdSchema,
  procedure: procedureRefSchema,
  channel: recordChannelSchema,
  submitter: submitterSchema,
  owner: ownerSchema.optional(),
  documents: z.array(handedInDocumentSchema).max(200),
  setsCount: z.int().min(1).max(99),
  /**
   * The legal processing time printed on form 01, copied from the catalogue procedure at receipt (a snapshot:
   * the catalogue may change later). The catalogue's schema, whose type is the calendar's `ProcessingTime`.
   */
  processingTime: processingTimeSchema.optional(),
  /** Unit currently holding the file (hand-overs move it); form 06 rows are read from the history. */
  holderUnitId: unitIdSchema,
  receivedAt: epochMs.optional(),
  dueAt: epochMs.optional(),
  finishedAt: epochMs.optional(),
  returnedAt: epochMs.optional(),
  status: recordStatusSchema,
  history: z.array(recordEventSchema).min(1),
  pauses: z.array(pauseSchema),
  fee: feeSchema,
  receivingOfficer: officerSchema.optional(),
  resultDelivery: resultDeliverySchema,
  logBook: logBookEntrySchema.optional(),
  createdAt: epochMs,
  updatedAt: epochMs,
  /** Local write counter: +1 on every local change; guards against two windows editing the same record. */
  version: z.int().min(1),
  /** Server-assigned revision; 0 until the sync server has acknowledged the record. */
  rev: z.int().min(0),
});
export type AdministrativeRecord = z.infer<typeof administrativeRecordSchema>;

/** Whose file it is: the owner when given, else the submitter. Indexes and lookups use this person. */
export function fileOwnerOf(record: Pick<AdministrativeRecord, 'submitter' | 'owner'>): { fullName: string; idNumber: string | undefined } {
  if (record.owner !== undefined) return { fullName: record.owner.fullName, idNumber: record.owner.idNumber };
  return { fullName: record.submitter.fullName, idNumber: record.submitter.idNumber };
}
