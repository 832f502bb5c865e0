import { z } from 'zod';
import { citizenIdNumberSchema } from '../domain/citizens/kept-document';
import { administrativeRecordSchema, localIdSchema, unitIdSchema } from '../domain/records';

/**
 * The sync protocol's messages, declared once for the server and the kiosk (docs/SYNC-PROTOCOL.md).
 * Envelopes are strict; a mutation's payload is checked per mutation on the server, so one malformed mutation is
 * recorded as failed instead of refusing the whole push (a poison mutation must never block the queue).
 */
export const protocolVersion = 1;

export const paths = {
  health: '/health',
  enroll: '/v1/enroll',
  enrollmentCodes: (unit: string) => `/v1/centers/${encodeURIComponent(unit)}/enrollment-codes`,
  state: '/v1/state',
  push: '/v1/push',
  changes: (unit: string) => `/v1/partitions/${encodeURIComponent(unit)}/changes`,
  wait: (unit: string) => `/v1/partitions/${encodeURIComponent(unit)}/wait`,
  compact: (unit: string) => `/v1/partitions/${encodeURIComponent(unit)}/compact`,
  blob: (hash: string) => `/v1/blobs/${hash}`,
  tickets: (unit: string) => `/v1/centers/${encodeURIComponent(unit)}/tickets`,
  callNext: (unit: string) => `/v1/centers/${encodeURIComponent(unit)}/tickets/next`,
  skipTicket: (unit: string, id: string) => `/v1/centers/${encodeURIComponent(unit)}/tickets/${encodeURIComponent(id)}/skip`,
  ticketHandovers: (unit: string) => `/v1/centers/${encodeURIComponent(unit)}/tickets/handovers`,
  ticketWithdrawals: (unit: string) => `/v1/centers/${encodeURIComponent(unit)}/tickets/withdrawals`,
  transferTicket: (unit: string, id: string) => `/v1/centers/${encodeURIComponent(unit)}/tickets/${encodeURIComponent(id)}/transfer`,
  queue: (unit: string) => `/v1/centers/${encodeURIComponent(unit)}/queue`,
  codeBlocks: (unit: string) => `/v1/centers/${encodeURIComponent(unit)}/code-blocks`,
  metrics: '/v1/metrics',
} as const;

export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/);
export const mutationIdSchema = z.int().min(1).max(Number.MAX_SAFE_INTEGER);
export const revisionSchema = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
/** `yyMMdd` in UTC+7, as in record codes. */
export const dayCodeSchema = z.string().regex(/^\d{6}$/);

export const maxMutationsPerPush = 500;
export const maxPullLimit = 5000;
export const maxChunkBytes = 1024 * 1024;

// ---- enrollment
export const createEnrollmentCodeRequestSchema = z.object({ ttlMinutes: z.int().min(1).max(7 * 24 * 60).optional() }).strict();
export const enrollmentCodeSchema = z.object({ code: z.string(), unitId: unitIdSchema, expiresAt: z.int() });
export type EnrollmentCode = z.infer<typeof enrollmentCodeSchema>;

export const enrollRequestSchema = z.object({ code: z.string().min(6).max(64), kioskId: localIdSchema }).strict();
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;
export const enrollResponseSchema = z.object({
  kioskId: localIdSchema,
  unitId: unitIdSchema,
  kioskSlot: z.int().min(0).max(9),
  /** Shown once; the server keeps only its SHA-256. */
  token: z.string().min(32),
  epoch: z.string(),
});
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

export const kioskStateSchema = z.object({
  kioskId: localIdSchema,
  unitId: unitIdSchema,
  kioskSlot: z.int().min(0).max(9),
  lastMutationId: z.int().min(0),
  epoch: z.string(),
});
export type KioskState = z.infer<typeof kioskStateSchema>;

// ---- push
export const pushedMutationSchema = z
  .object({
    mutationId: mutationIdSchema,
    kind: z.string().min(1).max(64),
    entityId: z.string().min(1).max(128),
    payload: z.unknown(),
    createdAt: z.int().min(0),
  })
  .strict();
export type PushedMutation = z.infer<typeof pushedMutationSchema>;

export const pendingSummarySchema = z.object({ count: z.int().min(0), oldestCreatedAt: z.int().min(0).nullable() });
export type PendingSummary = z.infer<typeof pendingSummarySchema>;

export const pushRequestSchema = z
  .object({
    mutations: z.array(pushedMutationSchema).max(maxMutationsPerPush),
    /** What the kiosk still holds (before this push): for the operators' queue-depth view. */
    pending: pendingSummarySchema,
  })
  .strict();
