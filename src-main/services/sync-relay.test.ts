import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relaySyncCall } from './sync-relay';

type Seen = { method: string | undefined; url: string | undefined; headers: IncomingHttpHeaders; body: Buffer };
let server: Server;
let origin: string;
let seen: Seen[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({ method: request.method, url: request.url, headers: request.headers, body: Buffer.concat(chunks) });
      response.writeHead(request.url === '/missing' ? 404 : 200, { 'content-type': 'application/json', 'x-motcua': 'yes' });
      response.end(JSON.stringify({ echoed: chunks.length }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const configured = () => ({ url: origin, token: 'k'.repeat(40), mayEnroll: true });

describe('the host relays sync calls only to the configured server', () => {
  it('passes status, headers and body through, and sends the credential the host holds', async () => {
    seen = [];
    const answer = await relaySyncCall({ url: `${origin}/v1/push`, method: 'POST', headers: { authorization: 'Bearer forged', 'content-type': 'application/json' }, bodyText: '{"a":1}' }, configured());
    expect(answer.ok && answer.value.status).toBe(200);
    expect(answer.ok && answer.value.headers['x-motcua']).toBe('yes');
    expect(answer.ok && JSON.parse(answer.value.bodyText)).toEqual({ echoed: 1 });
    expect(seen[0]?.headers.authorization).toBe(`Bearer ${'k'.repeat(40)}`);
    expect(seen[0]?.body.toString()).toBe('{"a":1}');
  });

  it('sends binary chunks from base64 byte for byte, and passes a 404 through as a status', async () => {
    seen = [];
    const bytes = Buffer.from([0, 255, 1, 254, 37]);
    await relaySyncCall({ url: `${origin}/v1/blobs/x`, method: 'PUT', headers: {}, bodyBase64: bytes.toString('base64') }, configured());
    expect(seen[0]?.body.equals(bytes)).toBe(true);
    const missing = await relaySyncCall({ url: `${origin}/missing`, method: 'GET', headers: {} }, configured());
    expect(missing.ok && missing.value.status).toBe(404);
  });

  it('refuses any other address, in both languages', async () => {
    const answer = await relaySyncCall({ url: 'http://127.0.0.1:1/v1/push', method: 'POST', headers: {} }, configured());
    expect(!answer.ok && [answer.error.code, answer.error.message.length > 0, answer.error.messageEn.length > 0]).toEqual(['sync.relay-refused', true, true]);
    const none = await relaySyncCall({ url: `${origin}/v1/push`, method: 'POST', headers: {} }, { url: undefined, token: undefined, mayEnroll: true });
    expect(!none.ok && none.error.code).toBe('sync.relay-refused');
  });

  it('lets a technician enroll with a server not yet configured, but never a self-service point', async () => {
    seen = [];
    const enroll = { url: `${origin}/v1/enroll`, method: 'POST' as const, headers: { authorization: 'Bearer x' }, bodyText: '{}' };
    const technician = await relaySyncCall(enroll, { url: undefined, token: undefined, mayEnroll: true });
    expect(technician.ok && technician.value.status).toBe(200);
    expect(seen[0]?.headers.authorization).toBe('Bearer x');
    const selfService = await relaySyncCall(enroll, { url: undefined, token: undefined, mayEnroll: false });
    expect(!selfService.ok && selfService.error.code).toBe('sync.relay-refused');
  });

  it('answers an unreachable server as a result the engine retries, not a throw', async () => {
    const closed = await new Promise<string>((resolve) => {
      const probe = createServer();
      probe.listen(0, '127.0.0.1', () => {
        const url = `http://127.0.0.1:${(probe.address() as AddressInfo).port}`;
        probe.close(() => resolve(url));
      });
    });
    const answer = await relaySyncCall({ url: `${closed}/v1/state`, method: 'GET', headers: {} }, { url: closed, token: undefined, mayEnroll: false });
    expect(!answer.ok && answer.error.code).toBe('sync.relay-unreachable');
  });
});
