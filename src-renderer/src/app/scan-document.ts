import type { KioskApi } from '../../../src-shared/api/contract';
import { pdfChunkMaxBytes, type ScanInput, type ScannedDocumentDto } from '../../../src-shared/api/scanner';
import { ok, type Failure, type Result } from '../../../src-shared/result';
import { putPage, type MotCuaDb } from '../store';

/** What the receive draft keeps of a scanned document: the stored PDF's hash and what the officer must see. */
export type DocumentScan = {
  readonly hash: string;
  readonly pageCount: number;
  readonly bytes: number;
  readonly thumbnails: readonly string[];
  readonly droppedPages: number;
  readonly issues: readonly { readonly severity: 'error' | 'warning'; readonly message: string; readonly messageEn: string }[];
  /** Set when the citizen digitized it at the self-service point and the counter attached it (use-citizen-documents.ts). */
  readonly origin?: 'self-service';
};

export type ScanOptions = {
  /**
   * Delete the host's job folder (its page images and PDF) once the PDF is in the local store: a public
   * self-service point keeps no copy the citizen did not choose to keep. The counter keeps its jobs (resumable).
   */
  readonly discardHostCopy?: boolean;
};

function bytesOf(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The finished PDF: inline when small, else fetched in pieces (scanner.pdfChunk). */
async function pdfOf(api: KioskApi, scanned: ScannedDocumentDto): Promise<Result<Blob, Failure>> {
  if (scanned.pdf.base64 !== undefined) return ok(new Blob([bytesOf(scanned.pdf.base64)], { type: 'application/pdf' }));
  const parts: Uint8Array<ArrayBuffer>[] = [];
  for (let offset = 0; offset < scanned.pdf.bytes; offset += pdfChunkMaxBytes) {
    const chunk = await api.call('scanner.pdfChunk', { jobId: scanned.jobId, offset, length: Math.min(pdfChunkMaxBytes, scanned.pdf.bytes - offset) });
    if (!chunk.ok) return chunk;
    parts.push(bytesOf(chunk.value.base64));
  }
  return ok(new Blob(parts, { type: 'application/pdf' }));
}

/**
 * Scans one document of the checklist through the host's scanner and keeps the PDF/A in the local store
 * (content-addressed, so the record only carries its hash). Nothing reaches the record until the officer confirms.
 */
export async function scanDocument(api: KioskApi, db: MotCuaDb, input: ScanInput, options: ScanOptions = {}): Promise<Result<DocumentScan, Failure>> {
  const scanned = await api.call('scanner.scan', input);
  if (!scanned.ok) return scanned;
  const pdf = await pdfOf(api, scanned.value);
  if (options.discardHostCopy === true) await api.call('scanner.cancel', { jobId: scanned.value.jobId });
  if (!pdf.ok) return pdf;
  const stored = await putPage(db, pdf.value);
  if (!stored.ok) return stored;
  return ok({
    hash: stored.value.hash,
    pageCount: scanned.value.pageCount,
    bytes: scanned.value.pdf.bytes,
    thumbnails: scanned.value.pages.filter((p) => p.kept).map((p) => `data:image/jpeg;base64,${p.thumbnailJpegBase64}`),
    droppedPages: scanned.value.dropped.length,
    issues: scanned.value.quality.issues.map((i) => ({ severity: i.severity, message: i.message, messageEn: i.messageEn })),
  });
}
