import type { RawData, WebSocket } from 'ws';
import { apiFailures } from '../../src-shared/api/errors';
import { callMessageSchema, type HostMessage } from '../../src-shared/api/wire';
import { createLogger } from '../../src-shared/log';
import { err } from '../../src-shared/result';
import type { KioskHost } from '../services/kiosk-host';

const log = createLogger('web-host.api-socket');

const frameText = (data: RawData): string =>
  Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');

/** Serves one renderer connection: calls in, results and events out, in the wire format of src-shared/api/wire. */
export function serveApiSocket(socket: WebSocket, host: KioskHost): void {
  const send = (message: HostMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };
  const unsubscribe = host.events.subscribe((event, payload) => send({ t: 'event', event, payload }));
  socket.on('close', unsubscribe);
  socket.on('error', (cause) => log.warn('socket error', { error: cause.message }));

  socket.on('message', (data, isBinary) => {
    if (isBinary) {
      log.warn('binary frame refused');
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(frameText(data));
    } catch {
      log.warn('frame is not JSON');
      return;
    }
    const call = callMessageSchema.safeParse(json);
    if (!call.success) {
      // If we can still tell which call it was, answer it so the caller is not left waiting.
      const id = typeof json === 'object' && json !== null && 'id' in json && typeof json.id === 'number' ? json.id : undefined;
      if (id !== undefined) send({ t: 'result', id, result: err(apiFailures.badMessage()) });
      return;
    }
    void host.dispatch(call.data.method, call.data.input, { transport: 'websocket' }).then((result) => send({ t: 'result', id: call.data.id, result }));
  });
}
