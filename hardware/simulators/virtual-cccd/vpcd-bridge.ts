import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../../../src-shared/log';
import { err, failure, ok, type Failure, type Result } from '../../../src-shared/result';
import { cardTransportCodes, type CardTransport } from '../../id-card/transport';
import type { VirtualCccdFault } from './virtual-cccd';

/**
 * Puts a card that answers `transmit(apdu)` (the virtual CCCD) behind the real `pcscd`, through Debian's
 * `vsmartcard-vpcd` driver. vpcd listens on localhost:35963 (reader "Virtual PCD 00 00"; 35964 for "… 00 01");
 * the card is the TCP client. Every message both ways is a 2-byte big-endian length and a payload. From vpcd, a
 * 1-byte payload is a control code (0 power off, 1 power on, 2 reset, 4 get ATR: only the ATR is answered) and a
 * longer one is a command APDU, answered with the response APDU. An open connection is a card in the reader;
 * closing it is pulling the card out.
 */
export type VpcdBridgeOptions = {
  readonly card: CardTransport;
  readonly host?: string;
  readonly port?: number;
  readonly atr?: Uint8Array;
  /**
   * While the card is meant to be inserted and the connection drops (pcscd restarted, driver reloaded), try again
   * this often. The bridge never gives up on its own: `remove()` or `close()` stops it.
   */
  readonly reconnectDelayMs?: number;
  readonly connectTimeoutMs?: number;
};

export type VpcdBridge = {
  /** Connect (put the card in the reader). Resolves once the TCP connection is up. */
  insert(): Promise<Result<void, Failure>>;
  /** Close the connection (pull the card out), even in the middle of an APDU. */
  remove(): Promise<void>;
  /** Remove the card and stop for good. */
  close(): Promise<void>;
  readonly inserted: boolean;
  /** Powered on by pcscd since the last insert (vpcd control code 1 or 2). */
  readonly powered: boolean;
};

export const VPCD_DEFAULT_PORT = 35963;

const CONTROL = { powerOff: 0, powerOn: 1, reset: 2, getAtr: 4 } as const;

/**
 * PC/SC part 3 ATR of a contactless ISO 14443-4 type B card: 3B 8n 80 01, then the ATQB application data (4),
 * protocol info (3) and MBLI (1) as historical bytes, then TCK. A CCCD shows this kind of ATR on a contactless
 * reader; nothing in the reading procedure depends on its exact bytes.
 */
export function contactlessAtr(historical: Uint8Array = Uint8Array.from([0, 0, 0, 0, 0x77, 0x81, 0x81, 0])): Uint8Array {
  const body = Uint8Array.from([0x80 | historical.length, 0x80, 0x01, ...historical]);
  const tck = body.reduce((x, b) => x ^ b, 0);
  return Uint8Array.from([0x3b, ...body, tck]);
}

const log = createLogger('hardware.vpcd-bridge');

export const vpcdBridgeErrors = {
  unreachable: (where: string, detail: string): Failure =>
    failure(
      'vpcd.unreachable',
      `Không kết nối được trình điều khiển vpcd tại ${where} (${detail}); pcscd và vsmartcard-vpcd đã chạy chưa?`,
      `Cannot reach the vpcd driver at ${where} (${detail}); are pcscd and vsmartcard-vpcd running?`,
    ),
  closed: (): Failure => failure('vpcd.closed', 'Cầu nối vpcd đã đóng.', 'The vpcd bridge is closed.'),
};

function frame(payload: Uint8Array): Buffer {
  const out = Buffer.alloc(2 + payload.length);
  out.writeUInt16BE(payload.length, 0);
  out.set(payload, 2);
  return out;
}

