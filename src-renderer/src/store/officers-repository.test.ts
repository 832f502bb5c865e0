import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createIdGenerator } from '../../../src-shared/domain/records';
import { openOrThrow, uniqueDbName } from './fixtures.testing';
import { createOfficersRepository } from './officers-repository';
import type { MotCuaDb } from './schema';

let db: MotCuaDb | undefined;
afterEach(() => db?.close());

async function setup() {
  db = await openOrThrow(uniqueDbName());
  let clock = Date.UTC(2026, 2, 2, 1, 0);
  const repo = createOfficersRepository(db, {
    now: () => clock,
    newId: createIdGenerator({ now: () => clock, fillRandom: (bytes) => crypto.getRandomValues(bytes) }),
    randomBytes: (n) => crypto.getRandomValues(new Uint8Array(n)),
    scryptParams: { N: 2 ** 10, r: 8, p: 1 },
  });
  return { db, repo, advance: (ms: number) => (clock += ms) };
}

describe('officer accounts in the local store', () => {
  it('bootstraps the first supervisor once, then signs in offline', async () => {
    const { repo, db } = await setup();
    expect(await repo.needsFirstSupervisor()).toBe(true);
    const first = await repo.createFirstSupervisor({ username: 'lan.nguyen', displayName: 'Nguyễn  Thị Lan', kind: 'password', secret: 'motcua2026' });
    expect(first.ok && first.value.role).toBe('supervisor');
    expect(first.ok && first.value.displayName).toBe('Nguyễn Thị Lan');
    expect(await repo.needsFirstSupervisor()).toBe(false);
    const again = await repo.createFirstSupervisor({ username: 'x.y', displayName: 'X', kind: 'password', secret: 'motcua2026' });
    expect(!again.ok && again.error.code).toBe('officer.not-allowed');
    const signedIn = await repo.signIn('LAN.NGUYEN', 'motcua2026');
    expect(signedIn.ok && signedIn.value.username).toBe('lan.nguyen');
    const stored = await db.officers.toArray();
    expect(JSON.stringify(stored)).not.toContain('motcua2026');
    expect((await db.audit.toArray()).map((a) => a.action)).toEqual(['officer.create', 'officer.sign-in']);
  });

  it('locks an account after five wrong secrets and tells how long', async () => {
    const { repo, advance } = await setup();
    const boss = await repo.createFirstSupervisor({ username: 'boss', displayName: 'Trần Văn Bình', kind: 'password', secret: 'motcua2026' });
    if (!boss.ok) throw new Error('boss');
    await repo.createOfficer(boss.value, { username: 'hoa', displayName: 'Lê Thị Hoà', role: 'officer', kind: 'pin', secret: '271828' });
    for (let i = 0; i < 4; i++) {
      const wrong = await repo.signIn('hoa', '000001');
      expect(!wrong.ok && wrong.error.code).toBe('officer.wrong-credential');
    }
    const fifth = await repo.signIn('hoa', '000001');
    expect(!fifth.ok && fifth.error.code).toBe('officer.locked');
    const evenRight = await repo.signIn('hoa', '271828');
    expect(!evenRight.ok && evenRight.error.message).toMatch(/khoá/);
    advance(5 * 60_000 + 1);
    expect((await repo.signIn('hoa', '271828')).ok).toBe(true);
  });

  it('gives the same answer for an unknown username as for a wrong secret', async () => {
    const { repo } = await setup();
    await repo.createFirstSupervisor({ username: 'boss', displayName: 'B', kind: 'password', secret: 'motcua2026' });
    const unknown = await repo.signIn('nobody', 'motcua2026');
    const wrong = await repo.signIn('boss', 'motcua2027');
    expect(!unknown.ok && unknown.error.code).toBe('officer.wrong-credential');
    expect(!wrong.ok && wrong.error.code).toBe('officer.wrong-credential');
  });

  it('lets only a supervisor manage accounts and keeps the last supervisor active', async () => {
    const { repo } = await setup();
    const boss = await repo.createFirstSupervisor({ username: 'boss', displayName: 'B', kind: 'password', secret: 'motcua2026' });
    if (!boss.ok) throw new Error('boss');
    const officer = await repo.createOfficer(boss.value, { username: 'an.le', displayName: 'An', role: 'officer', kind: 'pin', secret: '271828' });
    if (!officer.ok) throw new Error('officer');
    const byOfficer = await repo.createOfficer(officer.value, { username: 'binh', displayName: 'Bình', role: 'officer', kind: 'pin', secret: '314159' });
    expect(!byOfficer.ok && byOfficer.error.code).toBe('officer.not-allowed');
    const taken = await repo.createOfficer(boss.value, { username: 'an.le', displayName: 'An 2', role: 'officer', kind: 'pin', secret: '314159' });
    expect(!taken.ok && taken.error.code).toBe('officer.username-taken');
    const lastBoss = await repo.setActive(boss.value, boss.value.id, false);
    expect(!lastBoss.ok && lastBoss.error.code).toBe('officer.last-supervisor');
    const disabled = await repo.setActive(boss.value, officer.value.id, false);
    expect(disabled.ok && disabled.value.active).toBe(false);
    const signIn = await repo.signIn('an.le', '271828');
    expect(!signIn.ok && signIn.error.code).toBe('officer.inactive');
  });
});
