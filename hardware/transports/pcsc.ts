import type * as Smartcard from 'smartcard';
import type { CardInterface, ContextInterface, MonitorEvent, ReaderInterface } from 'smartcard';
import { createLogger } from '../../src-shared/log';
import { err, failure, ok, type Failure, type Result } from '../../src-shared/result';
import { cardTransportCodes, type CardTransport } from '../id-card/transport';

/**
 * PC/SC over the `smartcard` N-API addon (pcsc-lite on Linux, WinSCard on Windows): list readers, wait for a
 * card, connect, and a `CardTransport` whose failures say whether the card left (`card-transport.removed`) or
 * the exchange merely glitched (`card-transport.transient`), which is all the ID card reader needs to decide
 * between "place the card again" and "retry".
 *
 * The addon is loaded on first use, not at import: a host without the PC/SC library (or a CLI command that
 * never touches a card) must still start, and gets a typed failure instead of a crash.
 */

type SmartcardModule = typeof Smartcard;

const log = createLogger('hardware.pcsc');

export type PcscReader = {
  readonly name: string;
  readonly cardPresent: boolean;
  /** Hex, when a card is present (not personal data: it names the chip type, not the holder). */
  readonly atr: string | undefined;
};

export type PcscCardConnection = CardTransport & {
  readonly reader: string;
  readonly atr: string | undefined;
  /** Leave the card powered (other applications may use it); idempotent. */
  disconnect(): void;
};

export type PcscEvent =
  | { readonly type: 'reader-attached' | 'reader-detached'; readonly reader: string }
  | { readonly type: 'card-inserted'; readonly reader: string; readonly atr: string | undefined }
  | { readonly type: 'card-removed'; readonly reader: string }
  | { readonly type: 'service-lost' | 'service-restored' };

export type PcscWatcher = { stop(): void };

export const pcscErrors = {
  unavailable: (detail: string): Failure =>
    failure(
      'pcsc.unavailable',
      `Không dùng được PC/SC (${detail}); dịch vụ pcscd / Smart Card đã chạy chưa?`,
      `PC/SC is not available (${detail}); is the pcscd / Smart Card service running?`,
    ),
  noReader: (wanted: string | undefined): Failure =>
    wanted === undefined
      ? failure('pcsc.no-reader', 'Không tìm thấy đầu đọc thẻ nào.', 'No card reader found.')
      : failure('pcsc.no-reader', `Không tìm thấy đầu đọc "${wanted}".`, `No reader named "${wanted}".`),
  noCard: (timeoutMs: number): Failure =>
    failure(
      'pcsc.no-card',
      `Không có thẻ trên đầu đọc sau ${Math.round(timeoutMs / 1000)} giây.`,
      `No card on the reader after ${Math.round(timeoutMs / 1000)} s.`,
    ),
  connectFailed: (detail: string): Failure =>
    failure('pcsc.connect-failed', `Không kết nối được với thẻ: ${detail}.`, `Could not connect to the card: ${detail}.`),
};

let loaded: Promise<Result<SmartcardModule>> | undefined;

async function loadSmartcard(): Promise<Result<SmartcardModule>> {
  loaded ??= import('smartcard').then(
    (module) => ok(module),
    (cause: unknown) => err(pcscErrors.unavailable(cause instanceof Error ? cause.message : String(cause))),
  );
  return loaded;
}

/**
 * The addon rejects with plain `Error`s whose message is pcsc-lite's text (no numeric code), so the mapping is
 * by message. "Removed": the card or its reader is gone, a retry on this handle cannot work. Everything else
 * (not transacted, timeout, reset by another application, sharing violation, unknown) is worth a retry: the
 * reader retries a bounded number of times, so a wrong guess costs a few round trips, not a hang.
 */
const REMOVED_MESSAGES = [
  'Card was removed',
  'No smart card present',
  'Reader unavailable',
  'Unknown reader',
  'Invalid handle',
  'PC/SC service not running',
  'PC/SC service stopped',
  'No readers available',
  'Card is unpowered',
  'Card is unresponsive',
  'Card is not connected',
];

export function classifyPcscError(message: string): typeof cardTransportCodes.removed | typeof cardTransportCodes.transient {
  return REMOVED_MESSAGES.some((m) => message.includes(m)) ? cardTransportCodes.removed : cardTransportCodes.transient;
}

function transportFailure(message: string): Failure {
  return classifyPcscError(message) === cardTransportCodes.removed
    ? failure(cardTransportCodes.removed, `Thẻ hoặc đầu đọc không còn (${message}).`, `The card or its reader is gone (${message}).`)
    : failure(cardTransportCodes.transient, `Trao đổi với thẻ bị lỗi tạm thời (${message}).`, `Transient error talking to the card (${message}).`);
}