export function createVpcdBridge(options: VpcdBridgeOptions): VpcdBridge {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? VPCD_DEFAULT_PORT;
  const where = `${host}:${port}`;
  const atr = options.atr ?? contactlessAtr();
  const reconnectDelayMs = options.reconnectDelayMs ?? 500;

  let socket: Socket | undefined;
  let wanted = false;
  let closed = false;
  let powered = false;
  let retryTimer: NodeJS.Timeout | undefined;

  const scheduleRetry = (): void => {
    if (!wanted || closed || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      if (wanted && !closed && !socket) void connect();
    }, reconnectDelayMs);
  };

  const serve = (s: Socket): void => {
    let pending = Buffer.alloc(0);
    // vpcd waits for each answer before sending the next message, but TCP may still split or join frames,
    // and transmit is async: answers are chained so they leave in order.
    let queue: Promise<void> = Promise.resolve();

    const answer = async (payload: Buffer): Promise<void> => {
      if (payload.length === 1) {
        const code = payload[0];
        if (code === CONTROL.powerOn || code === CONTROL.reset) powered = true;
        else if (code === CONTROL.powerOff) powered = false;
        else if (code === CONTROL.getAtr) s.write(frame(atr));
        return;
      }
      const response = await options.card.transmit(new Uint8Array(payload));
      if (s.destroyed) return;
      if (response.ok) {
        s.write(frame(response.value));
        return;
      }
      if (response.error.code === cardTransportCodes.removed) {
        // The card left the field: to pcscd that is a reader with no card. It stays out until insert().
        log.info('virtual card left the field; disconnecting from vpcd', { where });
        wanted = false;
        s.destroy();
        return;
      }
      // A lost frame. vpcd passes an empty answer on as a successful empty response and has no receive timeout,
      // so neither silence nor an empty frame is a usable glitch; SW 6F00 (no precise diagnosis) is what
      // contactless readers answer for a frame the card never got, and the reader treats it as transient.
      s.write(frame(Uint8Array.from([0x6f, 0x00])));
    };

    s.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 2) {
        const length = pending.readUInt16BE(0);
        if (pending.length < 2 + length) break;
        const payload = pending.subarray(2, 2 + length);
        pending = pending.subarray(2 + length);
        queue = queue.then(() => answer(payload)).catch((cause: unknown) => {
          log.warn('vpcd message failed', { where, detail: cause instanceof Error ? cause.message : String(cause) });
        });
      }
    });
  };

  const connect = (): Promise<Result<void, Failure>> =>
    new Promise((resolve) => {
      const s = new Socket();
      let settled = false;
      const settle = (result: Result<void, Failure>): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(result);
      };
      const timer = setTimeout(() => {
        s.destroy();
        settle(err(vpcdBridgeErrors.unreachable(where, 'timeout')));
      }, options.connectTimeoutMs ?? 3000);
      s.once('error', (cause: NodeJS.ErrnoException) => {
        settle(err(vpcdBridgeErrors.unreachable(where, cause.code ?? cause.message)));
      });
      s.once('close', () => {
        if (socket === s) socket = undefined;
        powered = false;
        settle(err(vpcdBridgeErrors.unreachable(where, 'closed')));
        scheduleRetry();
      });
      s.connect(port, host, () => {
        if (closed || !wanted) {
          s.destroy();
          settle(err(vpcdBridgeErrors.closed()));
          return;
        }
        // APDUs are small and strictly request/response: Nagle would only add latency.
        s.setNoDelay(true);
        socket = s;
        serve(s);
        settle(ok(undefined));
      });
    });

  const disconnect = async (): Promise<void> => {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = undefined;
    const s = socket;
    socket = undefined;
    powered = false;
    if (!s || s.destroyed) return;
    await new Promise<void>((resolve) => {
      s.once('close', () => resolve());
      s.destroy();
    });
  };

  return {
    async insert() {
      if (closed) return err(vpcdBridgeErrors.closed());
      wanted = true;
      if (socket) return ok(undefined);
      const result = await connect();
      if (!result.ok) scheduleRetry();
      return result;
    },
    async remove() {
      wanted = false;
      await disconnect();
    },
    async close() {
      closed = true;
      wanted = false;
      await disconnect();
    },
    get inserted() {
      return socket !== undefined;
    },
    get powered() {
      return powered;
    },
  };
}

export type VpcdSlotLock = { release(): void };

/**
 * pcscd's vpcd has two slots (35963, 35964) shared by everything on the machine: two test runs (a developer's
 * and an agent's, or two CI jobs) using one slot at once steal each other's card. Tests take this lock per port
 * first: an exclusive lock file holding the owner's pid, taken over when that process is dead.
 */
