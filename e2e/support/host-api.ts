import WebSocket from 'ws';
import { slowMethodTimeoutsMs, type KioskApi } from '../../src-shared/api/contract';
import { createWsClient, type SocketLike, type WsKioskApi } from '../../src-shared/api/ws-client';

/**
 * The kiosk API of a running web host, from the test process: what a device would do on its own (a card tapped
 * on the reader, a scanner finishing) is driven through the host's simulator methods, the way the kiosk sees it.
 */
export function connectHostApi(pageUrl: string): WsKioskApi & KioskApi {
  const url = new URL('/api', pageUrl.replace(/^http/, 'ws')).toString();
  const origin = new URL(pageUrl).origin;
  return createWsClient({
    connect: () => new WebSocket(url, { origin }) as unknown as SocketLike,
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
    callTimeoutMs: 20_000,
    timeoutFor: (method) => slowMethodTimeoutsMs[method],
  });
}
