import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { KeptDocument } from '../domain/citizens/kept-document';
import { ok, type Failure, type Result } from '../result';
import { blobChunkSchema, citizenDocumentPaths, copyLinkSchema, keptDocumentsResponseSchema, maxBlobChunkRead, type CopyLink } from './citizen-documents-protocol';
import type { SyncCredentials } from './engine';
import { syncFailures } from './errors';
import { call, jsonHeaders, type Transport } from './http';
import { kioskCaller, plainFailure } from './kiosk-call';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const sextets = new Map([...alphabet].map((c, i) => [c, i]));

/** Standard base64 (src-shared has no `atob`: it runs without DOM or Node types). Null when malformed. */
export function bytesOfBase64(base64: string): Uint8Array | null {
  const text = base64.replace(/=+$/, '');
  if (text.length % 4 === 1) return null;
  const bytes = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let held = 0;
  let at = 0;
  for (const char of text) {
    const value = sextets.get(char);
    if (value === undefined) return null;
    bits = (bits << 6) | value;
    held += 6;
    if (held >= 8) {
      held -= 8;
      bytes[at++] = (bits >> held) & 0xff;
    }
  }
  return bytes;
}

/**
 * A kiosk's side of the citizens' kept documents: the counter looks a citizen's documents up and downloads their
 * PDFs; the self-service point makes a copy link. Every call answers null when the kiosk is not enrolled, so the
 * caller simply shows nothing extra. A download is checked against the SHA-256 it was asked for.
 */
export function createCitizenDocumentsClient(transport: Transport, credentials: () => SyncCredentials | null) {
  const kioskCall = kioskCaller(transport, credentials);
  return {
    async keptBy(citizenId: string): Promise<Result<readonly KeptDocument[], Failure> | null> {
      const answer = await kioskCall((unit) => citizenDocumentPaths.documents(unit, citizenId), { method: 'GET' }, keptDocumentsResponseSchema);
      return answer?.ok === true ? ok(answer.value.documents) : answer;
    },

    /** The blob's bytes, in pieces of at most 1 MiB (each one relayed call), verified against their hash. */
    async download(hash: string): Promise<Result<Uint8Array, Failure> | null> {
      const creds = credentials();
      if (creds === null) return null;
      const parts: Uint8Array[] = [];
      let offset = 0;
      let total = Number.POSITIVE_INFINITY;
      while (offset < total) {
        const url = `${creds.baseUrl}${citizenDocumentPaths.blobChunk(hash)}?offset=${offset}&length=${maxBlobChunkRead}`;
        const answer = await call(transport, url, { method: 'GET', headers: jsonHeaders(creds.token) }, blobChunkSchema);
        if (!answer.ok) return { ok: false, error: plainFailure(answer.error) };
        const piece = bytesOfBase64(answer.value.base64);
        if (piece === null || answer.value.offset !== offset || (piece.length === 0 && offset < answer.value.total)) return { ok: false, error: syncFailures.badResponse('blob chunk out of place') };
        total = answer.value.total;
        parts.push(piece);
        offset += piece.length;
      }
      const bytes = new Uint8Array(offset);
      let at = 0;
      for (const part of parts) {
        bytes.set(part, at);
        at += part.length;
      }
      if (bytesToHex(sha256(bytes)) !== hash) return { ok: false, error: syncFailures.blobHashMismatch() };
      return ok(bytes);
    },

    /** A link the citizen opens on their phone (on the Center's network) to download these documents as one PDF. */
    async copyLink(citizenId: string, documentIds: readonly string[]): Promise<Result<CopyLink & { readonly url: string }, Failure> | null> {
      const creds = credentials();
      if (creds === null) return null;
      const answer = await kioskCall((unit) => citizenDocumentPaths.copies(unit, citizenId), { method: 'POST', body: JSON.stringify({ documentIds }) }, copyLinkSchema);
      return answer?.ok === true ? ok({ ...answer.value, url: creds.baseUrl + answer.value.path }) : answer;
    },
  };
}

export type CitizenDocumentsClient = ReturnType<typeof createCitizenDocumentsClient>;
