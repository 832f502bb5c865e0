import { describe, expect, it } from 'vitest';
import type { Rating } from '../src-shared/domain/ratings/rating';
import { mondayMorning } from '../src-shared/domain/records/fixtures.testing';
import { changesResponseSchema, type PushedMutation, type PushResponse } from '../src-shared/sync/protocol';
import { bearer, enrollVia, nextUnit, postgresSkipped, storageKinds, useHarness, pushVia } from './harness.testing';

const rating = (id: string, overrides: Partial<Rating> = {}): Rating => ({
  id,
  at: mondayMorning,
  channel: 'self-service',
  recordCode: '000.00.15.H55-260302-3001',
  scores: { attitude: 2, 'total-time': 1 },
  overall: 'very-satisfied',
  ...overrides,
});

const submit = (mutationId: number, payload: unknown, entityId: string): PushedMutation => ({ mutationId, kind: 'rating.submit', entityId, payload, createdAt: mondayMorning });

describe.each(storageKinds)('ratings on the sync server (%s)', (kind) => {
  const h = useHarness(kind);

  const skip = postgresSkipped(kind);
  const auth = bearer;

  const push = (token: string, mutations: PushedMutation[]): Promise<PushResponse> => pushVia(h.app, token, mutations);

  async function storedRatings(unit: string): Promise<{ id: string; kioskId: string; data: unknown }[]> {
    const rows = await h.db.query('SELECT id, kiosk_id, data FROM ratings WHERE unit_id = $1 ORDER BY id', [unit]);
    return rows.map((r) => ({ id: String(r.id), kioskId: String(r.kiosk_id), data: r.data }));
  }

  it.skipIf(skip)('stores a pushed rating once, whether the push is repeated or the rating is queued again', async () => {
    const unit = nextUnit();
    const kiosk = await enrollVia(h.app, unit, `ss-${unit}`);
    const given = rating('0195a000-0000-7000-8000-00000000000a');

    const first = await push(kiosk.token, [submit(1, { rating: given }, given.id)]);
    expect(first).toEqual({ lastMutationId: 1, results: [{ mutationId: 1, status: 'applied' }] });
    // The answer was lost: the kiosk sends the same mutation again.
    const again = await push(kiosk.token, [submit(1, { rating: given }, given.id)]);
    expect(again.results).toEqual([{ mutationId: 1, status: 'duplicate' }]);
    // The same rating under a new mutation id (e.g. saved again after a restore) is accepted and still kept once.
    const requeued = await push(kiosk.token, [submit(2, { rating: given }, given.id)]);
    expect(requeued.results).toEqual([{ mutationId: 2, status: 'applied' }]);

    expect(await storedRatings(unit)).toEqual([{ id: given.id, kioskId: kiosk.kioskId, data: given }]);

    // Ratings take no revision: kiosks pulling the partition see no change and get no ratings.
    const pulled = changesResponseSchema.parse((await h.app.inject({ method: 'GET', url: `/v1/partitions/${unit}/changes?since=0`, headers: auth(kiosk.token) })).json());
    expect(pulled.kind === 'changes' && pulled.records).toEqual([]);
    expect(pulled.kind === 'changes' && pulled.checkpoint).toBe(0);

    // The Center's admin and the province read the count per partition in the metrics.
    for (const token of [h.adminTokenFor(unit), h.provinceToken]) {
      const metrics = (await h.app.inject({ method: 'GET', url: '/v1/metrics', headers: auth(token) })).json<{ partitions: { unitId: string; ratings: number }[] }>();
      expect(metrics.partitions.find((p) => p.unitId === unit)?.ratings).toBe(1);
    }
  });

  it.skipIf(skip)('reports an invalid rating as failed and applies the next mutation', async () => {
    const unit = nextUnit();
    const kiosk = await enrollVia(h.app, unit, `ss-${unit}`);
    const invalid = { ...rating('0195a000-0000-7000-8000-00000000000b'), overall: 'great' };
    const mismatched = rating('0195a000-0000-7000-8000-00000000000c');
    const valid = rating('0195a000-0000-7000-8000-00000000000d', { scores: {}, overall: 'not-satisfied' });

    const answer = await push(kiosk.token, [submit(1, { rating: invalid }, invalid.id), submit(2, { rating: mismatched }, 'another-id'), submit(3, { rating: valid }, valid.id)]);
    expect(answer.lastMutationId).toBe(3);
    expect(answer.results.map((r) => r.status)).toEqual(['failed', 'failed', 'applied']);
    expect(answer.results[0]?.error).toMatchObject({ code: 'sync.invalid-mutation', message: expect.stringMatching(/^Thay đổi không hợp lệ: rating\.overall/), messageEn: expect.stringMatching(/^Invalid mutation/) });
    expect(answer.results[1]?.error?.code).toBe('sync.invalid-mutation');

    expect((await storedRatings(unit)).map((r) => r.id)).toEqual([valid.id]);
    // The refusal is kept with its payload for the technician.
    const logged = await h.db.query('SELECT mutation_id, status, kind, payload FROM mutations WHERE kiosk_id = $1 ORDER BY mutation_id', [kiosk.kioskId]);
    expect(logged.map((r) => [Number(r.mutation_id), r.status, r.kind])).toEqual([
      [1, 'failed', 'rating.submit'],
      [2, 'failed', 'rating.submit'],
      [3, 'applied', 'rating.submit'],
    ]);
    expect(logged[0]?.payload).toEqual({ rating: invalid });
  });
});
