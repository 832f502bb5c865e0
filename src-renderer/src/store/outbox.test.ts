import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { sampleOfficer, sampleReceipt } from '../../../src-shared/domain/records/fixtures.testing';
import { openOrThrow, testDeps, uniqueDbName } from './fixtures.testing';
import { acknowledgeMutations, pendingMutations } from './outbox';
import { createRecordsRepository } from './records-repository';

describe('the outbox', () => {
  it('hands out pending mutations in order and keeps counting after acknowledgements', async () => {
    const db = await openOrThrow(uniqueDbName());
    const repo = createRecordsRepository(db, testDeps());
    for (let i = 0; i < 3; i += 1) expect((await repo.receiveRecord({ ...sampleReceipt(), officer: sampleOfficer })).ok).toBe(true);

    expect((await pendingMutations(db, 2)).map((m) => m.mutationId)).toEqual([1, 2]);
    expect(await acknowledgeMutations(db, 2)).toBe(2);
    expect((await pendingMutations(db, 10)).map((m) => m.mutationId)).toEqual([3]);

    expect((await repo.receiveRecord({ ...sampleReceipt(), officer: sampleOfficer })).ok).toBe(true);
    expect((await pendingMutations(db, 10)).map((m) => m.mutationId)).toEqual([3, 4]);
    db.close();
  });
});
