import { createLogger } from '../log';
import { err, type Result } from '../result';
import type { KioskApi } from './contract';
import { apiFailures } from './errors';
import { hostMessageSchema } from './wire';

const log = createLogger('api.ws-client');

/** The part of the WebSocket API we use: the browser's and the `ws` package's both fit. */
export type SocketLike = {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  onopen: ((event: unknown) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
};

export type ConnectionState = 'connecting' | 'open' | 'closed';

export type WsClientOptions = {
  readonly connect: () => SocketLike;
  readonly callTimeoutMs?: number;
  /** A longer wait for the methods that drive slow devices (a scan with OCR, a card read): see `slowMethodTimeoutsMs`. */
  readonly timeoutFor?: (method: string) => number | undefined;
  readonly reconnectDelayMs?: (attempt: number) => number;
  /** Timers come from the host environment (src-shared has no timer globals): pass window's or Node's. */
  readonly setTimer: (fn: () => void, ms: number) => unknown;
  readonly clearTimer: (handle: unknown) => void;
  readonly onStateChange?: (state: ConnectionState) => void;
};

export type WsKioskApi = KioskApi & { readonly state: () => ConnectionState; readonly close: () => void };

type Pending = { resolve: (result: Result<unknown>) => void; timer: unknown; method: string };

const OPEN = 1;

/**
 * The renderer's side of the web transport. Calls made while the socket is (re)connecting are queued and sent
 * on open; calls in flight when the socket drops fail with `api.transport-closed` (the caller decides to retry:
 * a receipt print must never be sent twice blindly).
 */
export function createWsClient(options: WsClientOptions): WsKioskApi {
  const { setTimer, clearTimer } = options;
  const backoff = options.reconnectDelayMs ?? ((attempt) => Math.min(5000, 250 * 2 ** attempt));
  const callTimeoutMs = options.callTimeoutMs ?? 30_000;
  const pending = new Map<number, Pending>();
  const queued: string[] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let attempt = 0;
  let closedByUser = false;
  let state: ConnectionState = 'connecting';
  let socket: SocketLike;

  const setState = (next: ConnectionState) => {
    if (state === next) return;
    state = next;
    options.onStateChange?.(next);
  };

  const settle = (id: number, result: Result<unknown>) => {
    const entry = pending.get(id);
    if (!entry) return;
    pending.delete(id);
    clearTimer(entry.timer);
    entry.resolve(result);
  };

  const onMessage = (data: unknown) => {
    if (typeof data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      log.warn('host sent a frame that is not JSON');
      return;
    }
    const message = hostMessageSchema.safeParse(json);
    if (!message.success) {
      log.warn('host sent a frame outside the protocol');
      return;
    }
    if (message.data.t === 'result') {
      settle(message.data.id, message.data.result);
    } else {
      const set = listeners.get(message.data.event);
      if (set) for (const listener of [...set]) listener(message.data.payload);
    }
  };

  const open = () => {
    setState('connecting');
    socket = options.connect();
    socket.onopen = () => {
      attempt = 0;
      setState('open');
      for (const frame of queued.splice(0)) socket.send(frame);
    };
    socket.onmessage = (event) => onMessage(event.data);
    socket.onerror = () => undefined; // onclose follows and carries the recovery
    socket.onclose = () => {
      for (const id of [...pending.keys()]) settle(id, err(apiFailures.transportClosed()));
      queued.length = 0;
      setState('closed');
      if (!closedByUser) setTimer(open, backoff(attempt++));
    };
  };
  open();

  const call = (method: string, input: unknown) =>
    new Promise<Result<unknown>>((resolve) => {
      const id = nextId++;
      const timer = setTimer(() => settle(id, err(apiFailures.timeout(method))), options.timeoutFor?.(method) ?? callTimeoutMs);
      pending.set(id, { resolve, timer, method });
      const frame = JSON.stringify({ t: 'call', id, method, input });
      if (socket.readyState === OPEN) socket.send(frame);
      else queued.push(frame);
    });

  const on = (event: string, listener: (payload: unknown) => void) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  };

  return {
    state: () => state,
    close: () => {
      closedByUser = true;
      socket.close();
    },
    call,
    on,
  } as WsKioskApi;
}
