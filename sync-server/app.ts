import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { z } from 'zod';
import { createLogger } from '../src-shared/log';
import type { Failure } from '../src-shared/result';
import { syncErrorCodes, syncFailures } from '../src-shared/sync/errors';
import {
  callNextRequestSchema,
  codeBlockRequestSchema,
  createEnrollmentCodeRequestSchema,
  enrollRequestSchema,
  handOverTicketsRequestSchema,
  issueTicketRequestSchema,
  maxChunkBytes,
  maxPullLimit,
  maxWaitMs,
  pushRequestSchema,
  queueDaySchema,
  sha256HexSchema,
  skipTicketRequestSchema,
  transferTicketRequestSchema,
  withdrawTicketsRequestSchema,
  type WireError,
} from '../src-shared/sync/protocol';
import { sameSecret, type Principal } from './auth';
import { registerCitizenDocumentRoutes } from './citizen-documents-routes';
import type { SyncStore } from './sync-store';

const log = createLogger('sync-server/http');

export type ServerConfig = {
  /** Center admin tokens, by unit electronic ID: they create enrollment codes for their Center. */
  readonly adminTokens: Readonly<Record<string, string>>;
  /** Optional province token: reads every partition and the metrics of all. */
  readonly provinceToken?: string;
};

const statusOf: Partial<Record<string, number>> = {
  [syncErrorCodes.unauthorized]: 401,
  [syncErrorCodes.forbidden]: 403,
  [syncErrorCodes.enrollmentInvalid]: 403,
  [syncErrorCodes.invalidRequest]: 400,
  [syncErrorCodes.notFound]: 404,
  [syncErrorCodes.noFreeSlot]: 409,
  [syncErrorCodes.mutationGap]: 409,
  [syncErrorCodes.blobOffset]: 409,
  [syncErrorCodes.codesExhausted]: 409,
  [syncErrorCodes.ticketWithdrawn]: 409,
  [syncErrorCodes.blobHashMismatch]: 422,
  [syncErrorCodes.blobTooLarge]: 413,
};

function reply(res: FastifyReply, failure: Failure, extra: Omit<WireError, 'error'> = {}): FastifyReply {
  const { code, message, messageEn } = failure;
  const body: WireError = { error: { code, message, messageEn }, ...extra };
  return res.code(statusOf[code] ?? 500).send(body);
}

function parse<S extends z.ZodType>(schema: S, value: unknown, res: FastifyReply): z.output<S> | undefined {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.')}: ${i.message}`)
    .join('; ');
  void reply(res, syncFailures.invalidRequest(detail));
  return undefined;
}

const changesQuerySchema = z.object({
  since: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(maxPullLimit).default(1000),
  epoch: z.string().min(1).optional(),
  /** Ask for the partition's checksum on the last page (a full scan of the partition: for verifying, not every round). */
  checksum: z.stringbool().default(false),
});
const waitQuerySchema = z.object({
  since: z.coerce.number().int().min(0),
  timeoutMs: z.coerce.number().int().min(0).max(maxWaitMs).default(15_000),
});
const unitParams = z.object({ unit: z.string().regex(/^[A-Z0-9]+(?:\.[A-Z0-9]+)*$/).max(40) });
const hashParams = z.object({ hash: sha256HexSchema });
const ticketParams = unitParams.extend({ id: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/) });
const queueQuerySchema = z.object({ day: queueDaySchema.optional() });
const chunkHeaders = z.object({ 'upload-offset': z.coerce.number().int().min(0), 'upload-length': z.coerce.number().int().min(0) });

