/** Helpers for the store's tests (the `.testing` suffix marks it: never imported by app code). */
import { createIdGenerator } from '../../../src-shared/domain/records';
import { mondayMorning, sampleUnitId } from '../../../src-shared/domain/records/fixtures.testing';
import { openMotCuaDb, type OpenOptions } from './open';
import type { RecordsRepositoryDeps } from './records-repository';
import type { MotCuaDb } from './schema';

export const uniqueDbName = (): string => `motcua-test-${crypto.randomUUID()}`;

export async function openOrThrow(name: string, options: OpenOptions = {}): Promise<MotCuaDb> {
  const opened = await openMotCuaDb(name, options);
  if (!opened.ok) throw new Error(`${opened.error.code}: ${opened.error.messageEn}`);
  return opened.value.db;
}

export type TestClock = RecordsRepositoryDeps & { set(at: number): void; advance(ms: number): void };

export function testDeps(start: number = mondayMorning, kioskSlot = 3): TestClock {
  let t = start;
  const now = () => t;
  return {
    kiosk: { kioskId: `kiosk-${kioskSlot}`, unitId: sampleUnitId, kioskSlot, counterId: 'quay-1' },
    now,
    newId: createIdGenerator({ now, fillRandom: (bytes) => crypto.getRandomValues(bytes) }),
    set: (at) => {
      t = at;
    },
    advance: (ms) => {
      t += ms;
    },
  };
}
