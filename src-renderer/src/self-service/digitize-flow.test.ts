import { describe, expect, it } from 'vitest';
import { sampleUnitId } from '../../../src-shared/domain/records/fixtures.testing';
import type { DocumentScan } from '../app/scan-document';
import {
  digitizeStep,
  initialDigitizeState,
  keepableScans,
  keptDocumentsOf,
  keptListSlip,
  missingDocuments,
  pendingScans,
  qualityNotes,
  type ChosenProcedure,
  type DigitizeEvent,
  type DigitizeState,
} from './digitize-flow';

const birth: ChosenProcedure = {
  key: '1.001193@2025-07-01',
  code: '1.001193',
  name: 'Thủ tục đăng ký khai sinh',
  documents: [
    { id: 'to-khai', name: 'Tờ khai đăng ký khai sinh' },
    { id: 'chung-sinh', name: 'Giấy chứng sinh' },
    { id: 'ket-hon', name: 'Giấy chứng nhận kết hôn' },
  ],
};

const scan = (hash: string, overrides: Partial<DocumentScan> = {}): DocumentScan => ({
  hash: hash.repeat(64).slice(0, 64),
  pageCount: 2,
  bytes: 40_000,
  thumbnails: ['data:image/jpeg;base64,AA==', 'data:image/jpeg;base64,AB=='],
  droppedPages: 0,
  issues: [],
  ...overrides,
});

/** Runs events from the start, collecting every hash the flow said to drop. */
function run(events: readonly DigitizeEvent[]): { state: DigitizeState; discarded: string[] } {
  let state = initialDigitizeState;
  const discarded: string[] = [];
  for (const event of events) {
    const next = digitizeStep(state, event);
    state = next.state;
    discarded.push(...next.discard);
  }
  return { state, discarded };
}

