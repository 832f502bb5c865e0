import type { z } from 'zod';
import { err, ok, type Failure, type Result } from '../result';
import { syncFailures } from './errors';
import { wireErrorSchema } from './protocol';

/**
 * The smallest fetch-like surface the engine needs, so the kiosk passes `fetch` (with its own timeout) and tests
 * pass an in-process server with injected faults. No DOM types: src-shared runs anywhere.
 */
export type HttpRequest = {
  readonly method: 'GET' | 'POST' | 'PUT' | 'HEAD';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
};
export type HttpResponse = {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  json(): Promise<unknown>;
};
export type Transport = (url: string, request: HttpRequest) => Promise<HttpResponse>;

/** A failed call: the failure, the HTTP status (0 = no answer) and the parsed error body when there was one. */
export type CallFailure = Failure & { readonly status: number; readonly expectedMutationId?: number; readonly offset?: number };

export const isRetryable = (f: CallFailure): boolean => f.status === 0 || f.status >= 500 || f.status === 429;

export async function call<S extends z.ZodType>(
  transport: Transport,
  url: string,
  request: HttpRequest,
  schema: S,
): Promise<Result<z.output<S>, CallFailure>> {
  let response: HttpResponse;
  try {
    response = await transport(url, request);
  } catch (error) {
    return err({ ...syncFailures.network(error instanceof Error ? error.message : String(error)), status: 0 });
  }
  let body: unknown = null;
  if (request.method !== 'HEAD') {
    try {
      body = await response.json();
    } catch {
      body = null;
    }
  }
  if (response.status >= 200 && response.status < 300) {
    const parsed = schema.safeParse(body);
    if (parsed.success) return ok(parsed.data);
    return err({ ...syncFailures.badResponse(parsed.error.issues[0]?.message ?? 'shape'), status: response.status });
  }
  const wire = wireErrorSchema.safeParse(body);
  if (!wire.success) return err({ ...syncFailures.serverError(response.status), status: response.status });
  const failure: Failure = { code: wire.data.error.code, message: wire.data.error.message, messageEn: wire.data.error.messageEn };
  return err({
    ...failure,
    status: response.status,
    ...(wire.data.expectedMutationId === undefined ? {} : { expectedMutationId: wire.data.expectedMutationId }),
    ...(wire.data.offset === undefined ? {} : { offset: wire.data.offset }),
  });
}

export const jsonHeaders = (token: string | null): Record<string, string> => ({
  'content-type': 'application/json',
  ...(token === null ? {} : { authorization: `Bearer ${token}` }),
});
