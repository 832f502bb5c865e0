import type { z } from 'zod';
import type { Failure, Result } from '../result';
import type { SyncCredentials } from './engine';
import { call, jsonHeaders, type CallFailure, type HttpRequest, type Transport } from './http';

/** A call's failure as the caller shows it: code and both messages, without the HTTP details. */
export const plainFailure = (f: CallFailure): Failure => ({ code: f.code, message: f.message, messageEn: f.messageEn });

/** One call as the enrolled kiosk: null when it is not enrolled (the caller does without the server). */
export type KioskCall = <S extends z.ZodType>(
  path: (unitId: string) => string,
  request: Omit<HttpRequest, 'headers'>,
  schema: S,
) => Promise<Result<z.output<S>, Failure> | null>;

/** Calls of the kiosk's clients of the Center (queue, code blocks, kept documents), with its credential. */
export function kioskCaller(transport: Transport, credentials: () => SyncCredentials | null): KioskCall {
  return async (path, request, schema) => {
    const creds = credentials();
    if (creds === null) return null;
    const answer = await call(transport, creds.baseUrl + path(creds.unitId), { ...request, headers: jsonHeaders(creds.token) }, schema);
    return answer.ok ? answer : { ok: false, error: plainFailure(answer.error) };
  };
}
