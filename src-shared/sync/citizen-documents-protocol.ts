import { z } from 'zod';
import { citizenIdNumberSchema, keptDocumentSchema } from '../domain/citizens/kept-document';
import { localIdSchema } from '../domain/records/record';
import { sha256HexSchema } from './protocol';

/**
 * The citizens' digitized documents on the Center's server (docs/SYNC-PROTOCOL.md, "Citizens' kept documents"):
 * kept by a self-service point with a `citizen-documents.keep` mutation, found by a counter of the same Center by
 * the citizen's ID number, copied to the citizen's phone by a time-limited link. Declared here, next to
 * protocol.ts, so the server and the kiosks share one definition.
 */
export const citizenDocumentPaths = {
  documents: (unit: string, citizenId: string) => `/v1/centers/${encodeURIComponent(unit)}/citizens/${encodeURIComponent(citizenId)}/documents`,
  copies: (unit: string, citizenId: string) => `/v1/centers/${encodeURIComponent(unit)}/citizens/${encodeURIComponent(citizenId)}/copies`,
  copy: (token: string) => `/v1/copies/${encodeURIComponent(token)}`,
  /** A blob's bytes as base64 in JSON: the kiosk's relay carries text only. */
  blobChunk: (hash: string) => `/v1/blobs/${hash}/chunk`,
} as const;

export const keepMutationKind = 'citizen-documents.keep';
export const keepPayloadSchema = z.object({ document: keptDocumentSchema });
export type KeepPayload = z.infer<typeof keepPayloadSchema>;

export const keptDocumentsResponseSchema = z.object({ documents: z.array(keptDocumentSchema) });
export type KeptDocumentsResponse = z.infer<typeof keptDocumentsResponseSchema>;

/** A blob read in pieces: at most `maxBlobChunkRead` bytes per call. */
export const maxBlobChunkRead = 1024 * 1024;
export const blobChunkQuerySchema = z.object({
  offset: z.coerce.number().int().min(0),
  length: z.coerce.number().int().min(1).max(maxBlobChunkRead),
});
export const blobChunkSchema = z.object({ hash: sha256HexSchema, offset: z.int().min(0), total: z.int().min(0), base64: z.string() });
export type BlobChunk = z.infer<typeof blobChunkSchema>;

/** How long a copy link works: long enough to download at home the same afternoon, short enough to be forgotten. */
export const copyLifetimeMs = 2 * 60 * 60 * 1000;
export const createCopyRequestSchema = z.object({ documentIds: z.array(localIdSchema).min(1).max(30) }).strict();
export const copyLinkSchema = z.object({
  /** 256 random bits, base64url; the server keeps only its SHA-256. */
  token: z.string().regex(/^[A-Za-z0-9_-]{43,}$/),
  /** Relative to the server's base URL. */
  path: z.string().startsWith('/v1/copies/'),
  expiresAt: z.int(),
});
export type CopyLink = z.infer<typeof copyLinkSchema>;

export const citizenParamsSchema = z.object({ citizenId: citizenIdNumberSchema });
