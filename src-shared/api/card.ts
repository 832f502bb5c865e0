import { z } from 'zod';
import type { EventMap, MethodMap } from './define';

/**
 * The chip ID card (CCCD) and face verification as the renderer sees them. A read answers everything the counter
 * needs to identify the citizen: the MRZ (DG1), the personal fields (DG13), the chip photo as a data URL an <img>
 * shows, and each security check with what failed. The host keeps the last read's photo in memory so
 * `face.verify` can compare camera frames with it without the photo travelling back. Personal data crosses the
 * API (it is the point) but is never logged, by host or renderer.
 */

const failureSchema = z.object({ code: z.string(), message: z.string(), messageEn: z.string(), path: z.string().optional() });
const yymmdd = z.string().regex(/^\d{6}$/, { message: 'YYMMDD' });

export const cardReaderSchema = z.object({
  name: z.string(),
  cardPresent: z.boolean(),
  /** The in-process virtual CCCD (demo and tests), not a PC/SC reader. */
  simulated: z.boolean(),
  atr: z.string().optional(),
});

export const cardReadersSchema = z.object({
  /** `pcsc`: real readers through pcscd / WinSCard (MOTCUA_CARD_READER=pcsc); `simulated`: the virtual CCCD. */
  mode: z.enum(['pcsc', 'simulated']),
  readers: z.array(cardReaderSchema),
  /** Why PC/SC could not be asked (pcscd not running…); the list is then empty. */
  error: failureSchema.optional(),
});
export type CardReaders = z.infer<typeof cardReadersSchema>;

export const mrzKeySchema = z.object({ documentNumber: z.string().regex(/^[0-9A-Z<]{1,22}$/), dateOfBirth: yymmdd, dateOfExpiry: yymmdd }).strict();

export const cardReadInputSchema = z
  .object({
    readerName: z.string().min(1).max(300).optional(),
    /** Card access number: the last 6 digits of the 12-digit ID (from the front QR). */
    can: z.string().regex(/^\d{6}$/, { message: '6 digits' }).optional(),
    /** Document number, date of birth, expiry (YYMMDD): PACE-MRZ / BAC when the CAN is not known or refused. */
    mrz: mrzKeySchema.optional(),
  })
  .strict()
  .refine((input) => input.can !== undefined || input.mrz !== undefined, { message: 'can or mrz is required', path: ['can'] });
export type CardReadInput = z.input<typeof cardReadInputSchema>;

const stepSchema = z.object({ step: z.string(), outcome: z.enum(['ok', 'failed', 'skipped']), durationMs: z.number(), detail: z.string().optional() });

export const passiveAuthenticationSchema = z.object({
  status: z.enum(['passed', 'no-trusted-csca', 'failed']),
  /** Which check failed: a data group's hash (then `dataGroup`), the SOD signature, the chain to a CSCA, or the SOD itself. */
  check: z.enum(['dg-hash', 'signature', 'chain', 'malformed']).optional(),
  dataGroup: z.int().optional(),
  detail: z.string().optional(),
  checkedDataGroups: z.array(z.int()).optional(),
  documentSigner: z.object({ subject: z.string(), validFrom: z.string(), validTo: z.string() }).optional(),
  csca: z.string().optional(),
});

export const chipAuthenticationSchema = z.object({
  status: z.enum(['passed', 'failed', 'not-offered', 'not-supported']),
  protocol: z.string().optional(),
  cipher: z.string().optional(),
  curve: z.string().optional(),
  detail: z.string().optional(),
});

export const activeAuthenticationSchema = z.object({
  status: z.enum(['passed', 'failed', 'not-attempted']),
  algorithm: z.string().optional(),
  detail: z.string().optional(),
});

export const cardMrzSchema = z.object({
  documentCode: z.string(),
  issuingState: z.string(),
  documentNumber: z.string(),
  citizenId: z.string().optional(),
  /** YYMMDD as printed. */
  dateOfBirth: z.string(),
  sex: z.string(),
  dateOfExpiry: z.string(),
  nationality: z.string(),
  surname: z.string(),
  givenNames: z.string(),
});

export const cardPersonalSchema = z.object({
  citizenId: z.string().optional(),
  fullName: z.string().optional(),
  /** dd/MM/yyyy as the chip stores it. */
  dateOfBirth: z.string().optional(),
  sex: z.string().optional(),
  nationality: z.string().optional(),
  ethnicity: z.string().optional(),
  religion: z.string().optional(),
  placeOfOrigin: z.string().optional(),
  placeOfResidence: z.string().optional(),
  identifyingMarks: z.string().optional(),
  issueDate: z.string().optional(),
  expiryDate: z.string().optional(),
  fatherName: z.string().optional(),
  motherName: z.string().optional(),
  spouseName: z.string().optional(),
  oldId: z.string().optional(),
});

export const cardFaceSchema = z.object({
  /** As stored on the chip. */
  format: z.enum(['jpeg', 'jpeg2000', 'unknown']),
  bytes: z.int().min(0),
  /** `data:image/jpeg;base64,…`; absent when the photo could not be converted (JPEG 2000 on this host). */
  dataUrl: z.string().startsWith('data:image/jpeg;base64,').optional(),
  /** Why there is no data URL, in both languages. */
  notShown: failureSchema.optional(),
});

