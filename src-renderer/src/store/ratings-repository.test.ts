import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openOrThrow, uniqueDbName } from './fixtures.testing';
import { ratingsBetween, saveRating } from './ratings-repository';
import type { MotCuaDb } from './schema';

const open: MotCuaDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

describe('ratings in the local store (schema v5)', () => {
  it('stores a valid rating and finds it by time; refuses an invalid one and writes nothing', async () => {
    const db = await openOrThrow(uniqueDbName());
    open.push(db);
    const saved = await saveRating(db, { id: 'r1', at: 1000, channel: 'self-service', recordCode: '000.00.15.H55-260302-3001', scores: { attitude: 2 }, overall: 'very-satisfied' });
    expect(saved.ok).toBe(true);
    const bad = await saveRating(db, { id: 'r2', at: 2000, channel: 'self-service', scores: { attitude: 2 }, overall: 'great' as 'satisfied' });
    expect(!bad.ok && bad.error.code).toBe('records.invalid-input');
    const found = await ratingsBetween(db, 0, 5000);
    expect(found.ok && found.value.map((r) => r.id)).toEqual(['r1']);
  });
});
