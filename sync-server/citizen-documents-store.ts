import { randomBytes } from 'node:crypto';
import { keptDocumentLookbackMs, keptDocumentSchema, type KeptDocument } from '../src-shared/domain/citizens/kept-document';
import { createLogger } from '../src-shared/log';
import { citizenDocumentPaths, copyLifetimeMs, type CopyLink } from '../src-shared/sync/citizen-documents-protocol';
import { sha256Hex } from './auth';
import { int, type Database, type Sql } from './db/database';

const log = createLogger('sync-server/citizen-documents');

/**
 * Kept documents, written in the push transaction that accepted them and keyed (unit, document id), so a document
 * delivered twice — a retried push, or the same keep queued again — is stored once. The citizen's ID number is
 * the lookup key; it is never logged.
 */
export async function writeKeptDocuments(sql: Sql, unitId: string, kioskId: string, documents: readonly KeptDocument[], receivedAt: number): Promise<void> {
  if (documents.length === 0) return;
  await sql.query(
    `INSERT INTO citizen_documents (unit_id, id, citizen_id, kiosk_id, kept_at, pdf_hash, data, received_at)
     SELECT $1, t.id, t.citizen_id, $2, t.kept_at, t.pdf_hash, t.data, $3
     FROM unnest($4::text[], $5::text[], $6::bigint[], $7::text[], $8::jsonb[]) AS t(id, citizen_id, kept_at, pdf_hash, data)
     ON CONFLICT (unit_id, id) DO NOTHING`,
    [
      unitId,
      kioskId,
      receivedAt,
      documents.map((d) => d.id),
      documents.map((d) => d.citizenId),
      documents.map((d) => d.keptAt),
      documents.map((d) => d.hash),
      documents.map((d) => JSON.stringify(d)),
    ],
  );
}

/** What a copy link opens to: the documents in the order the citizen kept them, and whether all their PDFs arrived. */
export type OpenedCopy = { readonly documents: readonly KeptDocument[]; readonly complete: boolean };

function documentOf(data: unknown): KeptDocument | null {
  const parsed = keptDocumentSchema.safeParse(data);
  return parsed.success ? parsed.data : null;
}

/**
 * The Center's view of its citizens' kept documents: the recent ones of one citizen (by the server's clock of
 * arrival, not the kiosk's), pieces of their PDFs for a kiosk whose relay carries text, and copy links.
 */
