import { slowMethodTimeoutsMs, type KioskApi } from '../../../src-shared/api/contract';
import { createWsClient, type ConnectionState, type SocketLike } from '../../../src-shared/api/ws-client';

declare global {
  // Set by the Electron preload (contextBridge); absent in a browser served by the web host.
  var motcua: KioskApi | undefined;
}

export type KioskConnection = { readonly api: KioskApi; readonly transport: 'electron-ipc' | 'websocket' };

/** Picks the transport: Electron's bridge when present, else the web host's socket on the page's own host. */
export function connectKiosk(onState: (state: ConnectionState) => void): KioskConnection {
  if (globalThis.motcua) {
    onState('open');
    return { api: globalThis.motcua, transport: 'electron-ipc' };
  }
  const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
  const url = `${scheme}://${window.location.host}/api`;
  const api = createWsClient({
    connect: () => new WebSocket(url) as unknown as SocketLike,
    setTimer: (fn, ms) => window.setTimeout(fn, ms),
    clearTimer: (handle) => window.clearTimeout(handle as number),
    onStateChange: onState,
    timeoutFor: (method) => slowMethodTimeoutsMs[method],
  });
  return { api, transport: 'websocket' };
}
