import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { unitIdSchema } from '../src-shared/domain/records/record-code';
import type { Failure } from '../src-shared/result';
import { blobChunkQuerySchema, citizenParamsSchema, createCopyRequestSchema } from '../src-shared/sync/citizen-documents-protocol';
import { syncFailures } from '../src-shared/sync/errors';
import { sha256HexSchema } from '../src-shared/sync/protocol';
import type { Principal } from './auth';
import type { CitizenDocumentsStore } from './citizen-documents-store';
import { mergeDocumentCopy } from './document-copy';

/** What app.ts lends these routes: its authentication and its error answers, so every route answers alike. */
export type RouteKit = {
  authed(req: FastifyRequest, res: FastifyReply): Promise<Principal | undefined>;
  parse<S extends z.ZodType>(schema: S, value: unknown, res: FastifyReply): z.output<S> | undefined;
  reply(res: FastifyReply, failure: Failure): FastifyReply;
  readBlob(hash: string): Promise<Uint8Array | null>;
};

const citizenRouteParams = citizenParamsSchema.extend({ unit: unitIdSchema });
const hashParams = z.object({ hash: sha256HexSchema });
const tokenParams = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{43,100}$/) });

/** A phone's browser shows these: plain bilingual text, not the kiosks' JSON errors. */
const copyGone = 'Đường dẫn bản sao không đúng hoặc đã hết hạn (2 giờ). Xin lấy mã QR mới tại điểm tự phục vụ.\nThe copy link is wrong or has expired (2 hours). Take a new QR code at the self-service point.\n';
const copyNotReady = 'Bản sao đang được chuẩn bị, xin thử lại sau ít phút.\nThe copy is being prepared; please try again in a minute.\n';

/**
 * The citizens' kept documents (docs/SYNC-PROTOCOL.md): a kiosk of the Center reads one citizen's and makes a copy
 * link; any credential reads a blob in JSON pieces (as it may read the blob itself); the copy link needs none —
 * its 256-bit token is the credential, for two hours.
 */
export function registerCitizenDocumentRoutes(app: FastifyInstance, store: CitizenDocumentsStore, kit: RouteKit): void {
  const kioskOf = (p: Principal, unit: string): boolean => p.kind === 'kiosk' && p.unitId === unit;

  app.get('/v1/centers/:unit/citizens/:citizenId/documents', async (req, res) => {
    const p = await kit.authed(req, res);
    const params = kit.parse(citizenRouteParams, req.params, res);
    if (p === undefined || params === undefined) return res;
    if (!kioskOf(p, params.unit)) return kit.reply(res, syncFailures.forbidden(`citizens' documents of ${params.unit}`));
    return { documents: await store.keptBy(params.unit, params.citizenId) };
  });

  app.post('/v1/centers/:unit/citizens/:citizenId/copies', async (req, res) => {
    const p = await kit.authed(req, res);
    const params = kit.parse(citizenRouteParams, req.params, res);
    const body = kit.parse(createCopyRequestSchema, req.body, res);
    if (p === undefined || params === undefined || body === undefined) return res;
    if (!kioskOf(p, params.unit)) return kit.reply(res, syncFailures.forbidden(`copies of ${params.unit}`));
    return store.createCopy(params.unit, params.citizenId, body.documentIds);
  });

  app.get('/v1/blobs/:hash/chunk', async (req, res) => {
    const p = await kit.authed(req, res);
    const params = kit.parse(hashParams, req.params, res);
    const query = kit.parse(blobChunkQuerySchema, req.query, res);
    if (p === undefined || params === undefined || query === undefined) return res;
    const chunk = await store.readChunk(params.hash, query.offset, query.length);
    if (chunk === null) return kit.reply(res, syncFailures.notFound(`blob ${params.hash}`));
    return { hash: params.hash, offset: query.offset, total: chunk.total, base64: Buffer.from(chunk.bytes).toString('base64') };
  });

  app.get('/v1/copies/:token', async (req, res) => {
    const params = tokenParams.safeParse(req.params);
    const copy = params.success ? await store.openCopy(params.data.token) : null;
    // Nothing that could be cached or indexed on the way: the link is the citizen's alone.
    void res.header('cache-control', 'no-store').header('x-robots-tag', 'noindex');
    if (copy === null) return res.code(404).type('text/plain; charset=utf-8').send(copyGone);
    const parts: Uint8Array[] = [];
    for (const doc of copy.complete ? copy.documents : []) {
      const bytes = await kit.readBlob(doc.hash);
      if (bytes !== null) parts.push(bytes);
    }
    if (!copy.complete || parts.length !== copy.documents.length) return res.code(503).header('retry-after', '30').type('text/plain; charset=utf-8').send(copyNotReady);
    const pdf = await mergeDocumentCopy(parts, new Date());
    return res
      .type('application/pdf')
      .header('content-disposition', 'attachment; filename="ban-sao-giay-to.pdf"')
      .send(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength));
  });
}
