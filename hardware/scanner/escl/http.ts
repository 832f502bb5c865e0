import { err, ok, type Result } from '../../../src-shared/result';
import { scannerErrors, type ScannerFailure } from '../errors';

export type HttpAnswer = { readonly status: number; readonly headers: Headers; readonly body: Uint8Array };
export type HttpRequest = { readonly method: 'GET' | 'POST' | 'DELETE'; readonly url: string; readonly body?: string; readonly timeoutMs: number; readonly signal?: AbortSignal };

/**
 * One HTTP exchange as a Result. Timeouts are per request (a scanner that stops answering mid-job must not hang
 * the counter); an abort from the caller is reported as `scanner.cancelled`, not as a network fault.
 */
export async function httpExchange(request: HttpRequest): Promise<Result<HttpAnswer, ScannerFailure>> {
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([request.signal, timeout]) : timeout;
  try {
    const response = await fetch(request.url, {
      method: request.method,
      signal,
      ...(request.body === undefined ? {} : { body: request.body, headers: { 'content-type': 'text/xml; charset=utf-8' } }),
    });
    const body = new Uint8Array(await response.arrayBuffer());
    return ok({ status: response.status, headers: response.headers, body });
  } catch {
    if (request.signal?.aborted) return err(scannerErrors.cancelled());
    if (timeout.aborted) return err(scannerErrors.timeout(`${request.method} ${new URL(request.url).pathname}`));
    return err(scannerErrors.unreachable(new URL(request.url).host));
  }
}

export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