export type PushRequest = z.infer<typeof pushRequestSchema>;

export const mutationErrorSchema = z.object({ code: z.string(), message: z.string(), messageEn: z.string() });
export const mutationResultSchema = z.object({
  mutationId: mutationIdSchema,
  /** applied: committed now; duplicate: committed by an earlier delivery; failed: permanently refused, skipped. */
  status: z.enum(['applied', 'duplicate', 'failed']),
  error: mutationErrorSchema.optional(),
});
export type MutationResult = z.infer<typeof mutationResultSchema>;

export const pushResponseSchema = z.object({ lastMutationId: z.int().min(0), results: z.array(mutationResultSchema) });
export type PushResponse = z.infer<typeof pushResponseSchema>;

// ---- pull
export const checkpointSchema = z.object({ epoch: z.string(), rev: revisionSchema });
export type Checkpoint = z.infer<typeof checkpointSchema>;

/** `digest`: SHA-256 over the records' `id:rev` (partition-digest.ts); count and sum say how far apart a mismatch is. */
export const partitionChecksumSchema = z.object({ count: z.int().min(0), sumRev: z.int().min(0), digest: z.string().regex(/^[0-9a-f]{64}$/), rev: revisionSchema });
export type PartitionChecksum = z.infer<typeof partitionChecksumSchema>;

export const changesResponseSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('changes'),
    epoch: z.string(),
    partition: unitIdSchema,
    records: z.array(administrativeRecordSchema),
    /** Highest revision in this page (or `since` when the page is empty): the next `since`. */
    checkpoint: revisionSchema,
    hasMore: z.boolean(),
    /** Present on the last page: the partition as of the same snapshot. */
    checksum: partitionChecksumSchema.optional(),
  }),
  z.object({
    kind: z.literal('refetch'),
    epoch: z.string(),
    reason: z.enum(['epoch', 'compacted', 'ahead-of-server']),
  }),
]);
export type ChangesResponse = z.infer<typeof changesResponseSchema>;

/** Long poll: answers as soon as the partition's revision passes `since`, or at `timeoutMs` with the same rev. */
export const maxWaitMs = 25_000;
export const waitResponseSchema = z.object({ rev: revisionSchema, epoch: z.string() });
export type WaitResponse = z.infer<typeof waitResponseSchema>;

// ---- shared Center state
export const ticketRequestIdSchema = z.uuid();
export const issueTicketRequestSchema = z
  .object({
    fieldCode: localIdSchema,
    priority: z.boolean().default(false),
    /**
     * Only from the self-service point, after the face matched the chip: the citizen the ticket stands for, so the
     * counter that calls it can open their file (and their kept documents) without identifying them again.
     */
    citizenId: citizenIdNumberSchema.optional(),
    /**
     * The kiosk's id for this request (a UUID): the same id again gets the ticket already issued, and a kiosk that
     * gave up waiting withdraws it (`ticketWithdrawals`).
     */
    requestId: ticketRequestIdSchema.optional(),
  })
  .strict();
/**
 * Tickets a kiosk issued on its own while the Center was unreachable, still waiting, handed over when it answers
 * again: each keeps its id (a UUID) and the number printed on it (the kiosk's slot × 1000 + 1…999).
 */
export const handOverTicketsRequestSchema = z
  .object({
    tickets: z
      .array(
        z
          .object({
            id: ticketRequestIdSchema,
            fieldCode: localIdSchema,
            priority: z.boolean(),
            number: z.int().min(1).max(9999),
            issuedAt: z.int().min(0),
            citizenId: citizenIdNumberSchema.optional(),
          })
          .strict(),
      )
      .min(1)
      .max(100),
  })
  .strict();
