import { afterAll, beforeAll } from 'vitest';
/**
 * Test support (`.testing`: never imported by the server itself): storages, an in-process server, a fault-injecting
 * transport for the client engine, and enrollment in one call.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import type { HttpRequest, HttpResponse, Transport } from '../src-shared/sync/http';
import { enrollResponseSchema, enrollmentCodeSchema, paths, pushResponseSchema, type EnrollResponse, type PushedMutation, type PushResponse } from '../src-shared/sync/protocol';
import { buildApp } from './app';
import type { Database } from './db/database';
import { openStorage } from './storage';
import { createSyncStore, type SyncStore } from './sync-store';

export type StorageKind = 'pglite' | 'postgres';

let postgresUrl: string | null | undefined;

/** Starts the test cluster once (scripts/start-postgres.sh); null when PostgreSQL is not installed here. */
export function testPostgresUrl(): string | null {
  if (postgresUrl !== undefined) return postgresUrl;
  try {
    postgresUrl = execFileSync('sh', [join(import.meta.dirname, '../scripts/start-postgres.sh')], { stdio: 'pipe', timeout: 60_000 }).toString().trim();
  } catch (error) {
    const status = typeof error === 'object' && error !== null && 'status' in error ? (error).status : undefined;
    if (status === 3) postgresUrl = null;
    else throw error;
  }
  return postgresUrl;
}

/** The storages every suite runs against; PostgreSQL only where its binaries are installed. */
export const storageKinds: readonly StorageKind[] = ['pglite', 'postgres'];
export const postgresMissing = (): boolean => testPostgresUrl() === null;

/** A database of its own per suite, so suites running in parallel never see each other's rows. */
export async function freshPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = testPostgresUrl();
  if (base === null) throw new Error('PostgreSQL is not installed');
  const name = `motcua_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = base.replace(/\/motcua_test$/, `/${name}`);
  return {
    url,
    drop: async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export type Harness = {
  readonly app: FastifyInstance;
  readonly store: SyncStore;
  readonly db: Database;
  adminTokenFor(unit: string): string;
  readonly provinceToken: string;
  /** Unit ids this harness's admin token may enroll into. */
  readonly units: readonly string[];
  close(): Promise<void>;
};

/** One admin token per Center, as in production. */
export const adminTokenFor = (unit: string): string => `admin-token-for-tests-${unit}`;
export const provinceToken = 'province-token-for-tests-0123456789';

/** Units the admin token administers: each test takes fresh ones, so one database serves a whole file. */
export const testUnits = Array.from({ length: 200 }, (_, i) => `000.00.${String(i).padStart(2, '0')}.H55`);

export async function openHarness(
  kind: StorageKind,
  options: { readonly url?: string; readonly dataDir?: string; readonly now?: () => number } = {},
): Promise<Harness> {
  const db = await openStorage(kind === 'postgres' ? { kind, url: options.url ?? '' } : { kind, ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }) });
  const store = await createSyncStore(db, { now: options.now ?? Date.now });
  const adminTokens = Object.fromEntries(testUnits.map((u) => [u, adminTokenFor(u)]));
  const app = buildApp(store, { adminTokens, provinceToken });
  await app.ready();
  return {
    app,
    store,
    db,
    adminTokenFor,
    provinceToken,
    units: testUnits,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

/**
 * One harness per test file and storage, opened before its tests and closed after: on PostgreSQL in a fresh
 * database of its own (nothing is opened when PostgreSQL is missing; such tests are skipped with `postgresSkipped`).
 * Read its fields inside tests.
 */
export function useHarness(kind: StorageKind, options: { readonly now?: () => number } = {}): Harness {
  let opened: Harness | undefined;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    if (kind === 'pglite') {
      opened = await openHarness(kind, options);
    } else if (!postgresMissing()) {
      const fresh = await freshPostgresDatabase();
      drop = fresh.drop;
      opened = await openHarness(kind, { ...options, url: fresh.url });
    }
  }, 60_000);
  afterAll(async () => {
    await opened?.close();
    await drop?.();
  });
  const get = (): Harness => {
    if (opened === undefined) throw new Error('the harness is not open: PostgreSQL is missing, or it was read outside a test');
    return opened;
  };
  return {
    get app() {
      return get().app;
    },
    get store() {
      return get().store;
    },
    get db() {
      return get().db;
    },
    adminTokenFor,
    provinceToken,
    units: testUnits,
    close: () => get().close(),
  };
}

/** Tests of a storage that is not here: PostgreSQL without its binaries (CI installs them, so never there). */
export const postgresSkipped = (kind: StorageKind): boolean => kind === 'postgres' && postgresMissing();

/** One push of a kiosk's mutations over the real routes; the answer must be 200 and a well-formed push response. */
export async function pushVia(app: FastifyInstance, token: string, mutations: readonly PushedMutation[]): Promise<PushResponse> {
  const res = await app.inject({ method: 'POST', url: paths.push, headers: bearer(token), payload: { mutations, pending: { count: mutations.length, oldestCreatedAt: mutations[0]?.createdAt ?? null } } });
  if (res.statusCode !== 200) throw new Error(`push answered ${res.statusCode}: ${res.body}`);
  return pushResponseSchema.parse(res.json());
}

/** The header of a request made with a token. */
export const bearer = (token: string): { authorization: string } => ({ authorization: `Bearer ${token}` });

/** The engine's transport over Fastify's inject (no socket): the real routes, parsers and error handler. */
export function injectTransport(app: () => FastifyInstance): Transport {
  return async (url: string, request: HttpRequest): Promise<HttpResponse> => {
    const response = await app().inject({
      method: request.method,
      url: url.replace(/^https?:\/\/[^/]+/, ''),
      headers: request.headers,
      ...(request.body === undefined ? {} : { payload: typeof request.body === 'string' ? request.body : Buffer.from(request.body) }),
    });
    return {
      status: response.statusCode,
      headers: { get: (name: string) => {
        const v = response.headers[name.toLowerCase()];
        return v === undefined ? null : String(v);
      } },
      json: async () => (response.body === '' ? null : JSON.parse(response.body)) as unknown,
    };
  };
}

export async function enrollVia(app: FastifyInstance, unitId: string, kioskId: string): Promise<EnrollResponse> {
  const created = await app.inject({
    method: 'POST',
    url: `/v1/centers/${unitId}/enrollment-codes`,
    headers: { authorization: `Bearer ${adminTokenFor(unitId)}` },
    payload: {},
  });
  const code = enrollmentCodeSchema.parse(created.json());
  const enrolled = await app.inject({ method: 'POST', url: '/v1/enroll', payload: { code: code.code, kioskId } });
  return enrollResponseSchema.parse(enrolled.json());
}

let unitCursor = 0;
/** A unit no other test in this process has used (tests share one database per file). */
export function nextUnit(): string {
  const unit = testUnits[unitCursor % testUnits.length] ?? '000.00.00.H55';
  unitCursor += 1;
  return unit;
}