export const cardReadReportSchema = z.object({
  /** Handle of this read in the host's memory (for face.verify); forgotten when the card is removed. */
  readId: z.uuid(),
  reader: z.string(),
  simulated: z.boolean(),
  access: z.object({
    method: z.enum(['PACE-CAN', 'PACE-MRZ', 'BAC']),
    attempts: z.array(z.object({ method: z.string(), outcome: z.enum(['succeeded', 'failed']), durationMs: z.number(), errorCode: z.string().optional() })),
  }),
  mrz: cardMrzSchema.optional(),
  personal: cardPersonalSchema.optional(),
  face: cardFaceSchema.optional(),
  /** Data groups that were read but could not be parsed, with the error code. */
  dataGroupErrors: z.array(z.object({ dataGroup: z.int(), code: z.string() })),
  deniedDataGroups: z.array(z.int()),
  passiveAuthentication: passiveAuthenticationSchema,
  chipAuthentication: chipAuthenticationSchema,
  activeAuthentication: activeAuthenticationSchema,
  steps: z.array(stepSchema),
  totalMs: z.number(),
});
export type CardReadReport = z.infer<typeof cardReadReportSchema>;

/** `data:image/jpeg;base64,…` or PNG/WebP, at most ≈ 1.5 MB of image each. */
export const imageDataUrlSchema = z.string().max(2_000_000).regex(/^data:image\/(jpeg|png|webp);base64,[A-Za-z0-9+/=]+$/, { message: 'data:image/jpeg;base64,…' });

export const faceVerifyInputSchema = z
  .object({
    /** The chip photo; absent = the photo of the last card read (`readId` to name it, default the latest). */
    chipImage: imageDataUrlSchema.optional(),
    readId: z.uuid().optional(),
    /** Camera frames a fraction of a second apart, within a few seconds (3–5 recommended, 10 at most). */
    frames: z.array(imageDataUrlSchema).min(1).max(10),
    /** Capture times (ms) of the frames, when known: checked against the liveness window. */
    capturedAt: z.array(z.number()).max(10).optional(),
  })
  .strict();
export type FaceVerifyInput = z.input<typeof faceVerifyInputSchema>;

export const faceVerificationSchema = z.object({
  decision: z.enum(['match', 'no-match', 'no-face', 'liveness-failed']),
  score: z.number().min(0).max(1).optional(),
  distance: z.number().min(0).optional(),
  threshold: z.number(),
  scoreThreshold: z.number(),
  noFaceIn: z.enum(['chip', 'frames']).optional(),
  frames: z.array(z.object({ face: z.boolean(), distance: z.number().optional() })),
  liveness: z.object({
    passed: z.boolean(),
    reason: z.enum(['too-few-frames', 'no-movement', 'different-faces', 'outside-window']).optional(),
    framesWithFace: z.int(),
    movingPairs: z.int(),
    movements: z.array(z.number()),
    required: z.object({ frames: z.int(), movingPairs: z.int(), movement: z.number() }),
  }),
  timings: z.object({ decodeMs: z.number(), chipMs: z.number(), framesMs: z.number(), totalMs: z.number() }),
});
export type FaceVerificationDto = z.infer<typeof faceVerificationSchema>;

/** Which synthetic citizen the simulated card carries; the demo has two so a mismatch can be shown. */
export const simulatedPersonSchema = z.enum(['default', 'second']);

export const cardSimulateInputSchema = z
  .object({
    action: z.enum(['insert', 'remove']),
    person: simulatedPersonSchema.default('default'),
    /** The card's photo (JPEG data URL), e.g. a test face; default a stand-in that is not a decodable face. */
    faceImage: imageDataUrlSchema.optional(),
  })
  .strict();

export const cardSimulateResultSchema = z.object({ reader: z.string(), cardPresent: z.boolean(), can: z.string().optional() });

export const cardMethods = {
  'card.readers': { input: z.object({}).strict(), output: cardReadersSchema, summary: 'Card readers (PC/SC or the simulated one) and whether a card is on them' },
  'card.read': {
    input: cardReadInputSchema,
    output: cardReadReportSchema,
    summary: 'Read the chip ID card (CCCD): MRZ, personal data, photo, passive/chip/active authentication; progress as card.progress events',
  },
  'card.simulate': {
    input: cardSimulateInputSchema,
    output: cardSimulateResultSchema,
    summary: 'Tap or take away the simulated card (only when the host runs the simulator; otherwise card.simulator-off)',
  },
  'face.verify': {
    input: faceVerifyInputSchema,
    output: faceVerificationSchema,
    summary: "Compare camera frames with the chip photo (the last read's, or one given): score, threshold, decision, liveness cue",
  },
} satisfies MethodMap;

export const cardInsertedSchema = z.object({ reader: z.string(), simulated: z.boolean(), atr: z.string().optional() });
export const cardRemovedSchema = z.object({ reader: z.string(), simulated: z.boolean() });
export const cardProgressSchema = z.object({
  reader: z.string(),
  /** `EF.SOD`, `DG2`…; never any content. */
  file: z.string(),
  bytesRead: z.int().min(0),
  totalBytes: z.int().min(0),
});

export const cardEvents = {
  'card.inserted': cardInsertedSchema,
  'card.removed': cardRemovedSchema,
  'card.progress': cardProgressSchema,
} satisfies EventMap;
