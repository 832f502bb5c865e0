import type { AdministrativeRecord } from '../domain/records';
import type { Failure, Result } from '../result';
import type { Checkpoint, MutationResult, PendingSummary, PushedMutation } from './protocol';

/**
 * What the engine needs from the kiosk's local store (the Dexie adapter in src-renderer/src/sync; an in-memory
 * one in tests). Every method is one local transaction. The contract that makes sync safe lives here:
 * - `acknowledge` drops the outbox rows up to `lastMutationId` only after the server said it committed them;
 * - `applyPulled` writes the records AND the new checkpoint in one transaction (so the checkpoint never runs ahead
 *   of the data), and skips a record that still has a pending local mutation (its push will give it a new
 *   revision, and the next pull brings the server's version).
 */
export type SyncStorePort = {
  pendingMutations(limit: number): Promise<Result<readonly PushedMutation[], Failure>>;
  pendingSummary(): Promise<Result<PendingSummary, Failure>>;
  acknowledge(lastMutationId: number, failed: readonly MutationResult[]): Promise<Result<void, Failure>>;
  checkpoint(): Promise<Result<Checkpoint | null, Failure>>;
  applyPulled(records: readonly AdministrativeRecord[], next: Checkpoint): Promise<Result<{ readonly applied: number; readonly skipped: number }, Failure>>;
  /** Forget the checkpoint (the server asked for a refetch); local records stay and are overwritten as pulled. */
  resetCheckpoint(epoch: string): Promise<Result<void, Failure>>;
  /** Content hashes of attachments whose records were pushed and that are not known to be on the server. */
  attachmentsToUpload(limit: number): Promise<Result<readonly string[], Failure>>;
  readAttachment(hash: string): Promise<Result<Uint8Array | null, Failure>>;
  attachmentUploaded(hash: string): Promise<Result<void, Failure>>;
  /** Count, sum of revisions and digest (partition-digest.ts) of the partition's records held locally (a full scan: on request only). */
  partitionChecksum?(unitId: string): Promise<Result<{ readonly count: number; readonly sumRev: number; readonly digest: string }, Failure>>;
};