const messageOf = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause));
const hex = (bytes: Uint8Array | null | undefined): string | undefined => (bytes ? Buffer.from(bytes).toString('hex').toUpperCase() : undefined);

async function withContext<T>(use: (pcsc: SmartcardModule, context: ContextInterface) => Promise<Result<T>>): Promise<Result<T>> {
  const module = await loadSmartcard();
  if (!module.ok) return module;
  let context: ContextInterface;
  try {
    context = new module.value.Context();
  } catch (cause: unknown) {
    return err(pcscErrors.unavailable(messageOf(cause)));
  }
  try {
    return await use(module.value, context);
  } finally {
    try {
      context.close();
    } catch {
      // Closing a context whose service died is not worth a failure: the read is already decided.
    }
  }
}

function listIn(context: ContextInterface): Result<ReaderInterface[]> {
  try {
    return ok(context.listReaders());
  } catch (cause: unknown) {
    const message = messageOf(cause);
    // pcsc-lite says "no readers" as an error; to a caller that is an empty list.
    if (message.includes('No readers available')) return ok([]);
    return err(pcscErrors.unavailable(message));
  }
}

const toReader = (pcsc: SmartcardModule, reader: { name: string; state: number; atr: Buffer | null }): PcscReader => {
  const cardPresent = (reader.state & pcsc.SCARD_STATE_PRESENT) !== 0;
  return { name: reader.name, cardPresent, atr: cardPresent ? hex(reader.atr) : undefined };
};

/** Every reader pcscd knows, with whether a card is on it. */
export async function listPcscReaders(): Promise<Result<PcscReader[]>> {
  return withContext(async (pcsc, context) => {
    const readers = listIn(context);
    if (!readers.ok) return readers;
    return ok(readers.value.map((r) => toReader(pcsc, r)));
  });
}

export type WaitForCardOptions = {
  /** A reader name, or part of one (case-insensitive); default: any reader. */
  readonly reader?: string;
  readonly timeoutMs?: number;
  /** Check every this often; readers plugged in meanwhile are picked up at the next check. */
  readonly pollMs?: number;
};

const matches = (name: string, wanted: string | undefined): boolean => wanted === undefined || name.toLowerCase().includes(wanted.toLowerCase());

/**
 * Resolves with the first reader holding a card. Polling with a fresh reader list each round (instead of one
 * long SCardGetStatusChange) is what lets a reader that was unplugged and plugged back in be found again.
 */
export async function waitForPcscCard(options: WaitForCardOptions = {}): Promise<Result<PcscReader>> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const pollMs = options.pollMs ?? 250;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const readers = await listPcscReaders();
    if (!readers.ok && Date.now() >= deadline) return readers;
    const found = readers.ok ? readers.value.find((r) => r.cardPresent && matches(r.name, options.reader)) : undefined;
    if (found) return ok(found);
    if (Date.now() >= deadline) return err(pcscErrors.noCard(timeoutMs));
    await new Promise((resolve) => setTimeout(resolve, Math.min(pollMs, Math.max(0, deadline - Date.now()))));
  }
}

export type ConnectOptions = {
  /** After a transient-looking error, how long to watch whether the card in fact left (see cardLeft). */
  readonly presenceCheckMs?: number;
};

/**
 * Connects to the card in `readerName` (exact name, or part of one). The connection owns its own PC/SC
 * context, closed on `disconnect()`.
 */
