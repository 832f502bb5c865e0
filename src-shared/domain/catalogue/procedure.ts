import { z } from 'zod';
import { normalizeText } from '../../text/normalize';
import { DEFAULT_SAME_DAY_CUT_OFF_HOUR } from '../calendar';
import type { ProcessingDuration, ProcessingTime } from '../calendar';
import { catalogueErrorCodes as codes } from './errors';

/**
 * The procedure catalogue (danh mục thủ tục hành chính) as typed from a published procedure: what the counter
 * needs to receive a file, print the receipt (form 01: documents × original / certified copy / photocopy, the
 * legal processing time) and quote fees. Rules change by decision, so every procedure is a version with an
 * effective period; two versions of one code may coexist in a catalogue if their periods do not overlap.
 */

const text = z.string().overwrite(normalizeText).min(1, { error: codes.required });

export const nationalCodeSchema = z.string().regex(/^\d\.\d{6}$/u, { error: codes.nationalCodeFormat });
/** The province's localized code: national code + the province's suffix (Decision 20/2020/QĐ-TTg unit codes). */
export const localCodeSchema = z.string().regex(/^\d\.\d{6}\.\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}$/u, { error: codes.localCodeFormat });
/** Stable ids for documents and fee rules inside a procedure, so a province's edit can replace one. */
export const itemIdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u, { error: codes.idFormat });
/** Post-2025 two-digit province codes (Decision 19/2025/QĐ-TTg). */
export const provinceCodeSchema = z.string().regex(/^\d{2}$/u, { error: codes.provinceCodeFormat });
export const isoDateSchema = z.iso.date({ error: codes.dateFormat });

/** Lĩnh vực: the portal's grouping (civil status, certification, residence, land, …). */
export const procedureFieldSchema = z.strictObject({ code: itemIdSchema, name: text });

export const procedureLevelSchema = z.enum(['commune', 'province', 'central']);

const positiveWhole = z.number().int().positive();

/**
 * The processing-time schemas produce the working-day calendar's own types (`satisfies` below fails the build
 * if they drift apart), so a procedure's processing time goes to `computeDue` without conversion. They are
 * narrower than the calendar accepts: whole amounts and whole cut-off hours, as published texts state them.
 */
export const durationSchema = z.strictObject({
  unit: z.enum(['working-days', 'working-hours', 'calendar-days']),
  amount: positiveWhole,
}) satisfies z.ZodType<ProcessingDuration>;

/** The longest legal time when the file needs verification (xác minh), e.g. marriage: 5 working days. */
const ifVerificationNeeded = durationSchema.optional();

/**
 * Legal processing time. Same-day procedures received after the cut-off hour (15:00 by default, as Decree
 * 23/2015 sets for certification) are returned the next working day. Some texts count plain days ("không quá
 * 30 ngày"), hence calendar-days. `ifVerificationNeeded` is the total time when the officer finds the file
 * must be verified; `dueForProcedure` applies it.
 */
export const processingTimeSchema = z.discriminatedUnion('unit', [
  z.strictObject({
    unit: z.literal('same-day'),
    cutOffHour: z.number().int().min(0).max(23).default(DEFAULT_SAME_DAY_CUT_OFF_HOUR),
    ifVerificationNeeded,
  }),
  z.strictObject({ unit: z.literal('working-days'), amount: positiveWhole, ifVerificationNeeded }),
  z.strictObject({ unit: z.literal('working-hours'), amount: positiveWhole, ifVerificationNeeded }),
  z.strictObject({ unit: z.literal('calendar-days'), amount: positiveWhole, ifVerificationNeeded }),
]) satisfies z.ZodType<ProcessingTime & { readonly ifVerificationNeeded?: ProcessingDuration | undefined }>;

const vnd = z.number().int().nonnegative();

const feeRuleBase = {
  id: itemIdSchema,
  name: text,
  /** phí (a fee for a service) or lệ phí (a state charge): receipts and reports keep them apart. */
  category: z.enum(['service-fee', 'charge']),
  /** Set for a rule charged only in some cases (e.g. late birth registration); the officer ticks it. */
  appliesWhen: text.optional(),
  /** The legal text fixing the amount. */
  basis: text.optional(),
};

export const pageTierSchema = z.strictObject({ fromPage: positiveWhole, amountPerPage: vnd });

export const feeRuleSchema = z.discriminatedUnion('kind', [
  /** Once per file; `onlineAmount` where online filing is cheaper (e.g. residence registration). */
  z.strictObject({ ...feeRuleBase, kind: z.literal('fixed'), amount: vnd, onlineAmount: vnd.optional() }),
  /** Per case, e.g. certifying signatures: one or more signatures on one paper is one case. */
  z.strictObject({ ...feeRuleBase, kind: z.literal('per-case'), amount: vnd, onlineAmount: vnd.optional() }),
  /** Per copy issued, e.g. a copy of a civil status extract. */
  z.strictObject({ ...feeRuleBase, kind: z.literal('per-copy'), amount: vnd }),
  /** Per page of the original for each copy, in tiers, with a cap per copy (certified copies). */
  z
    .strictObject({ ...feeRuleBase, kind: z.literal('per-page'), tiers: z.array(pageTierSchema).min(1), capPerCopy: vnd.optional() })
    .refine((rule) => rule.tiers.every((tier, i) => (i === 0 ? tier.fromPage === 1 : tier.fromPage > (rule.tiers[i - 1]?.fromPage ?? 0))), {
      error: codes.feeTiers,
      path: ['tiers'],
    }),
  /** Fixed by the provincial People's Council: the province's own catalogue replaces it with an amount. */
  z.strictObject({ ...feeRuleBase, kind: z.literal('local-rate') }),
]);

