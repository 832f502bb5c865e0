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

describe('ratings leave the kiosk through the outbox', () => {
  const rating = { id: '01950000-0000-7000-8000-000000000001', at: 5000, channel: 'self-service', scores: { attitude: 2 }, overall: 'satisfied' } as const;

  it('writes the rating and its rating.submit mutation together', async () => {
    const db = await openOrThrow(uniqueDbName());
    open.push(db);
    expect((await saveRating(db, rating)).ok).toBe(true);
    const rows = await db.outbox.toArray();
    expect(rows).toEqual([{ kind: 'rating.submit', entity: 'rating', entityId: rating.id, payload: { rating }, mutationId: 1, createdAt: 5000 }]);
  });

  it('keeps neither when the outbox write fails, and queues nothing for a second save of the same rating', async () => {
    const db = await openOrThrow(uniqueDbName());
    open.push(db);
    const refuse = () => {
      throw new Error('outbox unavailable');
    };
    db.outbox.hook('creating', refuse);
    const failed = await saveRating(db, rating);
    expect(!failed.ok && failed.error.code).toBe('store.write-failed');
    expect(await db.ratings.count()).toBe(0);
    db.outbox.hook('creating').unsubscribe(refuse);

    expect((await saveRating(db, rating)).ok).toBe(true);
    expect((await saveRating(db, rating)).ok).toBe(false);
    expect(await db.ratings.count()).toBe(1);
    expect((await db.outbox.toArray()).map((r) => [r.kind, r.mutationId])).toEqual([['rating.submit', 1]]);
  });
});
