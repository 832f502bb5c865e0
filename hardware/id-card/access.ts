import { err, ok, type Result } from '../../src-shared/result';
import { statusFailure, SW } from './apdu';
import { performBac, type Random } from './bac';
import type { CardChannel } from './card-channel';
import { choosePace, parseSecurityInfos, type PaceInfo, type SecurityInfos } from './card-access';
import { idCardErrors, type IdCardFailure } from './errors';
import { readFile, SHORT_CHUNK } from './file-reader';
import { EF_CARD_ACCESS, EMRTD_AID } from './lds/files';
import { performPace } from './pace';
import type { PacePassword } from './pace-crypto';

/**
 * Opens the eMRTD application the way mature readers do: EF.CardAccess → PACE (CAN first, then MRZ) → SELECT
 * the application → BAC when PACE was not possible. Every attempt is recorded with its outcome and duration.
 * `reopen` repeats the method that worked, for recovery after a transient error mid-read.
 */
export type AccessMethod = 'PACE-CAN' | 'PACE-MRZ' | 'BAC';

export type AccessAttempt = {
  readonly method: AccessMethod;
  readonly outcome: 'succeeded' | 'failed';
  readonly durationMs: number;
  readonly error?: IdCardFailure;
};

export type AccessReport = {
  readonly method: AccessMethod;
  readonly attempts: readonly AccessAttempt[];
  /** What EF.CardAccess offered; undefined when the chip has none (BAC-only). */
  readonly cardAccess: SecurityInfos | undefined;
  readonly cardAccessBytes: Uint8Array | undefined;
};

export type AccessKeys = { readonly can?: string; readonly mrzInformation?: string };

export type AccessOptions = { readonly random: Random; readonly clock: () => number };

export type AccessFailure = IdCardFailure & { readonly attempts?: readonly AccessAttempt[] };

const fatal = (failure: IdCardFailure): boolean => failure.code === 'id-card.card-removed' || failure.code === 'id-card.transport';

async function selectApplication(card: CardChannel): Promise<Result<void, IdCardFailure>> {
  const reply = await card.send({ cla: 0, ins: 0xa4, p1: 0x04, p2: 0x0c, data: EMRTD_AID });
  if (!reply.ok) return reply;
  return reply.value.sw === SW.success ? ok(undefined) : err(statusFailure(reply.value.sw, 'SELECT eMRTD application'));
}

/** SELECT MF; a chip that refuses it is left where it is, only transport failures count. */
async function selectMasterFile(card: CardChannel): Promise<Result<void, IdCardFailure>> {
  const reply = await card.send({ cla: 0, ins: 0xa4, p1: 0x00, p2: 0x0c, data: Uint8Array.of(0x3f, 0x00) });
  return reply.ok || !fatal(reply.error) ? ok(undefined) : reply;
}

async function readCardAccess(card: CardChannel): Promise<Result<{ infos: SecurityInfos; bytes: Uint8Array } | undefined, IdCardFailure>> {
  const file = await readFile(card, EF_CARD_ACCESS, {
    link: { chunkSize: SHORT_CHUNK },
    maxRetries: 0,
    recover: async () => err(idCardErrors.transient('EF.CardAccess')),
  });
  if (!file.ok) return fatal(file.error) ? file : ok(undefined);
  if (file.value.kind !== 'read') return ok(undefined);
  const infos = parseSecurityInfos(file.value.bytes);
  // A malformed EF.CardAccess is treated like a missing one: BAC remains possible.
  return infos.ok ? ok({ infos: infos.value, bytes: file.value.bytes }) : ok(undefined);
}

function passwords(keys: AccessKeys): { method: AccessMethod; password: PacePassword }[] {
  const list: { method: AccessMethod; password: PacePassword }[] = [];
  if (keys.can !== undefined) list.push({ method: 'PACE-CAN', password: { kind: 'can', can: keys.can } });
  if (keys.mrzInformation !== undefined) list.push({ method: 'PACE-MRZ', password: { kind: 'mrz', mrzInformation: keys.mrzInformation } });
  return list;
}