export const documentQuantitiesSchema = z.strictObject({
  original: z.number().int().nonnegative().default(0),
  certifiedCopy: z.number().int().nonnegative().default(0),
  photocopy: z.number().int().nonnegative().default(0),
});

const hasQuantity = (q: z.output<typeof documentQuantitiesSchema>): boolean => q.original + q.certifiedCopy + q.photocopy > 0;

export const documentAlternativeSchema = z.strictObject({ name: text, quantities: documentQuantitiesSchema, notes: text.optional() });

export const documentRequirementSchema = z
  .strictObject({
    id: itemIdSchema,
    name: text,
    quantities: documentQuantitiesSchema,
    /** 'present': shown to the officer and handed back (xuất trình), e.g. the ID card; not kept in the file. */
    handling: z.enum(['submit', 'present']).default('submit'),
    /** Set when the document is needed only in some cases. */
    condition: text.optional(),
    /** Any one of these instead of the document itself ("hoặc"). */
    alternatives: z.array(documentAlternativeSchema).default([]),
    /** The official form (mẫu) to fill in, if any. */
    form: text.optional(),
    notes: text.optional(),
  })
  .refine((doc) => doc.handling === 'present' || hasQuantity(doc.quantities), {
    error: codes.documentWithoutQuantity,
    path: ['quantities'],
  });

export const procedureSourceSchema = z.strictObject({
  /** The published text this entry was typed from (a decision, a portal page, a law). */
  document: text,
  url: z.url().optional(),
  retrievedOn: isoDateSchema.optional(),
});

const uniqueIds = (items: readonly { id: string }[]): boolean => new Set(items.map((item) => item.id)).size === items.length;

export const procedureSchema = z
  .strictObject({
    nationalCode: nationalCodeSchema,
    localCode: localCodeSchema.optional(),
    name: text,
    nameEn: text.optional(),
    field: procedureFieldSchema,
    // The kiosk serves commune Centers, so that is the default level.
    level: procedureLevelSchema.default('commune'),
    /** Cơ quan giải quyết, when it is not the receiving commune (submission across boundaries forwards to it). */
    competentAgency: text.optional(),
    processingTime: processingTimeSchema,
    fees: z.array(feeRuleSchema).default([]),
    feeExemptions: z.array(text).default([]),
    documents: z.array(documentRequirementSchema).default([]),
    results: z.array(text).min(1),
    /** Phi địa giới: true = anywhere, false = only where competent, or the provinces that allow it. */
    nonBoundary: z.union([z.boolean(), z.array(provinceCodeSchema).min(1)]).default(false),
    effectiveFrom: isoDateSchema,
    effectiveTo: isoDateSchema.optional(),
    legalBasis: z.array(text).default([]),
    source: procedureSourceSchema,
    /** True while some detail is not yet checked against the published text; verifyNotes says which. */
    verify: z.boolean().default(false),
    verifyNotes: text.optional(),
    notes: text.optional(),
  })
  // zod runs this even when a field above failed; each check looks only at fields that are well-formed,
  // so one typo gives one message.
  .superRefine((procedure, ctx) => {
    const wellFormed = (schema: z.ZodType, value: unknown): boolean => schema.safeParse(value).success;
    if (
      procedure.localCode !== undefined &&
      wellFormed(localCodeSchema, procedure.localCode) &&
      !procedure.localCode.startsWith(`${procedure.nationalCode}.`)
    ) {
      ctx.addIssue({ code: 'custom', message: codes.localCodeMismatch, path: ['localCode'] });
    }
    if (
      procedure.effectiveTo !== undefined &&
      wellFormed(isoDateSchema, procedure.effectiveTo) &&
      wellFormed(isoDateSchema, procedure.effectiveFrom) &&
      procedure.effectiveTo < procedure.effectiveFrom
    ) {
      ctx.addIssue({ code: 'custom', message: codes.effectiveRange, path: ['effectiveTo'] });
    }
    if (!uniqueIds(procedure.documents)) ctx.addIssue({ code: 'custom', message: codes.duplicateDocumentId, path: ['documents'] });
    if (!uniqueIds(procedure.fees)) ctx.addIssue({ code: 'custom', message: codes.duplicateFeeId, path: ['fees'] });
  });

export type ProcedureField = z.output<typeof procedureFieldSchema>;
export type ProcedureLevel = z.output<typeof procedureLevelSchema>;
/** A procedure's processing time: the calendar's `ProcessingTime` plus the limit when verification is needed. */
export type ProcedureProcessingTime = z.output<typeof processingTimeSchema>;
export type FeeRule = z.output<typeof feeRuleSchema>;
export type PageTier = z.output<typeof pageTierSchema>;
export type DocumentQuantities = z.output<typeof documentQuantitiesSchema>;
export type DocumentAlternative = z.output<typeof documentAlternativeSchema>;
export type DocumentRequirement = z.output<typeof documentRequirementSchema>;
export type ProcedureSource = z.output<typeof procedureSourceSchema>;
export type Procedure = z.output<typeof procedureSchema>;
/** What a catalogue file holds: defaults (empty lists, cut-off 15:00, …) may be left out. */
export type ProcedureInput = z.input<typeof procedureSchema>;

/** The JSON catalogue file; procedures are checked one by one so a bad entry does not hide the rest. */
export const catalogueFileSchema = z.object({
  format: z.literal('motcua.catalogue'),
  formatVersion: z.literal(1),
  title: text,
  province: z.strictObject({ code: provinceCodeSchema, name: text }).optional(),
  publishedOn: isoDateSchema.optional(),
  procedures: z.array(z.unknown()),
});
