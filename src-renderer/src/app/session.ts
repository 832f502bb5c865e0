import { create } from 'zustand';
import type { OfficerProfile } from '../../../src-shared/domain/officers';
import { createIdGenerator } from '../../../src-shared/domain/records';
import type { MotCuaDb } from '../store';
import { createOfficersRepository, type OfficersRepository } from '../store/officers-repository';

/** Counters are shared desks: a signed-in screen left alone signs itself out. */
export const inactivityLimitMs = 10 * 60_000;

type SessionState = {
  readonly officers: OfficersRepository | undefined;
  readonly needsFirstSupervisor: boolean | undefined;
  readonly officer: OfficerProfile | undefined;
  readonly lastActivity: number;
};

export const useSession = create<SessionState>()(() => ({ officers: undefined, needsFirstSupervisor: undefined, officer: undefined, lastActivity: 0 }));

export async function attachOfficers(db: MotCuaDb): Promise<void> {
  const officers = createOfficersRepository(db, {
    now: () => Date.now(),
    newId: createIdGenerator({ now: () => Date.now(), fillRandom: (bytes) => crypto.getRandomValues(bytes) }),
    randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
  });
  useSession.setState({ officers, needsFirstSupervisor: await officers.needsFirstSupervisor() });
}

export function startSession(officer: OfficerProfile): void {
  useSession.setState({ officer, needsFirstSupervisor: false, lastActivity: Date.now() });
}

export function signOut(): void {
  useSession.setState({ officer: undefined });
}

export function noteActivity(): void {
  if (useSession.getState().officer) useSession.setState({ lastActivity: Date.now() });
}

/** Checked on a timer: past the limit the officer is signed out and the sign-in screen covers their work. */
export function expireIfIdle(now: number): void {
  const { officer, lastActivity } = useSession.getState();
  if (officer && now - lastActivity > inactivityLimitMs) signOut();
}