describe('the "digitize my documents" flow', () => {
  it('walks each required document in turn: scan and go on, retake replaces (the old scan is dropped), skip', () => {
    const { state, discarded } = run([
      { kind: 'choose', procedure: birth },
      { kind: 'scanned', scan: scan('a') },
      { kind: 'scanned', scan: scan('b') },
      { kind: 'next' },
      { kind: 'skip' },
      { kind: 'scanned', scan: scan('c', { pageCount: 1 }) },
      { kind: 'next' },
    ]);
    expect(state.step).toBe('summary');
    expect(discarded).toEqual([scan('a').hash]);
    expect(keepableScans(state).map((k) => [k.document.id, k.scan.hash])).toEqual([
      ['to-khai', scan('b').hash],
      ['ket-hon', scan('c').hash],
    ]);
    expect(missingDocuments(state).map((d) => d.name)).toEqual(['Giấy chứng sinh']);
    expect(pendingScans(state).sort()).toEqual([scan('b').hash, scan('c').hash].sort());
  });

  it('will not go on from a document with no scan or a scan the quality gates refuse; retake or skip only', () => {
    const blank = scan('e', { issues: [{ severity: 'error', message: 'Tất cả các trang đều trắng', messageEn: 'Every page is blank' }] });
    const chosen = run([{ kind: 'choose', procedure: birth }]).state;
    expect(digitizeStep(chosen, { kind: 'next' }).state).toBe(chosen);
    const refused = digitizeStep(chosen, { kind: 'scanned', scan: blank }).state;
    expect(digitizeStep(refused, { kind: 'next' }).state).toBe(refused);
    const skipped = digitizeStep(refused, { kind: 'skip' });
    expect(skipped.discard).toEqual([blank.hash]);
    expect(skipped.state.step === 'document' && skipped.state.index).toBe(1);
  });

  it('skipping a scanned document drops its scan; going back keeps what was done', () => {
    const { state, discarded } = run([{ kind: 'choose', procedure: birth }, { kind: 'scanned', scan: scan('a') }, { kind: 'next' }, { kind: 'back' }, { kind: 'skip' }]);
    expect(discarded).toEqual([scan('a').hash]);
    expect(state.step === 'document' && state.index).toBe(1);
  });

  it('keeps the acceptable scans bound to the citizen’s ID number, with the same page details as a counter scan', () => {
    const warned = scan('d', { droppedPages: 1, issues: [{ severity: 'warning', message: 'Trang 2 vẫn còn nghiêng 0.8°', messageEn: 'Page 2 is still skewed' }] });
    const { state } = run([{ kind: 'choose', procedure: birth }, { kind: 'scanned', scan: warned }, { kind: 'next' }, { kind: 'skip' }, { kind: 'skip' }]);
    let n = 0;
    const kept = keptDocumentsOf(state, { citizenId: '001099012345', unitId: sampleUnitId }, () => `id-${++n}`, 1000);
    expect(kept).toEqual([
      {
        id: 'id-1',
        citizenId: '001099012345',
        unitId: sampleUnitId,
        procedure: { key: birth.key, code: '1.001193', name: birth.name },
        documentName: 'Tờ khai đăng ký khai sinh',
        hash: warned.hash,
        pageCount: 2,
        bytes: 40_000,
        droppedPages: 1,
        thumbnails: warned.thumbnails,
        issues: [{ severity: 'warning', message: 'Trang 2 vẫn còn nghiêng 0.8°', messageEn: 'Page 2 is still skewed' }],
        keptAt: 1000,
      },
    ]);
    const done = digitizeStep(state, { kind: 'kept', kept });
    expect([done.state.step, done.discard]).toEqual(['kept', []]);
    expect(pendingScans(done.state)).toEqual([]);
    // The print-out: the kept document with its pages, the two skipped ones to bring on paper, the ID's tail only.
    expect(keptListSlip(done.state, 'Trung tâm phường Mẫu', '001099012345')).toEqual({
      kind: 'kept-documents',
      centerName: 'Trung tâm phường Mẫu',
      procedureName: birth.name,
      citizenIdTail: '2345',
      documents: [{ name: 'Tờ khai đăng ký khai sinh', pageCount: 2 }],
      toBring: ['Giấy chứng sinh', 'Giấy chứng nhận kết hôn'],
      keptAt: 1000,
    });
    expect(keptListSlip(state, 'Trung tâm phường Mẫu', '001099012345')).toBeUndefined();
  });

  it('"don’t keep" drops every scan made', () => {
    const { state, discarded } = run([{ kind: 'choose', procedure: birth }, { kind: 'scanned', scan: scan('a') }, { kind: 'next' }, { kind: 'scanned', scan: scan('b') }, { kind: 'not-kept' }]);
    expect(state.step).toBe('not-kept');
    expect(discarded.sort()).toEqual([scan('a').hash, scan('b').hash].sort());
  });

  it('a procedure with nothing to hand in goes straight to a summary with nothing to keep', () => {
    const { state } = run([{ kind: 'choose', procedure: { ...birth, documents: [] } }]);
    expect(state.step).toBe('summary');
    expect(keepableScans(state)).toEqual([]);
  });

  it('says the quality result in plain words: the verdict first, then a blank page left out, then the scanner’s notes', () => {
    expect(qualityNotes(scan('a'))).toEqual([{ tone: 'ok', vi: 'Bản quét rõ, đủ 2 trang.', en: 'The scan is clear: 2 page(s).' }]);
    const notes = qualityNotes(scan('a', { droppedPages: 1, issues: [{ severity: 'warning', message: 'Có 4 trang, giấy tờ này cần 5 trang.', messageEn: '4 page(s) scanned; this document needs 5.' }] }));
    expect(notes.map((n) => [n.tone, n.vi])).toEqual([
      ['warning', 'Bản quét dùng được, xin xem lưu ý dưới đây.'],
      ['warning', 'Đã bỏ 1 trang trắng.'],
      ['warning', 'Có 4 trang, giấy tờ này cần 5 trang.'],
    ]);
    expect(qualityNotes(scan('a', { issues: [{ severity: 'error', message: 'x', messageEn: 'y' }] }))[0]?.tone).toBe('error');
  });
});