/** The most useful failure to show: a wrong or blocked password beats a generic refusal. */
function mostTelling(attempts: readonly AccessAttempt[]): IdCardFailure | undefined {
  const errors = attempts.map((attempt) => attempt.error).filter((e): e is IdCardFailure => e !== undefined);
  return (
    errors.find((e) => e.code === 'id-card.password-blocked') ?? errors.find((e) => e.code === 'id-card.wrong-password') ?? errors[errors.length - 1]
  );
}

export async function openApplication(card: CardChannel, keys: AccessKeys, options: AccessOptions): Promise<Result<AccessReport, AccessFailure>> {
  if (keys.can === undefined && keys.mrzInformation === undefined) return err(idCardErrors.noAccessKey());
  const attempts: AccessAttempt[] = [];
  // Start from the master file even if an earlier session left the chip inside the application.
  const master = await selectMasterFile(card);
  if (!master.ok) return master;
  const cardAccess = await readCardAccess(card);
  if (!cardAccess.ok) return cardAccess;
  const paceInfo = cardAccess.value === undefined ? undefined : choosePace(cardAccess.value.infos);

  const report = (method: AccessMethod): AccessReport => ({
    method,
    attempts,
    cardAccess: cardAccess.value?.infos,
    cardAccessBytes: cardAccess.value?.bytes,
  });

  if (paceInfo !== undefined) {
    for (const { method, password } of passwords(keys)) {
      const started = options.clock();
      const session = await performPace(card, paceInfo, password, options.random);
      const durationMs = options.clock() - started;
      if (!session.ok) {
        attempts.push({ method, outcome: 'failed', durationMs, error: session.error });
        if (fatal(session.error)) return err({ ...session.error, attempts });
        continue;
      }
      attempts.push({ method, outcome: 'succeeded', durationMs });
      card.useSecureMessaging(session.value.channel);
      const selected = await selectApplication(card);
      if (!selected.ok) return err({ ...selected.error, attempts });
      return ok(report(method));
    }
  }

  if (keys.mrzInformation === undefined) return err({ ...(mostTelling(attempts) ?? idCardErrors.noAccessKey()), attempts });
  card.useSecureMessaging(undefined);
  const selected = await selectApplication(card);
  if (!selected.ok) return err({ ...selected.error, attempts });
  const started = options.clock();
  const bac = await performBac(card, keys.mrzInformation, options.random);
  const durationMs = options.clock() - started;
  if (!bac.ok) {
    attempts.push({ method: 'BAC', outcome: 'failed', durationMs, error: bac.error });
    return err({ ...(mostTelling(attempts) ?? bac.error), attempts });
  }
  attempts.push({ method: 'BAC', outcome: 'succeeded', durationMs });
  card.useSecureMessaging(bac.value.channel);
  return ok(report('BAC'));
}

/** Re-establishes the session with the method and key that worked, after the chip dropped it. */
export async function reopenApplication(card: CardChannel, keys: AccessKeys, access: AccessReport, options: AccessOptions): Promise<Result<void, IdCardFailure>> {
  card.useSecureMessaging(undefined);
  const paceInfo: PaceInfo | undefined = access.cardAccess === undefined ? undefined : choosePace(access.cardAccess);
  if (access.method === 'BAC') {
    if (keys.mrzInformation === undefined) return err(idCardErrors.noAccessKey());
    const selected = await selectApplication(card);
    if (!selected.ok) return selected;
    const bac = await performBac(card, keys.mrzInformation, options.random);
    if (!bac.ok) return bac;
    card.useSecureMessaging(bac.value.channel);
    return ok(undefined);
  }
  const password: PacePassword | undefined =
    access.method === 'PACE-CAN'
      ? keys.can === undefined
        ? undefined
        : { kind: 'can', can: keys.can }
      : keys.mrzInformation === undefined
        ? undefined
        : { kind: 'mrz', mrzInformation: keys.mrzInformation };
  if (paceInfo === undefined || password === undefined) return err(idCardErrors.noAccessKey());
  // Back to the master file, where PACE runs.
  const master = await selectMasterFile(card);
  if (!master.ok) return master;
  const session = await performPace(card, paceInfo, password, options.random);
  if (!session.ok) return session;
  card.useSecureMessaging(session.value.channel);
  return selectApplication(card);
}