export function createCitizenDocumentsStore(db: Database, now: () => number) {
  async function keptBy(unitId: string, citizenId: string): Promise<KeptDocument[]> {
    const rows = await db.query(
      'SELECT data FROM citizen_documents WHERE unit_id = $1 AND citizen_id = $2 AND received_at >= $3 ORDER BY kept_at DESC, id LIMIT 100',
      [unitId, citizenId, now() - keptDocumentLookbackMs],
    );
    return rows.flatMap((r) => {
      const doc = documentOf(r.data);
      return doc === null ? [] : [doc];
    });
  }

  /** Bytes [offset, offset + length) of a complete blob, assembled from the upload chunks that cover them. */
  async function readChunk(hash: string, offset: number, length: number): Promise<{ total: number; bytes: Uint8Array } | null> {
    const blob = (await db.query('SELECT size, complete FROM blobs WHERE hash = $1', [hash]))[0];
    if (blob === undefined || blob.complete !== true) return null;
    const total = int(blob.size);
    const end = Math.min(total, offset + length);
    const out = new Uint8Array(Math.max(0, end - offset));
    if (out.length === 0) return { total, bytes: out };
    const chunks = await db.query(
      'SELECT "offset", data FROM blob_chunks WHERE hash = $1 AND "offset" < $3 AND "offset" + octet_length(data) > $2 ORDER BY "offset"',
      [hash, offset, end],
    );
    for (const chunk of chunks) {
      const start = int(chunk.offset);
      const data = chunk.data as Uint8Array;
      const from = Math.max(offset, start);
      const to = Math.min(end, start + data.length);
      out.set(data.subarray(from - start, to - start), from - offset);
    }
    return { total, bytes: out };
  }

  /** A link of 256 random bits; only its SHA-256 is stored. Expired links are swept here, the only writer. */
  async function createCopy(unitId: string, citizenId: string, documentIds: readonly string[]): Promise<CopyLink> {
    const token = randomBytes(32).toString('base64url');
    const at = now();
    const expiresAt = at + copyLifetimeMs;
    await db.transaction(async (sql) => {
      await sql.query('DELETE FROM document_copies WHERE expires_at <= $1', [at]);
      await sql.query('INSERT INTO document_copies (token_hash, unit_id, citizen_id, document_ids, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        sha256Hex(token),
        unitId,
        citizenId,
        JSON.stringify(documentIds),
        at,
        expiresAt,
      ]);
    });
    log.info('copy link created', { unitId, documents: documentIds.length });
    return { token, path: citizenDocumentPaths.copy(token), expiresAt };
  }

  /** Null when the token is unknown or expired. Only documents of the link's unit and citizen are ever returned. */
  async function openCopy(token: string): Promise<OpenedCopy | null> {
    const link = (await db.query('SELECT unit_id, citizen_id, document_ids FROM document_copies WHERE token_hash = $1 AND expires_at > $2', [sha256Hex(token), now()]))[0];
    if (link === undefined) return null;
    const ids = Array.isArray(link.document_ids) ? link.document_ids.filter((id): id is string => typeof id === 'string') : [];
    const rows = await db.query(
      `SELECT d.id, d.data, coalesce(b.complete, false) AS complete FROM citizen_documents d LEFT JOIN blobs b ON b.hash = d.pdf_hash
       WHERE d.unit_id = $1 AND d.citizen_id = $2 AND d.id = ANY($3::text[])`,
      [link.unit_id, link.citizen_id, ids],
    );
    const byId = new Map(rows.map((r) => [String(r.id), r]));
    const documents = ids.flatMap((id) => {
      const doc = documentOf(byId.get(id)?.data);
      return doc === null ? [] : [doc];
    });
    const complete = documents.length === ids.length && ids.every((id) => byId.get(id)?.complete === true);
    return { documents, complete };
  }

  /**
   * Forgets what citizens kept longer ago than the counter ever looks (`keptDocumentLookbackMs`, by the server's
   * clock of arrival): the rows bound to an ID number, and their PDFs unless a record's documents or another kept
   * document still use them (a counter that attached a kept PDF to a file keeps it in the Center's partition). A
   * counter that attaches one just as it goes still holds the PDF and uploads it again with its record.
   */
  async function purgeExpired(): Promise<{ documents: number; blobs: number }> {
    const before = now() - keptDocumentLookbackMs;
    return db.transaction(async (sql) => {
      const gone = await sql.query('DELETE FROM citizen_documents WHERE received_at < $1 RETURNING pdf_hash', [before]);
      const candidates = [...new Set(gone.map((r) => String(r.pdf_hash)))];
      if (candidates.length === 0) return { documents: 0, blobs: 0 };
      // One pass over the records for all candidates; lax JSON paths skip a record of another shape.
      const inRecords = await sql.query(
        `SELECT DISTINCT h #>> '{}' AS hash FROM records, jsonb_path_query(data, 'lax $.documents[*].pageHashes[*]') AS h WHERE h #>> '{}' = ANY($1::text[])`,
        [candidates],
      );
      const inDocuments = await sql.query('SELECT DISTINCT pdf_hash AS hash FROM citizen_documents WHERE pdf_hash = ANY($1::text[])', [candidates]);
      const used = new Set([...inRecords, ...inDocuments].map((r) => String(r.hash)));
      const unused = candidates.filter((hash) => !used.has(hash));
      if (unused.length > 0) {
        await sql.query('DELETE FROM blob_chunks WHERE hash = ANY($1::text[])', [unused]);
        await sql.query('DELETE FROM blobs WHERE hash = ANY($1::text[])', [unused]);
      }
      log.info('kept documents purged', { documents: gone.length, blobs: unused.length });
      return { documents: gone.length, blobs: unused.length };
    });
  }

  return { keptBy, readChunk, createCopy, openCopy, purgeExpired };
}

export type CitizenDocumentsStore = ReturnType<typeof createCitizenDocumentsStore>;