export async function lockVpcdSlot(port: number = VPCD_DEFAULT_PORT, timeoutMs = 180_000): Promise<Result<VpcdSlotLock, Failure>> {
  const path = join(tmpdir(), `motcua-vpcd-${port}.lock`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return ok({
        release() {
          try {
            if (readFileSync(path, 'utf8') === String(process.pid)) rmSync(path);
          } catch {
            // Already gone.
          }
        },
      });
    } catch {
      let owner = Number.NaN;
      try {
        owner = Number(readFileSync(path, 'utf8'));
      } catch {
        // Released between our two calls: try again at once.
        continue;
      }
      let alive = Number.isInteger(owner) && owner > 0;
      if (alive) {
        try {
          process.kill(owner, 0);
        } catch (cause: unknown) {
          alive = (cause as NodeJS.ErrnoException).code === 'EPERM';
        }
      }
      if (!alive) {
        rmSync(path, { force: true });
        continue;
      }
    }
    if (Date.now() >= deadline) {
      return err(failure('vpcd.busy', `Khe vpcd ${port} đang được tiến trình khác dùng.`, `vpcd slot ${port} is in use by another process.`));
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** What a test can ask of a virtual card running behind vpcd in its own process. */
export type VpcdCardCommand =
  | { readonly op: 'insert' | 'remove' | 'reinsert' | 'clear-faults' | 'close' }
  | { readonly op: 'inject'; readonly fault: VirtualCccdFault }
  | { readonly op: 'count'; readonly ins: number };

export type VpcdCardProcess = {
  /** The test CSCA (PEM) that signed this card's document signer. */
  readonly cscaPem: string;
  send(command: VpcdCardCommand): Promise<Result<number, Failure>>;
  /** Closes the bridge and ends the process. */
  stop(): Promise<void>;
};

/**
 * Runs a virtual CCCD and its vpcd bridge in a child process (TypeScript through `tsx`, so test-only). In the
 * same process as the PC/SC client they can deadlock: the `smartcard` addon's synchronous calls (context, reader
 * list, status, disconnect) block the event loop while pcscd, holding the reader, waits for the bridge to answer
 * vpcd (an ATR at power-up, an APDU). A separate process always answers.
 */
export async function startVpcdCardProcess(options: { readonly port: number; readonly startTimeoutMs?: number }): Promise<Result<VpcdCardProcess, Failure>> {
  const { spawn } = await import('node:child_process');
  const here = new URL('.', import.meta.url).pathname;
  const script = `
    const { createVirtualCccd } = await import(${JSON.stringify(join(here, 'virtual-cccd.ts'))});
    const { createVpcdBridge } = await import(${JSON.stringify(join(here, 'vpcd-bridge.ts'))});
    const created = createVirtualCccd();
    if (!created.ok) { process.send({ error: created.error.messageEn }); process.exit(1); }
    const card = created.value;
    const bridge = createVpcdBridge({ card, port: ${options.port} });
    process.on('message', async ({ id, command }) => {
      let value = 0, error;
      if (command.op === 'insert') { const r = await bridge.insert(); if (!r.ok) error = r.error.messageEn; }
      else if (command.op === 'remove') await bridge.remove();
      else if (command.op === 'reinsert') card.reinsert();
      else if (command.op === 'clear-faults') card.clearFaults();
      else if (command.op === 'inject') card.inject(command.fault);
      else if (command.op === 'count') value = card.commandLog.filter((c) => c.ins === command.ins).length;
      else if (command.op === 'close') { await bridge.close(); process.send({ id, value }); process.disconnect(); return; }
      process.send({ id, value, error });
    });
    process.send({ cscaPem: card.pki.csca.certificate.toString() });
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-2000);
  });
  type Reply = { id?: number; value?: number; error?: string; cscaPem?: string };
  const waiting = new Map<number, (reply: Reply) => void>();
  let nextId = 1;
  const ready = await new Promise<Reply>((resolve) => {
    const timer = setTimeout(() => resolve({ error: `timeout ${stderr}` }), options.startTimeoutMs ?? 30_000);
    child.once('exit', (code) => resolve({ error: `exited ${String(code)} ${stderr}` }));
    child.once('message', (message: Reply) => {
      clearTimeout(timer);
      resolve(message);
    });
  });
  if (ready.cscaPem === undefined) {
    child.kill();
    return err(failure('vpcd.card-process', `Không chạy được thẻ ảo: ${ready.error ?? ''}`, `The virtual card process did not start: ${ready.error ?? ''}`));
  }
  child.on('message', (message: Reply) => {
    if (message.id !== undefined) waiting.get(message.id)?.(message);
  });
  child.on('exit', () => {
    for (const done of waiting.values()) done({ error: 'card process exited' });
    waiting.clear();
  });
  const send = (command: VpcdCardCommand): Promise<Result<number, Failure>> =>
    new Promise((resolve) => {
      if (!child.connected) {
        resolve(err(vpcdBridgeErrors.closed()));
        return;
      }
      const id = nextId++;
      waiting.set(id, (reply) => {
        waiting.delete(id);
        resolve(reply.error === undefined ? ok(reply.value ?? 0) : err(failure('vpcd.card-process', reply.error, reply.error)));
      });
      child.send({ id, command });
    });
  return ok({
    cscaPem: ready.cscaPem,
    send,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const timer = setTimeout(() => child.kill(), 3000);
      await send({ op: 'close' });
      await exited;
      clearTimeout(timer);
    },
  });
}
