import { z } from 'zod';

/**
 * What the kiosk asks a receipt or ticket printer to print: plain data, no layout (hardware/printer renders it).
 * These objects cross the kiosk API and sit in the persisted print queue. Times are epoch milliseconds, printed in
 * Vietnamese time (UTC+7) whatever the host's zone.
 */

const epochMs = z.int().min(0);
const line = (max: number) => z.string().trim().normalize('NFC').min(1).max(max);
const copies = z.int().min(0).max(99);

/** Printable ASCII only: the record code goes into the QR and must scan back exactly as printed. */
export const slipRecordCodeSchema = z.string().regex(/^[\x21-\x7E]{1,80}$/, { message: 'printable ASCII, 1–80 characters' });

export const paperWidthSchema = z.enum(['80mm', '58mm']);
export type PaperWidth = z.infer<typeof paperWidthSchema>;

/** Printable dots per line at 203 dpi (8 dots/mm): 72 mm of an 80 mm roll, 48 mm of a 58 mm roll. */
export const paperDots: Readonly<Record<PaperWidth, number>> = { '80mm': 576, '58mm': 384 };

/** Every slip carries these: a reprint prints a visible "BẢN IN LẠI / REPRINT" mark so two copies can be told apart. */
const common = {
  reprint: z.boolean().default(false),
  centerName: line(200),
};

/** One row of form 01's table: a document and how many of each kind of copy were handed in. */
export const receivedDocumentSchema = z.object({
  name: line(300),
  original: copies,
  certifiedCopy: copies,
  photocopy: copies,
});
export type ReceivedDocument = z.infer<typeof receivedDocumentSchema>;

/** Where the citizen collects the result: at a counter of the Center, or delivered by the public postal service. */
export const resultPickupSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('counter'), place: line(200).optional() }),
  z.object({ kind: z.literal('post') }),
]);
export type ResultPickup = z.infer<typeof resultPickupSchema>;

/** Form 01 (receipt and appointment slip), the essentials that fit a roll. */
export const receiptSlipSchema = z.object({
  kind: z.literal('receipt'),
  ...common,
  recordCode: slipRecordCodeSchema,
  citizenName: line(200),
  procedureName: line(500),
  procedureCode: line(60).optional(),
  documents: z.array(receivedDocumentSchema).max(60),
  setsCount: z.int().min(1).max(99).default(1),
  /** Already worded by the calendar (e.g. "03 ngày làm việc"): the printer does not compute deadlines. */
  processingTime: line(100).optional(),
  receivedAt: epochMs,
  dueAt: epochMs,
  fee: z.object({ amountVnd: z.int().min(0), paid: z.boolean() }),
  pickup: resultPickupSchema,
  officerName: line(200).optional(),
});

export const queueTicketSchema = z.object({
  kind: z.literal('queue-ticket'),
  ...common,
  ticketNumber: z.string().regex(/^[A-Z0-9-]{1,8}$/, { message: 'e.g. 1023 or A023' }),
  fieldName: line(200),
  counter: line(60),
  issuedAt: epochMs,
  peopleAhead: z.int().min(0).max(9999),
});

/** Form 02 (request to complete the file), its essentials. */
export const supplementRequestSlipSchema = z.object({
  kind: z.literal('supplement-request'),
  ...common,
  recordCode: slipRecordCodeSchema,
  citizenName: line(200),
  procedureName: line(500),
  documentsToAdd: z.array(z.object({ name: line(300), note: line(300).optional() })).min(1).max(40),
  reason: line(1000),
  guidingOfficer: z.object({ name: line(200), phone: line(20).optional() }),
  issuedAt: epochMs,
});

/** Form 03 (refusal to receive), its essentials. A refused file may never have had a record code. */
export const refusalSlipSchema = z.object({
  kind: z.literal('refusal'),
  ...common,
  recordCode: slipRecordCodeSchema.optional(),
  citizenName: line(200),
  procedureName: line(500),
  reason: line(1000),
  officerName: line(200).optional(),
  issuedAt: epochMs,
});

/**
 * The citizen's print-out at a self-service point: the documents they scanned and kept for the officer, and those
 * still to bring on paper. It may be left on the tray, so it names no one: only the ID number's last 4 digits.
 */
export const keptDocumentsSlipSchema = z.object({
  kind: z.literal('kept-documents'),
  ...common,
  procedureName: line(500),
  citizenIdTail: z.string().regex(/^\d{4}$/, { message: 'the last 4 digits of the ID number' }),
  documents: z.array(z.object({ name: line(300), pageCount: z.int().min(1).max(999) })).min(1).max(40),
  toBring: z.array(line(300)).max(40).default([]),
  keptAt: epochMs,
});

/** What a technician prints to check a printer: alphabet, ruler, QR. */
export const testPageSchema = z.object({
  kind: z.literal('test-page'),
  ...common,
  printerName: line(100).optional(),
  issuedAt: epochMs,
});

export const slipSchema = z.discriminatedUnion('kind', [receiptSlipSchema, queueTicketSchema, supplementRequestSlipSchema, refusalSlipSchema, keptDocumentsSlipSchema, testPageSchema]);

export type ReceiptSlip = z.infer<typeof receiptSlipSchema>;
export type QueueTicket = z.infer<typeof queueTicketSchema>;
export type SupplementRequestSlip = z.infer<typeof supplementRequestSlipSchema>;
export type RefusalSlip = z.infer<typeof refusalSlipSchema>;
export type KeptDocumentsSlip = z.infer<typeof keptDocumentsSlipSchema>;
export type TestPage = z.infer<typeof testPageSchema>;
export type Slip = z.infer<typeof slipSchema>;
/** What callers write: defaults (reprint false, one set) may be left out. */
export type SlipInput = z.input<typeof slipSchema>;
export type SlipKind = Slip['kind'];


/**
 * queued → sending → done | uncertain; queued → failed (cannot render, or cancelled); uncertain → done | queued
 * (as a reprint) | failed, by the officer only. "sending" is written to disk before the first byte goes out.
 */
export const printJobStateSchema = z.enum(['queued', 'sending', 'done', 'failed', 'uncertain']);
export type PrintJobState = z.infer<typeof printJobStateSchema>;

const failureSchema = z.object({ code: z.string(), message: z.string(), messageEn: z.string(), path: z.string().optional() });

export const printJobSchema = z.object({
  id: z.uuid(),
  slip: slipSchema,
  state: printJobStateSchema,
  createdAt: z.int().min(0),
  updatedAt: z.int().min(0),
  /** How many times bytes started to go to the printer: more than one only after an officer asked for a reprint. */
  attempts: z.int().min(0),
  /** Why the job waits, failed or is uncertain, in both languages; absent when all is well. */
  lastError: failureSchema.optional(),
  finishedAt: z.int().min(0).optional(),
  /** Done because an officer looked at the slip and said it printed, not because the printer said so. */
  confirmedByOfficer: z.boolean().optional(),
});
export type PrintJob = z.infer<typeof printJobSchema>;

export const printerStatusSchema = z.object({
  online: z.boolean(),
  coverOpen: z.boolean(),
  paperOut: z.boolean(),
  paperLow: z.boolean(),
  error: z.boolean(),
});

/** The counter's receipt printer as the renderer sees it: which one, its last status, its recent jobs. */
export const printerStateSchema = z.object({
  printerId: z.string(),
  name: z.string(),
  simulated: z.boolean(),
  status: printerStatusSchema.optional(),
  jobs: z.array(printJobSchema),
});
export type PrinterState = z.infer<typeof printerStateSchema>;

export const uncertainDecisionSchema = z.enum(['printed', 'reprint', 'discard']);
