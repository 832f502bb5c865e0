import { describe, expect, it } from 'vitest';
import type { PrintJob } from '../../../src-shared/api/printer';
import { laterSnapshot } from './print-job-snapshots';

const queued: PrintJob = {
  id: '0195f1c2-0000-7000-8000-00000000000a',
  slip: { kind: 'test-page', reprint: false, centerName: 'Trung tâm phường Mẫu', issuedAt: 1000 },
  state: 'queued',
  createdAt: 1000,
  updatedAt: 1000,
  attempts: 0,
};

describe('the later of two snapshots of a print job', () => {
  it('keeps "done" that came before the answer saying "queued"', () => {
    const done: PrintJob = { ...queued, state: 'done', updatedAt: 1040, attempts: 1, finishedAt: 1040 };
    expect(laterSnapshot(queued, done).state).toBe('done');
    expect(laterSnapshot(done, queued).state).toBe('done');
  });

  it('breaks a tie in the same millisecond by progress, and follows a reprint back to queued', () => {
    expect(laterSnapshot(queued, { ...queued, state: 'sending' }).state).toBe('sending');
    const uncertain: PrintJob = { ...queued, state: 'uncertain', updatedAt: 2000 };
    expect(laterSnapshot(uncertain, { ...queued, updatedAt: 3000 }).state).toBe('queued');
  });

  it('ignores a snapshot of another job, or none', () => {
    expect(laterSnapshot(queued, undefined)).toBe(queued);
    expect(laterSnapshot(queued, { ...queued, id: '0195f1c2-0000-7000-8000-00000000000b', state: 'done', updatedAt: 5000 })).toBe(queued);
  });
});
