import type { KioskApi } from '../../../src-shared/api/contract';
import type { Settings } from '../../../src-shared/api/settings';
import { createCenterClient, type CenterClient } from '../../../src-shared/sync/center-client';
import type { Transport } from '../../../src-shared/sync/http';
import { ticketsRepositoryFor } from '../app/tickets';
import type { MotCuaDb } from '../store';
import { relayTransport, syncConfigured, syncCredentialsOf } from '../sync/sync-service';
import { createCenterQueue, type CenterQueue } from './center-queue';

/**
 * How long a counter or a citizen waits for the Center before the kiosk's own queue takes over. The relay's own
 * limit (30 s) is made for the sync engine's long poll; a ticket must not wait for it.
 */
export const centerTimeoutMs = 2500;

/** A transport that gives up after `ms`: the late answer is dropped, the caller sees "no answer" (status 0). */
export function withDeadline(transport: Transport, ms: number): Transport {
  return (url, request) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      transport(url, request).then(
        (response) => {
          clearTimeout(timer);
          resolve(response);
        },
        (error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    });
}

/** The Center's client through the host relay, or undefined when this kiosk is not enrolled. */
export function centerClientFor(api: KioskApi | undefined, settings: () => Settings | undefined): CenterClient | undefined {
  if (api === undefined || !syncConfigured(settings())) return undefined;
  return createCenterClient(withDeadline(relayTransport(api), centerTimeoutMs), () => syncCredentialsOf(settings()));
}

/** The queue a screen uses: the Center's while it answers, this kiosk's tickets table otherwise. */
export function centerQueueFor(db: MotCuaDb, api: KioskApi | undefined, settings: Settings, fieldName: (code: string) => string | undefined): CenterQueue {
  return createCenterQueue({
    local: ticketsRepositoryFor(db, settings),
    center: centerClientFor(api, () => settings),
    now: () => Date.now(),
    fieldName,
  });
}
