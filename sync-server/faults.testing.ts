import type { FastifyInstance } from 'fastify';
import type { HttpRequest, HttpResponse, Transport } from '../src-shared/sync/http';
import { injectTransport } from './harness.testing';

/**
 * What the line or the server does to the next call: nothing, cut (no answer), a 5xx before anything happened,
 * the answer lost after the server committed (a timeout), or the request delivered twice.
 */
export type Fault = 'none' | 'down' | 'server-error' | 'lost-reply' | 'duplicate';

export type FaultyLine = {
  readonly transport: Transport;
  /** Applies `fault` to the next `calls` calls (Infinity: until changed). */
  set(fault: Fault, calls?: number): void;
  /** Runs once, just before the next pull request reaches the server (a local write racing the sync). */
  beforeNextPull(action: () => Promise<void>): void;
  /** Push bodies sent so far, to replay one late and out of order. */
  readonly sentPushes: string[];
};

export function faultyLine(app: () => FastifyInstance): FaultyLine {
  const inner = injectTransport(app);
  let fault: Fault = 'none';
  let left = 0;
  const sentPushes: string[] = [];
  let onPull: (() => Promise<void>) | null = null;
  const transport = async (url: string, request: HttpRequest): Promise<HttpResponse> => {
    const now: Fault = left > 0 ? fault : 'none';
    if (left > 0) left -= 1;
    if (url.endsWith('/v1/push') && typeof request.body === 'string') sentPushes.push(request.body);
    if (url.includes('/changes') && onPull !== null) {
      const action = onPull;
      onPull = null;
      await action();
    }
    switch (now) {
      case 'none':
        return inner(url, request);
      case 'down':
        throw new Error('ECONNREFUSED');
      case 'server-error':
        return { status: 503, headers: { get: () => null }, json: async () => ({}) };
      case 'lost-reply':
        await inner(url, request);
        throw new Error('timeout');
      case 'duplicate':
        await inner(url, request);
        return inner(url, request);
    }
  };
  return {
    transport,
    set(next, calls = Number.POSITIVE_INFINITY) {
      fault = next;
      left = calls;
    },
    beforeNextPull(action) {
      onPull = action;
    },
    sentPushes,
  };
}
