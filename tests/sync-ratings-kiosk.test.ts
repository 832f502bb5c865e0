import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { mondayMorning, sampleOfficer, sampleReceipt } from '../src-shared/domain/records/fixtures.testing';
import { saveRating } from '../src-renderer/src/store/ratings-repository';
import { nextUnit, useHarness } from '../sync-server/harness.testing';
import { dexieKiosk } from './support/dexie-kiosk';

/**
 * A kiosk's outbox mixes records and ratings: the real Dexie store and engine push both in order, acknowledge
 * both, and the pull that follows still works (a rating row must not be mistaken for a record).
 */
describe('ratings from a Dexie kiosk through the sync server', () => {
  const h = useHarness('pglite');

  it('pushes a rating between two receipts, empties the outbox, and the records still reach another kiosk', async () => {
    const unit = nextUnit();
    const kiosks = await Promise.all(['point-a', 'counter-b'].map((name) => dexieKiosk(h, unit, name)));
    const [a, b] = kiosks;
    if (a === undefined || b === undefined) throw new Error('setup');

    const first = await a.repo.receiveRecord({ ...sampleReceipt(), officer: sampleOfficer });
    const rated = await saveRating(a.db, { id: '0195a000-0000-7000-8000-0000000000aa', at: mondayMorning, channel: 'self-service', scores: { attitude: 2 }, overall: 'satisfied' });
    const second = await a.repo.receiveRecord({ ...sampleReceipt(), officer: sampleOfficer });
    if (!first.ok || !rated.ok || !second.ok) throw new Error('setup');

    const round = await a.engine.syncOnce();
    expect(round.ok && round.value).toMatchObject({ pushed: 3, failed: 0 });
    expect(await a.db.outbox.count()).toBe(0);
    const stored = await h.db.query('SELECT id FROM ratings WHERE unit_id = $1', [unit]);
    expect(stored.map((r) => r.id)).toEqual([rated.value.id]);
    // The rating stays on the kiosk too (its own table), and nothing pulled replaced it.
    expect(await a.db.ratings.count()).toBe(1);

    expect((await b.engine.syncOnce()).ok).toBe(true);
    expect((await b.db.records.toArray()).map((r) => r.code).sort()).toEqual([first.value.code, second.value.code].sort());
    expect(await b.db.ratings.count()).toBe(0);
    expect(await a.engine.verify()).toEqual({ ok: true, value: true });
  });
});
