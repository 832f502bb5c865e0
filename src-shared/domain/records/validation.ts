import type { z } from 'zod';
import { err, ok, type Result } from '../../result';
import { recordFailures, type RecordFailure } from './errors';

/** Checks data at an edge (form input, IPC, a row read back) and reports the first problem bilingually. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>, RecordFailure> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issue = parsed.error.issues[0];
  const path = issue === undefined ? undefined : issue.path.map(String).join('.');
  const where = path === undefined || path === '' ? '' : ` (${path})`;
  return err(recordFailures.invalidInput(`${issue?.message ?? 'invalid'}${where}`, path === '' ? undefined : path));
}
