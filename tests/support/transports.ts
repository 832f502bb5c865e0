import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { KioskApi } from '../../src-shared/api/contract';
import { createWsClient, type SocketLike } from '../../src-shared/api/ws-client';
import { buildBridge } from '../../src-main/electron/bridge';
import { forwardEvents, registerKioskIpc } from '../../src-main/electron/ipc';
import { isAppUrl } from '../../src-main/electron/hardening';
import { createKioskHost, type KioskHost } from '../../src-main/services/kiosk-host';
import { apiPath, startWebHost } from '../../src-main/web-host/server';
import { createFakeElectronIpc } from './fake-electron-ipc';

/** A host and a renderer-side client joined by one transport, plus a raw send for malformed messages. */
export type ConnectedKiosk = {
  readonly api: KioskApi;
  readonly host: KioskHost;
  readonly dataDir: string;
  /** Sends something no typed client would: used to prove bad input never crashes the host. */
  sendRaw(method: unknown, input: unknown): Promise<unknown>;
  close(): Promise<void>;
};

export type TransportFactory = { readonly name: string; connect(dataDir?: string): Promise<ConnectedKiosk> };

const freshDataDir = () => mkdtemp(join(tmpdir(), 'motcua-test-'));

export const electronTransport: TransportFactory = {
  name: 'electron-ipc (faithful fake)',
  async connect(dataDir) {
    const dir = dataDir ?? (await freshDataDir());
    const host = await createKioskHost({ dataDir: dir, mode: 'electron', electronVersion: 'fake' });
    const fake = createFakeElectronIpc();
    const unregister = registerKioskIpc(fake.ipcMain, host, isAppUrl);
    const stopEvents = forwardEvents(host, fake.webContents);
    return {
      api: buildBridge(fake.ipcRenderer),
      host,
      dataDir: dir,
      sendRaw: (method, input) => fake.ipcRenderer.invoke('motcua:call', method, input),
      async close() {
        stopEvents();
        unregister();
        await host.close();
        if (dataDir === undefined) await rm(dir, { recursive: true, force: true });
      },
    };
  },
};

export const webSocketTransport: TransportFactory = {
  name: 'websocket (web host)',
  async connect(dataDir) {
    const dir = dataDir ?? (await freshDataDir());
    const host = await createKioskHost({ dataDir: dir, mode: 'web' });
    const running = await startWebHost({ host, rendererDir: join(dir, 'no-renderer') });
    const url = `ws://127.0.0.1:${running.port}${apiPath}`;
    const origin = `http://127.0.0.1:${running.port}`;
    const client = createWsClient({
      connect: () => new WebSocket(url, { origin }) as unknown as SocketLike,
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
      callTimeoutMs: 5_000,
    });
    const raw = new WebSocket(url, { origin });
    await new Promise((resolve, reject) => {
      raw.once('open', resolve);
      raw.once('error', reject);
    });
    let rawId = 1_000_000;
    return {
      api: client,
      host,
      dataDir: dir,
      sendRaw: (method, input) =>
        new Promise((resolve) => {
          const id = rawId++;
          const onMessage = (data: WebSocket.RawData) => {
            const message = JSON.parse((data as Buffer).toString('utf8')) as { t: string; id?: number; result?: unknown };
            if (message.t === 'result' && message.id === id) {
              raw.off('message', onMessage);
              resolve(message.result);
            }
          };
          raw.on('message', onMessage);
          raw.send(JSON.stringify({ t: 'call', id, method, input }));
        }),
      async close() {
        client.close();
        raw.close();
        await running.close();
        await host.close();
        if (dataDir === undefined) await rm(dir, { recursive: true, force: true });
      },
    };
  },
};

export const transports: readonly TransportFactory[] = [electronTransport, webSocketTransport];
