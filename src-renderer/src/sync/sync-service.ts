import { liveQuery } from 'dexie';
import { create } from 'zustand';
import { createLogger } from '../../../src-shared/log';
import { createSyncEngine, type SyncCredentials, type SyncEngine, type SyncStatus } from '../../../src-shared/sync/engine';
import { enrollKiosk } from '../../../src-shared/sync/enroll';
import type { HttpRequest, HttpResponse, Transport } from '../../../src-shared/sync/http';
import type { EnrollResponse } from '../../../src-shared/sync/protocol';
import type { Failure, Result } from '../../../src-shared/result';
import type { Settings } from '../../../src-shared/api/settings';
import type { KioskApi } from '../../../src-shared/api/contract';
import type { MotCuaDb } from '../store';
import { kioskIdOf } from '../app/records';
import { createDexieSyncStore } from './dexie-sync-store';
import { topUpCodeLeases } from './code-leases';
import { createCenterClient } from '../../../src-shared/sync/center-client';
import { ticketsRepositoryFor } from '../app/tickets';
import { settleOutageTickets } from '../queue/center-queue';

const log = createLogger('renderer/sync');

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The engine's transport, through the host (`sync.relay`): the page may only talk to its own host (CSP), and the
 * host only to the configured sync server. A call the host could not make throws, which the engine counts as "no
 * answer" and retries with backoff.
 */
export function relayTransport(api: KioskApi): Transport {
  return async (url: string, request: HttpRequest): Promise<HttpResponse> => {
    const body = request.body === undefined ? {} : typeof request.body === 'string' ? { bodyText: request.body } : { bodyBase64: base64Of(request.body) };
    const answer = await api.call('sync.relay', { url, method: request.method, headers: { ...request.headers }, ...body });
    if (!answer.ok) throw new Error(answer.error.messageEn);
    const { status, headers, bodyText } = answer.value;
    return { status, headers: { get: (name: string) => headers[name.toLowerCase()] ?? null }, json: () => Promise.resolve(JSON.parse(bodyText) as unknown) };
  };
}

type SyncState = { readonly engine: SyncEngine | undefined; readonly status: SyncStatus | undefined };

/** The sync status for the shell: updated by the engine, read by the badge and the technician panel. */
export const useSyncStore = create<SyncState>()(() => ({ engine: undefined, status: undefined }));

/** The Center's server as the settings name it, or null when this kiosk is not enrolled. */
export function syncCredentialsOf(s: Settings | undefined): SyncCredentials | null {
  if (s?.syncServerUrl === undefined || s.kioskToken === undefined) return null;
  return { baseUrl: s.syncServerUrl.replace(/\/+$/, ''), token: s.kioskToken, unitId: s.centerUnitId };
}

/** Enrolled with a sync server: it has both the server's address and its own credential. */
export const syncConfigured = (settings: Settings | undefined): boolean => syncCredentialsOf(settings) !== null;

/**
 * Starts the background engine once per page. It reads the settings at every round (a new server or credential
 * takes effect on the next round) and never blocks the counter: local writes only ask it to sync soon.
 */
export function ensureSyncEngine(api: KioskApi, db: MotCuaDb, settings: () => Settings | undefined): SyncEngine {
  const existing = useSyncStore.getState().engine;
  if (existing !== undefined) return existing;
  const credentials = () => syncCredentialsOf(settings());
  const engine = createSyncEngine({
    credentials,
    transport: relayTransport(api),
    store: createDexieSyncStore(db),
    clock: { now: () => Date.now(), sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) },
    random: Math.random,
  });
  // After each successful round, keep some of today's record numbers leased from the Center (code-leases.ts).
  const center = createCenterClient(relayTransport(api), credentials);
  let lastTopUp: number | null = null;
  engine.subscribe((status) => {
    useSyncStore.setState({ status });
    if (status.lastSuccessAt === null || status.lastSuccessAt === lastTopUp) return;
    lastTopUp = status.lastSuccessAt;
    void topUpCodeLeases(db, (day, size) => center.leaseCodeBlock(day, size), Date.now).then((held) => {
      if (!held.ok) log.warn('record numbers not leased', { code: held.error.code });
    });
    // The Center answers again: this kiosk's tickets of the outage go to its queue, given-up requests come back.
    const current = settings();
    if (current !== undefined) void settleOutageTickets(ticketsRepositoryFor(db, current), center);
  });
  useSyncStore.setState({ engine, status: engine.status() });
  engine.start();
  // Every local write adds an outbox row: push it now instead of at the end of the long poll. The counter's write
  // has already committed; this only wakes the background loop.
  liveQuery(() => db.outbox.orderBy('mutationId').last()).subscribe({ next: () => engine.requestSync(), error: () => undefined });
  log.info('sync engine started');
  return engine;
}

/** The technician's enrollment: a one-time code from the Center admin → this kiosk's credential, unit and slot. */
export async function enrollThisKiosk(
  api: KioskApi,
  db: MotCuaDb,
  serverUrl: string,
  code: string,
  save: (patch: Partial<Settings>) => Promise<Failure | undefined>,
): Promise<Result<EnrollResponse, Failure>> {
  const id = await kioskIdOf(db);
  const baseUrl = serverUrl.trim().replace(/\/+$/, '');
  const enrolled = await enrollKiosk(relayTransport(api), baseUrl, code.trim(), id);
  if (!enrolled.ok) return enrolled;
  const failure = await save({ syncServerUrl: baseUrl, kioskToken: enrolled.value.token, centerUnitId: enrolled.value.unitId, kioskSlot: enrolled.value.kioskSlot });
  if (failure !== undefined) return { ok: false, error: failure };
  useSyncStore.getState().engine?.requestSync();
  return enrolled;
}
