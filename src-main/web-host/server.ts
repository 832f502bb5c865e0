import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import Fastify, { type FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { maxMessageBytes } from '../../src-shared/api/wire';
import type { KioskHost } from '../services/kiosk-host';
import { serveApiSocket } from './api-socket';
import { loopbackPolicy, mayConnect, type OriginPolicy } from './origin-policy';
import { securityHeaders } from './security-headers';

export type WebHostOptions = {
  readonly host: KioskHost;
  /** The built renderer (vite's output). */
  readonly rendererDir: string;
  readonly listenHost?: string;
  readonly port?: number;
  /** Origins besides the host's own loopback ones, e.g. a queue display on the Center's LAN. */
  readonly extraOrigins?: readonly string[];
};

export type RunningWebHost = { readonly url: string; readonly port: number; close(): Promise<void> };

export const apiPath = '/api';

/** Serves the renderer and the kiosk API over WebSocket; loopback only unless told otherwise. */
export async function startWebHost(options: WebHostOptions): Promise<RunningWebHost> {
  const app: FastifyInstance = Fastify({ logger: false, bodyLimit: 1024 * 1024, forceCloseConnections: true });
  let policy: OriginPolicy = loopbackPolicy(0);

  app.addHook('onRequest', async (request, reply) => {
    for (const [name, value] of Object.entries(securityHeaders)) void reply.header(name, value);
    // A DNS-rebinding page arrives with a foreign Host header: refuse it before anything is served.
    // (Socket upgrades are checked by the API route itself, which answers them properly.)
    if (request.headers.upgrade === undefined && !policy.allowedHosts.has(request.headers.host ?? '')) {
      return reply.code(421).type('text/plain; charset=utf-8').send('Máy chủ không hợp lệ / Misdirected request');
    }
    return undefined;
  });

  await app.register(fastifyWebsocket, { options: { maxPayload: maxMessageBytes } });
  app.get(apiPath, {
    websocket: true,
    preValidation: async (request, reply) => {
      if (!mayConnect(policy, request.headers.origin, request.headers.host, request.socket.remoteAddress)) {
        return reply.code(403).type('text/plain; charset=utf-8').send('Nguồn không được phép / Origin not allowed');
      }
      return undefined;
    },
  }, (socket) => serveApiSocket(socket, options.host));

  if (existsSync(join(options.rendererDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: options.rendererDir, index: 'index.html' });
    // The renderer routes on the client; any other page path gets the app.
    app.setNotFoundHandler((request, reply) => (request.method === 'GET' ? reply.sendFile('index.html') : reply.code(404).send()));
  } else {
    app.get('/', async (_request, reply) =>
      reply.type('text/plain; charset=utf-8').send('Giao diện chưa được build: chạy "npm run build". / The renderer is not built: run "npm run build".'),
    );
  }

  await app.listen({ host: options.listenHost ?? '127.0.0.1', port: options.port ?? 0 });
  const port = (app.server.address() as AddressInfo).port;
  policy = options.listenHost !== undefined && options.listenHost !== '127.0.0.1'
    ? widen(loopbackPolicy(port, options.extraOrigins), options.listenHost, port)
    : loopbackPolicy(port, options.extraOrigins);
  return { url: `http://127.0.0.1:${port}/`, port, close: () => app.close() };
}

/** Listening on a LAN address: that address (and its origin) is allowed too, nothing else. */
function widen(base: OriginPolicy, listenHost: string, port: number): OriginPolicy {
  const host = `${listenHost}:${port}`;
  return { allowedHosts: new Set([...base.allowedHosts, host]), allowedOrigins: new Set([...base.allowedOrigins, `http://${host}`]) };
}
