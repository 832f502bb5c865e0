import { FailureError, type Failure } from '../../../src-shared/result';
import { storeFailures } from './errors';

/**
 * Turns whatever a Dexie transaction threw into a bilingual Failure. Domain refusals travel as FailureError
 * (thrown to abort the transaction); IndexedDB errors are recognised by name. A QuotaExceededError can arrive
 * wrapped in an AbortError, so the inner error is checked too (SYNC.md).
 */
export function toFailure(error: unknown, context: 'read' | 'write'): Failure {
  if (error instanceof FailureError) return error.failure;
  if (namesOf(error).includes('QuotaExceededError')) return storeFailures.quotaExceeded();
  const detail = describe(error);
  return context === 'read' ? storeFailures.readFailed(detail) : storeFailures.writeFailed(detail);
}

export function namesOf(error: unknown): string[] {
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth += 1) {
    if ('name' in current && typeof current.name === 'string') names.push(current.name);
    current = 'inner' in current ? current.inner : undefined;
  }
  return names;
}

export function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