export async function connectPcscCard(readerName?: string, options: ConnectOptions = {}): Promise<Result<PcscCardConnection>> {
  const presenceCheckMs = options.presenceCheckMs ?? 700;
  const module = await loadSmartcard();
  if (!module.ok) return module;
  const pcsc = module.value;
  let context: ContextInterface;
  try {
    context = new pcsc.Context();
  } catch (cause: unknown) {
    return err(pcscErrors.unavailable(messageOf(cause)));
  }
  const release = (): void => {
    try {
      context.close();
    } catch {
      // Already gone with the service.
    }
  };
  const readers = listIn(context);
  if (!readers.ok) {
    release();
    return readers;
  }
  const reader = readers.value.find((r) => r.name === readerName) ?? readers.value.find((r) => matches(r.name, readerName));
  if (!reader) {
    release();
    return err(pcscErrors.noReader(readerName));
  }
  let card: CardInterface;
  try {
    card = await reader.connect(pcsc.SCARD_SHARE_SHARED, pcsc.SCARD_PROTOCOL_T0 | pcsc.SCARD_PROTOCOL_T1);
  } catch (cause: unknown) {
    release();
    const message = messageOf(cause);
    return err(classifyPcscError(message) === cardTransportCodes.removed ? transportFailure(message) : pcscErrors.connectFailed(message));
  }
  let open = true;
  const name = reader.name;
  /**
   * A card pulled out mid-APDU often surfaces first as "Transaction failed" (SCARD_E_NOT_TRANSACTED): pcscd only
   * notices the empty field at its next presence poll (≈ 400 ms). Calling that transient would make the reader
   * re-run PACE against an empty reader and end with a vague error, so watch the card's status briefly first.
   */
  const cardLeft = async (): Promise<boolean> => {
    const deadline = Date.now() + presenceCheckMs;
    for (;;) {
      try {
        if ((card.getStatus().state & pcsc.SCARD_STATE_PRESENT) === 0) return true;
      } catch (cause: unknown) {
        if (classifyPcscError(messageOf(cause)) === cardTransportCodes.removed) return true;
      }
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  return ok({
    reader: name,
    atr: hex(card.atr),
    async transmit(apdu) {
      if (!open) return err(failure(cardTransportCodes.removed, 'Đã ngắt kết nối với thẻ.', 'The card connection is closed.'));
      try {
        // Up to an extended-length answer (64 KB + SW): the short default (258) would cut extended reads.
        const response = await card.transmit(Buffer.from(apdu), { maxRecvLength: 65_538 });
        if (response.length >= 2) return ok(new Uint8Array(response));
        // No status word is not an answer. vpcd passes a connection closed mid-APDU on as an empty "success";
        // some contactless readers do the same for a card leaving the field.
        return err(transportFailure((await cardLeft()) ? 'Card was removed' : 'Transaction failed (empty response)'));
      } catch (cause: unknown) {
        const message = messageOf(cause);
        if (message.includes('Card was reset')) {
          // Another application reset the card: the handle needs a reconnect before the next APDU, and the
          // chip lost its secure-messaging session, which the reader re-opens on a transient failure.
          try {
            await card.reconnect(pcsc.SCARD_SHARE_SHARED, pcsc.SCARD_PROTOCOL_T0 | pcsc.SCARD_PROTOCOL_T1, pcsc.SCARD_LEAVE_CARD);
          } catch (again: unknown) {
            return err(transportFailure(messageOf(again)));
          }
        }
        const failed = classifyPcscError(message) === cardTransportCodes.transient && (await cardLeft()) ? transportFailure('Card was removed') : transportFailure(message);
        log.info('pcsc transmit failed', { reader: name, code: failed.code, detail: message });
        return err(failed);
      }
    },
    disconnect() {
      if (!open) return;
      open = false;
      try {
        card.disconnect(pcsc.SCARD_LEAVE_CARD);
      } catch {
        // The card or reader may already be gone; nothing is left to release on its side.
      }
      release();
    },
  });
}

/**
 * Card and reader events from the addon's monitor thread. When pcscd goes away (service restarted, the last
 * USB reader unplugged on some systems) the monitor reports errors; the watcher then restarts it every
 * `restartMs` so readers plugged back in are seen again without restarting the kiosk.
 */
export async function watchPcsc(listener: (event: PcscEvent) => void, options: { readonly restartMs?: number } = {}): Promise<Result<PcscWatcher>> {
  const module = await loadSmartcard();
  if (!module.ok) return module;
  const pcsc = module.value;
  const restartMs = options.restartMs ?? 2000;
  let stopped = false;
  let lost = false;
  let monitor: InstanceType<SmartcardModule['ReaderMonitor']> | undefined;
  let timer: NodeJS.Timeout | undefined;

  const onEvent = (event: MonitorEvent): void => {
    if (stopped) return;
    if (event.type === 'error') {
      if (!lost) {
        lost = true;
        log.warn('pcsc monitor error; restarting', { detail: event.reader });
        listener({ type: 'service-lost' });
      }
      restart();
      return;
    }
    if (lost) {
      lost = false;
      listener({ type: 'service-restored' });
    }
    if (event.type === 'card-inserted') listener({ type: 'card-inserted', reader: event.reader, atr: hex(event.atr) });
    else listener({ type: event.type, reader: event.reader });
  };

  const start = (): boolean => {
    try {
      monitor = new pcsc.ReaderMonitor();
      monitor.start(onEvent);
      return true;
    } catch (cause: unknown) {
      monitor = undefined;
      if (!lost) {
        lost = true;
        log.warn('pcsc monitor did not start', { detail: messageOf(cause) });
        listener({ type: 'service-lost' });
      }
      return false;
    }
  };

  function restart(): void {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      if (stopped) return;
      try {
        monitor?.stop();
      } catch {
        // A monitor whose context died may refuse to stop cleanly; a new one replaces it anyway.
      }
      monitor = undefined;
      if (!start()) restart();
    }, restartMs);
  }

  if (!start()) restart();
  return ok({
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      try {
        monitor?.stop();
      } catch {
        // Stopping is best effort.
      }
      monitor = undefined;
    },
  });
}
