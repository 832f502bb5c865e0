/**
 * Results cross every boundary (IPC, WebSocket, HTTP, files, devices) instead of exceptions.
 * `message` is Vietnamese (the UI's first language), `messageEn` its English twin: a counter officer
 * and a technician reading a log must both understand what went wrong.
 */
export type Failure<C extends string = string> = {
  readonly code: C;
  readonly message: string;
  readonly messageEn: string;
  /** Where in the input the problem is (a field path, a CSV row), when that helps the user. */
  readonly path?: string;
};

export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<E> = { readonly ok: false; readonly error: E };
export type Result<T, E = Failure> = Ok<T> | Err<E>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <E>(error: E): Err<E> => ({ ok: false, error });

export function failure<C extends string>(code: C, message: string, messageEn: string, path?: string): Failure<C> {
  return path === undefined ? { code, message, messageEn } : { code, message, messageEn, path };
}

/** Thrown only inside a module when a Result cannot be returned (e.g. a callback API); never across a boundary. */
export class FailureError extends Error {
  constructor(readonly failure: Failure) {
    super(`${failure.code}: ${failure.messageEn}`);
    this.name = 'FailureError';
  }
}