export type HandedOverTicket = z.infer<typeof handOverTicketsRequestSchema>['tickets'][number];
/** `handedOver`: ids now in the Center's queue (this time or before); `refused`: ids it would not take (they stay on the kiosk). */
export const handOverTicketsResponseSchema = z.object({ handedOver: z.array(z.string()), refused: z.array(z.string()) });
export type HandOverTicketsResponse = z.infer<typeof handOverTicketsResponseSchema>;
/** Request ids of tickets a kiosk asked for but gave up on: each one's ticket, if issued and still waiting, is withdrawn. */
export const withdrawTicketsRequestSchema = z.object({ requestIds: z.array(ticketRequestIdSchema).min(1).max(100) }).strict();
export const withdrawTicketsResponseSchema = z.object({ withdrawn: z.int().min(0) });
export type WithdrawTicketsResponse = z.infer<typeof withdrawTicketsResponseSchema>;
export const ticketStateSchema = z.enum(['waiting', 'called', 'served', 'skipped']);
export const serverTicketSchema = z.object({
  id: z.string(),
  unitId: unitIdSchema,
  /** `YYYY-MM-DD` in UTC+7. */
  day: z.string(),
  fieldCode: localIdSchema,
  /** Per (unit, day, field), from 1. */
  number: z.int().min(1),
  /** The field's letter in this Center, assigned at its first ticket ever: 0 → A, 1 → B, … */
  series: z.int().min(0),
  /** How the ticket is shown and printed: letter + at least three digits, e.g. "B007"; a handed-over one's four digits. */
  label: z.string(),
  /** Issued by a kiosk on its own during an outage and handed over: `number` is the kiosk's (slot × 1000 + n). */
  kioskNumber: z.boolean().default(false),
  priority: z.boolean(),
  state: ticketStateSchema,
  /** Called: the counter calling it; waiting: the counter it was transferred to (null: any counter of its field). */
  counterId: localIdSchema.nullable(),
  issuedAt: z.int(),
  calledAt: z.int().nullable(),
  /**
   * The citizen identified at the self-service point: present only in the call-next answer, to the counter that
   * called the ticket. Never in an issue, skip or transfer answer, nor in the queue summary a display reads.
   */
  citizenId: citizenIdNumberSchema.optional(),
});
export type ServerTicket = z.infer<typeof serverTicketSchema>;
/** The answer to an issue: the ticket, the people ahead of it and the estimated wait (null while unknown). */
export const issuedTicketSchema = serverTicketSchema.extend({ ahead: z.int().min(0), estimatedWaitMs: z.int().min(0).nullable() });
export type IssuedTicket = z.infer<typeof issuedTicketSchema>;
/** `requestId`: the kiosk's id for this call (a UUID): the same id again answers the same ticket; a kiosk that gave up waiting withdraws it. */
export const callNextRequestSchema = z.object({ counterId: localIdSchema, fieldCodes: z.array(localIdSchema).max(50), requestId: ticketRequestIdSchema.optional() }).strict();
export const callNextResponseSchema = z.object({ ticket: serverTicketSchema.nullable() });
export const skipTicketRequestSchema = z.object({}).strict();
export const transferTicketRequestSchema = z.object({ toCounter: localIdSchema }).strict();

export const queueDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const maxRecentCalls = 10;
export const queueFieldSchema = z.object({
  fieldCode: localIdSchema,
  series: z.int().min(0),
  /** Waiting tickets of the field, priority ones included: what a new ordinary ticket has ahead of it. */
  waiting: z.int().min(0),
  /** Of those, the priority ones: what a new priority ticket has ahead of it. */
  priorityWaiting: z.int().min(0),
  /** Median gap between consecutive calls of one counter, the earlier being of this field; null: no gap yet. */
  serviceMs: z.int().min(0).nullable(),
  samples: z.int().min(0),
  /** Counters that called a ticket of this field in the last hour. */
  counters: z.int().min(0),
});
export type QueueField = z.infer<typeof queueFieldSchema>;
export const recentCallSchema = z.object({
  id: z.string(),
  fieldCode: localIdSchema,
  series: z.int().min(0),
  number: z.int().min(1),
  label: z.string(),
  counterId: localIdSchema,
  calledAt: z.int(),
  state: ticketStateSchema,
});
export type RecentCall = z.infer<typeof recentCallSchema>;
export const queueSummarySchema = z.object({
  unitId: unitIdSchema,
  day: queueDaySchema,
  /** The server's clock when answering. */
  at: z.int(),
  fields: z.array(queueFieldSchema),
  /** Newest first. */
  recentCalls: z.array(recentCallSchema).max(maxRecentCalls),
});
export type QueueSummary = z.infer<typeof queueSummarySchema>;

export const codeBlockRequestSchema = z.object({ day: dayCodeSchema, size: z.int().min(1).max(999) }).strict();
export const codeBlockSchema = z.object({ unitId: unitIdSchema, day: dayCodeSchema, first: z.int().min(1).max(9999), last: z.int().min(1).max(9999) });
export type CodeBlock = z.infer<typeof codeBlockSchema>;

// ---- errors on the wire
export const wireErrorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), messageEn: z.string() }),
  /** On `sync.mutation-gap`: the id the server expects next. */
  expectedMutationId: z.int().optional(),
  /** On `sync.blob-offset`: the offset the server holds. */
  offset: z.int().optional(),
});
export type WireError = z.infer<typeof wireErrorSchema>;