/** The sync server's HTTP surface (docs/SYNC-PROTOCOL.md). Every answer is JSON except blob bodies. */
export function buildApp(store: SyncStore, config: ServerConfig): FastifyInstance {
  const app = Fastify({ logger: false, bodyLimit: 32 * 1024 * 1024 });
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer', bodyLimit: maxChunkBytes }, (_req, body, done) => done(null, body));

  // Kiosk renderers call from their own origin (app://motcua, http://127.0.0.1:5174). Credentials are bearer
  // tokens, never cookies, so any origin may ask: the token is what is checked.
  app.addHook('onRequest', async (req, res) => {
    res.header('access-control-allow-origin', '*');
    res.header('access-control-expose-headers', 'upload-offset, upload-complete');
    if (req.method === 'OPTIONS') {
      await res
        .code(204)
        .header('access-control-allow-methods', 'GET, HEAD, POST, PUT')
        .header('access-control-allow-headers', 'authorization, content-type, upload-offset, upload-length')
        .header('access-control-max-age', '600')
        .send();
    }
  });

  async function principalOf(req: FastifyRequest): Promise<Principal | null> {
    const header = req.headers.authorization;
    if (typeof header !== 'string' || !header.startsWith('Bearer ')) return null;
    const token = header.slice('Bearer '.length).trim();
    if (token === '') return null;
    if (config.provinceToken !== undefined && sameSecret(token, config.provinceToken)) return { kind: 'province' };
    for (const [unitId, admin] of Object.entries(config.adminTokens)) {
      if (sameSecret(token, admin)) return { kind: 'center-admin', unitId };
    }
    return store.kioskByToken(token);
  }

  async function authed(req: FastifyRequest, res: FastifyReply): Promise<Principal | undefined> {
    const principal = await principalOf(req);
    if (principal === null) {
      void reply(res, syncFailures.unauthorized());
      return undefined;
    }
    return principal;
  }

  const mayRead = (p: Principal, unitId: string): boolean => p.kind === 'province' || p.unitId === unitId;

  /**
   * A write to the Center's queue (issue, call, skip, transfer, hand-over, withdrawal): only a kiosk of that Center.
   * The kiosk, the parsed params and body; undefined when the answer (401, 400, 403) has already been sent.
   */
  async function ticketWrite<P extends z.ZodType<{ unit: string }>, B extends z.ZodType>(
    req: FastifyRequest,
    res: FastifyReply,
    paramsSchema: P,
    bodySchema: B,
    bodyInput: unknown = req.body,
  ): Promise<{ kiosk: Extract<Principal, { kind: 'kiosk' }>; params: z.output<P>; body: z.output<B> } | undefined> {
    const p = await authed(req, res);
    const params = parse(paramsSchema, req.params, res);
    const body = parse(bodySchema, bodyInput, res);
    if (p === undefined || params === undefined || body === undefined) return undefined;
    if (p.kind !== 'kiosk' || p.unitId !== params.unit) {
      void reply(res, syncFailures.forbidden(`tickets of ${params.unit}`));
      return undefined;
    }
    return { kiosk: p, params, body };
  }

  app.setErrorHandler((error, _req, res) => {
    const status = typeof error === 'object' && error !== null && 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status === 413) return reply(res, syncFailures.blobTooLarge(maxChunkBytes));
    if (status >= 400 && status < 500) return reply(res, syncFailures.invalidRequest(error instanceof Error ? error.message : 'bad request'));
    log.error('request failed', { error: error instanceof Error ? error.message : String(error) });
    return reply(res, syncFailures.serverError(500));
  });

  app.get('/health', async () => store.health());

  app.post('/v1/centers/:unit/enrollment-codes', async (req, res) => {
    const p = await authed(req, res);
    const params = parse(unitParams, req.params, res);
    const body = parse(createEnrollmentCodeRequestSchema, req.body ?? {}, res);
    if (p === undefined || params === undefined || body === undefined) return res;
    if (p.kind !== 'center-admin' || p.unitId !== params.unit) return reply(res, syncFailures.forbidden(`enrollment for ${params.unit}`));
    return store.createEnrollmentCode(params.unit, body.ttlMinutes);
  });

  app.post('/v1/enroll', async (req, res) => {
    const body = parse(enrollRequestSchema, req.body, res);
    if (body === undefined) return res;
    const enrolled = await store.enroll(body.code, body.kioskId);
    return enrolled.ok ? enrolled.value : reply(res, enrolled.error);
  });

  app.get('/v1/state', async (req, res) => {
    const p = await authed(req, res);
    if (p === undefined) return res;
    if (p.kind !== 'kiosk') return reply(res, syncFailures.forbidden('kiosk state'));
    return (await store.kioskState(p.kioskId)) ?? reply(res, syncFailures.unauthorized());
  });

  app.post('/v1/push', async (req, res) => {
    const p = await authed(req, res);
    const body = parse(pushRequestSchema, req.body, res);
    if (p === undefined || body === undefined) return res;
    if (p.kind !== 'kiosk') return reply(res, syncFailures.forbidden('push'));
    const outcome = await store.push(p, body);
    if (outcome.ok) return outcome.value;
    if ('gap' in outcome) return reply(res, syncFailures.mutationGap(outcome.gap.expected, outcome.gap.got), { expectedMutationId: outcome.gap.expected });
    return reply(res, outcome.error);
  });

  app.get('/v1/partitions/:unit/changes', async (req, res) => {
    const p = await authed(req, res);
    const params = parse(unitParams, req.params, res);
    const query = parse(changesQuerySchema, req.query, res);
    if (p === undefined || params === undefined || query === undefined) return res;
    if (!mayRead(p, params.unit)) return reply(res, syncFailures.forbidden(`partition ${params.unit}`));
    const page = await store.changes(params.unit, query.since, query.limit, query.epoch, { withChecksum: query.checksum, ...(p.kind === 'kiosk' ? { kioskId: p.kioskId } : {}) });
    return page ?? reply(res, syncFailures.notFound(`partition ${params.unit}`));
  });

  app.get('/v1/partitions/:unit/wait', async (req, res) => {
    const p = await authed(req, res);
    const params = parse(unitParams, req.params, res);
    const query = parse(waitQuerySchema, req.query, res);
    if (p === undefined || params === undefined || query === undefined) return res;
    if (!mayRead(p, params.unit)) return reply(res, syncFailures.forbidden(`partition ${params.unit}`));
    const rev = await store.waitForChange(params.unit, query.since, query.timeoutMs);
    return rev === null ? reply(res, syncFailures.notFound(`partition ${params.unit}`)) : { rev, epoch: store.epoch };
  });

  app.post('/v1/partitions/:unit/compact', async (req, res) => {
    const p = await authed(req, res);
    const params = parse(unitParams, req.params, res);
    if (p === undefined || params === undefined) return res;
    if (p.kind === 'kiosk' || !mayRead(p, params.unit)) return reply(res, syncFailures.forbidden(`compaction of ${params.unit}`));
    return { horizonRev: await store.compact(params.unit) };
  });

  app.head('/v1/blobs/:hash', async (req, res) => {
    const p = await authed(req, res);
    const params = parse(hashParams, req.params, res);
    if (p === undefined || params === undefined) return res;
    const status = await store.blobStatus(params.hash);
    return res
      .code(status === null ? 404 : 200)
      .header('upload-offset', String(status?.offset ?? 0))
      .header('upload-complete', status?.complete === true ? '?1' : '?0')
      .send();
  });

  app.put('/v1/blobs/:hash', async (req, res) => {
    const p = await authed(req, res);
    const params = parse(hashParams, req.params, res);
    const headers = parse(chunkHeaders, req.headers, res);
    if (p === undefined || params === undefined || headers === undefined) return res;
    if (p.kind !== 'kiosk') return reply(res, syncFailures.forbidden('upload'));
    const data = req.body instanceof Uint8Array ? req.body : new Uint8Array(0);
    const put = await store.putChunk(params.hash, headers['upload-offset'], headers['upload-length'], data);
    if (put.ok) return res.header('upload-offset', String(put.value.offset)).send(put.value);
    return reply(res, put.error, put.error.held === undefined ? {} : { offset: put.error.held });
  });

  app.get('/v1/blobs/:hash', async (req, res) => {
    const p = await authed(req, res);
    const params = parse(hashParams, req.params, res);
    if (p === undefined || params === undefined) return res;
    const bytes = await store.readBlob(params.hash);
    if (bytes === null) return reply(res, syncFailures.notFound(`blob ${params.hash}`));
    return res.type('application/octet-stream').send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  });

  app.post('/v1/centers/:unit/tickets', async (req, res) => {
    const write = await ticketWrite(req, res, unitParams, issueTicketRequestSchema);
    if (write === undefined) return res;
    const { params, body } = write;
    const issued = await store.issueTicket(params.unit, body.fieldCode, body.priority, body.citizenId, body.requestId);
    return issued.ok ? issued.value : reply(res, issued.error);
  });

  app.post('/v1/centers/:unit/tickets/handovers', async (req, res) => {
    const write = await ticketWrite(req, res, unitParams, handOverTicketsRequestSchema);
    if (write === undefined) return res;
    const { kiosk, params, body } = write;
    return store.handOverTickets(params.unit, kiosk.slot, body.tickets);
  });

  app.post('/v1/centers/:unit/tickets/withdrawals', async (req, res) => {
    const write = await ticketWrite(req, res, unitParams, withdrawTicketsRequestSchema);
    if (write === undefined) return res;
    const { params, body } = write;
    return { withdrawn: await store.withdrawTickets(params.unit, body.requestIds) };
  });

  app.post('/v1/centers/:unit/tickets/next', async (req, res) => {
    const write = await ticketWrite(req, res, unitParams, callNextRequestSchema);
    if (write === undefined) return res;
    const { params, body } = write;
    const called = await store.callNext(params.unit, body.counterId, body.fieldCodes, body.requestId);
    return called.ok ? { ticket: called.value } : reply(res, called.error);
  });

  app.post('/v1/centers/:unit/tickets/:id/skip', async (req, res) => {
    const write = await ticketWrite(req, res, ticketParams, skipTicketRequestSchema, req.body ?? {});
    if (write === undefined) return res;
    const { params } = write;
    const settled = await store.settleTicket(params.unit, params.id, { kind: 'skip' });
    return settled.ok ? settled.value : reply(res, settled.error);
  });

  app.post('/v1/centers/:unit/tickets/:id/transfer', async (req, res) => {
    const write = await ticketWrite(req, res, ticketParams, transferTicketRequestSchema);
    if (write === undefined) return res;
    const { params, body } = write;
    const settled = await store.settleTicket(params.unit, params.id, { kind: 'transfer', toCounter: body.toCounter });
    return settled.ok ? settled.value : reply(res, settled.error);
  });

  // Read-only: the kiosks and displays of the Center, its admin and the province (operators' view).
  app.get('/v1/centers/:unit/queue', async (req, res) => {
    const p = await authed(req, res);
    const params = parse(unitParams, req.params, res);
    const query = parse(queueQuerySchema, req.query, res);
    if (p === undefined || params === undefined || query === undefined) return res;
    if (!mayRead(p, params.unit)) return reply(res, syncFailures.forbidden(`queue of ${params.unit}`));
    return store.queueSummary(params.unit, query.day);
  });

  app.post('/v1/centers/:unit/code-blocks', async (req, res) => {
    const p = await authed(req, res);
    const params = parse(unitParams, req.params, res);
    const body = parse(codeBlockRequestSchema, req.body, res);
    if (p === undefined || params === undefined || body === undefined) return res;
    if (p.kind !== 'kiosk' || p.unitId !== params.unit) return reply(res, syncFailures.forbidden(`code blocks of ${params.unit}`));
    const block = await store.leaseCodeBlock(p, body.day, body.size);
    return block.ok ? block.value : reply(res, block.error);
  });

  app.get('/v1/metrics', async (req, res) => {
    const p = await authed(req, res);
    if (p === undefined) return res;
    if (p.kind === 'kiosk') return reply(res, syncFailures.forbidden('metrics'));
    return store.metrics(p.kind === 'province' ? undefined : p.unitId);
  });

  registerCitizenDocumentRoutes(app, store.citizenDocuments, { authed, parse, reply, readBlob: store.readBlob });

  return app;
}
