import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { get as httpGet } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createKioskHost, type KioskHost } from '../services/kiosk-host';
import { apiPath, startWebHost, type RunningWebHost } from './server';

let dir: string;
let running: RunningWebHost;
let host: KioskHost;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-webhost-'));
  await mkdir(join(dir, 'renderer'));
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><title>MotCua</title>');
  host = await createKioskHost({ dataDir: dir, mode: 'web' });
  running = await startWebHost({ host, rendererDir: join(dir, 'renderer') });
});
afterAll(async () => {
  await running.close();
  await host.close();
  await rm(dir, { recursive: true, force: true });
});

const upgrade = (headers: Record<string, string>) =>
  new Promise<'open' | number>((resolve) => {
    const socket = new WebSocket(`ws://127.0.0.1:${running.port}${apiPath}`, { headers });
    socket.on('open', () => {
      socket.close();
      resolve('open');
    });
    socket.on('unexpected-response', (request, response) => {
      resolve(response.statusCode ?? 0);
      request.destroy();
    });
    socket.on('error', () => undefined);
  });

describe('web host', () => {
  it('serves the renderer with a strict content security policy', async () => {
    const response = await fetch(running.url);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('MotCua');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('serves the app for client-side routes', async () => {
    const response = await fetch(`${running.url}settings`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('MotCua');
  });

  it('accepts the API socket from its own origin', async () => {
    expect(await upgrade({ origin: `http://127.0.0.1:${running.port}` })).toBe('open');
    expect(await upgrade({ origin: `http://localhost:${running.port}` })).toBe('open');
  });

  it('refuses the API socket from another origin', async () => {
    expect(await upgrade({ origin: 'http://evil.example' })).toBe(403);
    expect(await upgrade({ origin: `http://127.0.0.1:${running.port + 1}` })).toBe(403);
  });

  it('refuses requests for a foreign host name (DNS rebinding)', async () => {
    expect(await upgrade({ host: `evil.example:${running.port}`, origin: `http://evil.example:${running.port}` })).toBe(403);
    const status = await new Promise<number>((resolve, reject) => {
      const request = httpGet({ host: '127.0.0.1', port: running.port, path: '/', headers: { host: `evil.example:${running.port}` } }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      });
      request.on('error', reject);
    });
    expect(status).toBe(421);
  });
});
