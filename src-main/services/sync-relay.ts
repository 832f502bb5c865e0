import type { SyncRelayRequest, SyncRelayResponse } from '../../src-shared/api/sync-relay';
import { err, failure, ok, type Failure, type Result } from '../../src-shared/result';

/** Longer than the sync engine's long poll (15 s), so a held `/wait` answers before the relay gives up. */
const relayTimeoutMs = 30_000;
const enrollPath = '/v1/enroll';

export const syncRelayFailures = {
  notTheSyncServer: (url: string): Failure =>
    failure('sync.relay-refused', `Chỉ được gọi máy chủ đồng bộ đã cấu hình, không phải "${url}".`, `Only the configured sync server may be called, not "${url}".`, 'url'),
  unreachable: (detail: string): Failure =>
    failure('sync.relay-unreachable', `Không kết nối được máy chủ đồng bộ: ${detail}`, `The sync server could not be reached: ${detail}`),
};

/** The configured server and credential (from the host's settings), and whether this host may enroll a new one. */
export type SyncServerAccess = { readonly url: string | undefined; readonly token: string | undefined; readonly mayEnroll: boolean };

const withoutAuthorization = (headers: Readonly<Record<string, string>>): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'authorization'));

/**
 * The host's side of `sync.relay`: the call goes out only to the configured server's origin, or to `/v1/enroll`
 * of the server a technician is enrolling this kiosk with (the only call made before a server is configured; never
 * from a self-service point).
 * A failed connection is a result (status 0 for the engine to retry), never a throw.
 */
export async function relaySyncCall(request: SyncRelayRequest, server: SyncServerAccess): Promise<Result<SyncRelayResponse, Failure>> {
  const target = new URL(request.url);
  const toConfigured = server.url !== undefined && new URL(server.url).origin === target.origin;
  const allowed = toConfigured || (server.mayEnroll && target.pathname === enrollPath);
  if (!allowed) return err(syncRelayFailures.notTheSyncServer(request.url));
  const body = request.bodyBase64 !== undefined ? Buffer.from(request.bodyBase64, 'base64') : request.bodyText;
  // The host holds the kiosk's credential: whatever the page sent, the configured server gets the real token.
  const outgoing = toConfigured && server.token !== undefined ? { ...withoutAuthorization(request.headers), authorization: `Bearer ${server.token}` } : request.headers;
  try {
    const response = await fetch(target, { method: request.method, headers: outgoing, ...(body === undefined ? {} : { body }), signal: AbortSignal.timeout(relayTimeoutMs) });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      headers[name] = value;
    });
    return ok({ status: response.status, headers, bodyText: request.method === 'HEAD' ? '' : await response.text() });
  } catch (cause: unknown) {
    return err(syncRelayFailures.unreachable(cause instanceof Error ? cause.message : String(cause)));
  }
}
