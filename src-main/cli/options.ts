import { parseArgs, type ParseArgsConfig } from 'node:util';
import { err, failure, ok, type Result } from '../../src-shared/result';

type Options = NonNullable<ParseArgsConfig['options']>;
type Values<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: false }>>['values'];

/**
 * `node:util` parseArgs as a Result: it throws on an unknown option or a missing value, and its message names
 * the culprit, which the technician then reads in both languages as a usage error.
 */
export function parseOptions<const O extends Options>(argv: readonly string[], options: O): Result<Values<O>> {
  try {
    return ok(parseArgs({ args: [...argv], options, strict: true, allowPositionals: false }).values);
  } catch (cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return err(failure('cli.usage', `Tham số không hợp lệ: ${detail}`, `Invalid arguments: ${detail}`));
  }
}
