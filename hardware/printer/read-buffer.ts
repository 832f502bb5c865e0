import { err, ok, type Result } from '../../src-shared/result';
import { printerErrors, type PrinterFailure } from './errors';

/**
 * Collects bytes pushed by a stream's 'data' events and hands them to `read(timeoutMs)`: the shared half of
 * every readable transport, so TCP and serial behave the same way to the status code above them.
 */
export type ReadBuffer = {
  push(chunk: Uint8Array): void;
  read(timeoutMs: number): Promise<Result<Uint8Array, PrinterFailure>>;
  /** The stream ended: a pending and every later read fails with this. */
  end(reason: PrinterFailure): void;
};

type Waiter = { resolve: (result: Result<Uint8Array, PrinterFailure>) => void; timer: NodeJS.Timeout };

export function createReadBuffer(): ReadBuffer {
  let chunks: Uint8Array[] = [];
  let ended: PrinterFailure | undefined;
  let waiter: Waiter | undefined;

  const take = (): Uint8Array => {
    const out = Buffer.concat(chunks);
    chunks = [];
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  };
  const settle = (result: Result<Uint8Array, PrinterFailure>): void => {
    const current = waiter;
    if (current === undefined) return;
    waiter = undefined;
    clearTimeout(current.timer);
    current.resolve(result);
  };

  return {
    push(chunk) {
      if (chunk.length === 0) return;
      chunks.push(chunk);
      settle(ok(take()));
    },
    read(timeoutMs) {
      if (chunks.length > 0) return Promise.resolve(ok(take()));
      if (ended !== undefined) return Promise.resolve(err(ended));
      // A second reader replaces nothing: it fails at once instead of stealing the first one's answer.
      if (waiter !== undefined) return Promise.resolve(err(printerErrors.timeout()));
      return new Promise((resolve) => {
        const timer = setTimeout(() => settle(err(printerErrors.timeout())), Math.max(0, timeoutMs));
        waiter = { resolve, timer };
      });
    },
    end(reason) {
      ended ??= reason;
      settle(err(ended));
    },
  };
}
