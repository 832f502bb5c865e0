import {
  afterFailure,
  afterSuccess,
  attemptsLeft,
  createCredential,
  lockRemainingMs,
  officerFailures,
  profileOf,
  usernameSchema,
  verifySecret,
  type CredentialKind,
  type OfficerAccount,
  type OfficerProfile,
  type OfficerRole,
  type ScryptParams,
} from '../../../src-shared/domain/officers';
import type { Officer } from '../../../src-shared/domain/records';
import { err, FailureError, ok, type Failure, type Result } from '../../../src-shared/result';
import { normalizeName } from '../../../src-shared/text';
import { appendAudit } from './audit';
import { toFailure } from './failures';
import type { AuditAction, MotCuaDb } from './schema';

export type OfficersDeps = {
  readonly now: () => number;
  readonly newId: () => string;
  readonly randomBytes: (n: number) => Uint8Array;
  /** Tests pass cheap parameters; the kiosk uses the defaults. */
  readonly scryptParams?: ScryptParams;
};

export type NewOfficer = {
  readonly username: string;
  readonly displayName: string;
  readonly role: OfficerRole;
  readonly kind: CredentialKind;
  readonly secret: string;
};

const actorOf = (profile: Pick<OfficerProfile, 'id' | 'displayName'>): Officer => ({ officerId: profile.id, name: profile.displayName });

/**
 * Officer accounts, verified offline. Every change and every sign-in attempt is written with its audit entry in
 * one transaction; the audit names the account, never the secret.
 */
export function createOfficersRepository(db: MotCuaDb, deps: OfficersDeps) {
  const audit = (action: AuditAction, actor: Officer, account: OfficerAccount, detail: Record<string, string | number | null> = {}) =>
    appendAudit(db.audit, { id: deps.newId(), at: deps.now(), actor, action, entity: 'officer', entityId: account.id, detail: { username: account.username, ...detail } });

  async function build(input: NewOfficer): Promise<Result<OfficerAccount, Failure>> {
    if (!usernameSchema.safeParse(input.username).success) return err(officerFailures.usernameFormat());
    const displayName = normalizeName(input.displayName);
    if (displayName === '') return err(officerFailures.displayName());
    const credential = await createCredential(input.kind, input.secret, deps.randomBytes, deps.scryptParams);
    if (!credential.ok) return credential;
    const now = deps.now();
    return ok({ id: deps.newId(), username: input.username, displayName, role: input.role, credential: credential.value, active: true, failedAttempts: 0, lockedUntil: 0, createdAt: now, updatedAt: now });
  }

  async function add(account: OfficerAccount, actor: Officer): Promise<Result<OfficerProfile, Failure>> {
    try {
      await db.transaction('rw', [db.officers, db.audit], async () => {
        if ((await db.officers.where('username').equals(account.username).count()) > 0) throw new FailureError(officerFailures.usernameTaken(account.username));
        await db.officers.add(account);
        await audit('officer.create', actor, account, { role: account.role });
      });
      return ok(profileOf(account));
    } catch (error) {
      return err(toFailure(error, 'write'));
    }
  }

  return {
    /** True on a fresh install: the first account must be created (as a supervisor) before anyone can sign in. */
    async needsFirstSupervisor(): Promise<boolean> {
      return (await db.officers.count()) === 0;
    },

    /** Only allowed while no account exists: the person installing the kiosk becomes its first supervisor. */
    async createFirstSupervisor(input: Omit<NewOfficer, 'role'>): Promise<Result<OfficerProfile, Failure>> {
      const account = await build({ ...input, role: 'supervisor' });
      if (!account.ok) return account;
      if ((await db.officers.count()) > 0) return err(officerFailures.notAllowed());
      return add(account.value, actorOf(account.value));
    },

    async createOfficer(by: OfficerProfile, input: NewOfficer): Promise<Result<OfficerProfile, Failure>> {
      if (by.role !== 'supervisor') return err(officerFailures.notAllowed());
      const account = await build(input);
      return account.ok ? add(account.value, actorOf(by)) : account;
    },

    async listOfficers(): Promise<OfficerProfile[]> {
      return (await db.officers.orderBy('username').toArray()).map(profileOf);
    },

    /** Disables or re-enables an account (never deletes: the audit log and records name it). Unlocks it too. */
    async setActive(by: OfficerProfile, id: string, active: boolean): Promise<Result<OfficerProfile, Failure>> {
      if (by.role !== 'supervisor') return err(officerFailures.notAllowed());
      try {
        const updated = await db.transaction('rw', [db.officers, db.audit], async () => {
          const account = await db.officers.get(id);
          if (!account) throw new FailureError(officerFailures.inactive());
          if (!active && account.role === 'supervisor') {
            const supervisors = (await db.officers.toArray()).filter((a) => a.role === 'supervisor' && a.active);
            if (supervisors.length <= 1) throw new FailureError(officerFailures.lastSupervisor());
          }
          const next = { ...afterSuccess(account, deps.now()), active };
          await db.officers.put(next);
          await audit('officer.update', actorOf(by), next, { active: active ? 1 : 0 });
          return next;
        });
        return ok(profileOf(updated));
      } catch (error) {
        return err(toFailure(error, 'write'));
      }
    },

    /**
     * Checks a username and secret. The same message answers an unknown username and a wrong secret, so the
     * screen does not reveal which accounts exist; failures count towards the lock-out.
     */
    async signIn(username: string, secret: string): Promise<Result<OfficerProfile, Failure>> {
      const account = await db.officers.where('username').equals(username.trim().toLowerCase()).first();
      if (!account) return err(officerFailures.wrongCredential(attemptsLeft({ failedAttempts: 0 } as OfficerAccount)));
      if (!account.active) return err(officerFailures.inactive());
      const now = deps.now();
      const locked = lockRemainingMs(account, now);
      if (locked > 0) return err(officerFailures.locked(locked));
      const matches = await verifySecret(account.credential, secret);
      try {
        return await db.transaction('rw', [db.officers, db.audit], async () => {
          // Re-read inside the transaction: two windows failing at once must both count.
          const current = (await db.officers.get(account.id)) ?? account;
          const next = matches ? afterSuccess(current, now) : afterFailure(current, now);
          await db.officers.put(next);
          await audit(matches ? 'officer.sign-in' : 'officer.sign-in-refused', actorOf({ id: next.id, displayName: next.displayName }), next, { failedAttempts: next.failedAttempts });
          if (matches) return ok(profileOf(next));
          const lockedNow = lockRemainingMs(next, now);
          return err(lockedNow > 0 ? officerFailures.locked(lockedNow) : officerFailures.wrongCredential(attemptsLeft(next)));
        });
      } catch (error) {
        return err(toFailure(error, 'write'));
      }
    },
  };
}

export type OfficersRepository = ReturnType<typeof createOfficersRepository>;
