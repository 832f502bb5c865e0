import type { z } from 'zod';
import type { KeptDocument } from '../src-shared/domain/citizens/kept-document';
import type { Failure } from '../src-shared/result';
import { keepPayloadSchema } from '../src-shared/sync/citizen-documents-protocol';
import { syncFailures } from '../src-shared/sync/errors';
import type { PushedMutation } from '../src-shared/sync/protocol';

export type KeepDecision = { readonly status: 'kept'; readonly document: KeptDocument } | { readonly status: 'failed'; readonly error: Failure };

function issues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.')}: ${i.message}`)
    .join('; ');
}

/**
 * A `citizen-documents.keep` mutation, pure: a document the citizen chose to keep at a self-service point of this
 * Center. Anything malformed or of another unit is refused (recorded as failed; the queue goes on). Kept
 * documents take no revision: kiosks never pull them, a counter asks for one citizen's when it needs them.
 */
export function decideKeep(unitId: string, mutation: PushedMutation): KeepDecision {
  const parsed = keepPayloadSchema.safeParse(mutation.payload);
  if (!parsed.success) return { status: 'failed', error: syncFailures.invalidMutation(issues(parsed.error)) };
  const { document } = parsed.data;
  if (document.id !== mutation.entityId) return { status: 'failed', error: syncFailures.invalidMutation('entityId ≠ document.id') };
  if (document.unitId !== unitId) return { status: 'failed', error: syncFailures.wrongPartition(document.unitId) };
  return { status: 'kept', document };
}
