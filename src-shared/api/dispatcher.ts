import { createLogger } from '../log';
import { err, ok, type Failure, type Result } from '../result';
import { apiFailures } from './errors';
import { isMethodName, kioskMethods, type MethodName, type MethodOutput, type MethodParsedInput } from './contract';
import { validationFailure } from './validation';

const log = createLogger('api.dispatcher');

/** Who is calling: lets a handler know the transport (later: the signed-in officer, self-service mode). */
export type CallContext = { readonly transport: 'electron-ipc' | 'websocket' | 'in-process' };

/** A handler receives the input after validation (defaults applied), never the raw message. */
export type MethodHandler<M extends MethodName> = (input: MethodParsedInput<M>, context: CallContext) => Promise<Result<MethodOutput<M>>>;

/** The host implements every method of the contract: a missing one is a compile error. */
export type KioskHandlers = { readonly [M in MethodName]: MethodHandler<M> };

export type Dispatch = (method: unknown, input: unknown, context: CallContext) => Promise<Result<unknown, Failure>>;

/**
 * The one gate every call passes through, whatever the transport: unknown methods and invalid inputs are
 * answered as failures, a throwing handler as an internal error; nothing a caller sends can crash the host.
 */
export function createDispatcher(handlers: KioskHandlers): Dispatch {
  return async (method, input, context) => {
    if (typeof method !== 'string' || !isMethodName(method)) return err(apiFailures.unknownMethod(String(method)));
    const spec = kioskMethods[method];
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return err(validationFailure(parsed.error));
    try {
      const handler = handlers[method] as (input: unknown, context: CallContext) => Promise<Result<unknown>>;
      const result = await handler(parsed.data, context);
      if (!result.ok) return result;
      // Checking our own output keeps a host bug from reaching the renderer as malformed data.
      const checked = spec.output.safeParse(result.value);
      if (!checked.success) {
        log.error('handler returned data that breaks the contract', { method, issues: checked.error.issues.length });
        return err(apiFailures.internal());
      }
      return ok(checked.data);
    } catch (cause: unknown) {
      log.error('handler threw', { method, error: cause instanceof Error ? cause.message : String(cause) });
      return err(apiFailures.internal());
    }
  };
}
