import { describe, expect, it } from 'vitest';
import { day, mondayMorning, sampleOfficer, sampleReceipt, sampleUnitId } from './fixtures.testing';
import { administrativeRecordSchema, fileOwnerOf } from './record';
import { receive, receiptSchema } from './receipt';

const origin = {
  id: '0195f1c2-0000-7000-8000-000000000001',
  code: '000.00.15.H55-260302-3001',
  unitId: sampleUnitId,
  kioskId: 'kiosk-3',
  counterId: 'quay-1',
  at: mondayMorning,
  actor: sampleOfficer,
};

describe('receiving a file', () => {
  it('creates a valid status-2 record with its form 01 history row', () => {
    const result = receive(sampleReceipt({ note: 'Nộp kèm bản chính' }), origin);
    if (!result.ok) throw new Error(result.error.messageEn);
    const { record, event } = result.value;
    expect(administrativeRecordSchema.safeParse(record).success).toBe(true);
    expect(record).toMatchObject({ status: 2, receivedAt: mondayMorning, holderUnitId: sampleUnitId, version: 1, rev: 0, pauses: [] });
    expect(event).toEqual({ seq: 1, from: null, to: 2, at: mondayMorning, actor: sampleOfficer, form: '01', dueAt: mondayMorning + 2 * day, note: 'Nộp kèm bản chính' });
    expect(record.history).toEqual([event]);
    expect('note' in record).toBe(false);
  });

  it('refuses a due date before the receipt', () => {
    const result = receive(sampleReceipt({ dueAt: mondayMorning - 1 }), origin);
    expect(!result.ok && result.error.code).toBe('records.due-before-receipt');
  });

  it('normalizes input at the edge: NFC names, upper-case ID numbers', () => {
    const decomposed = 'Nguyễn Văn An'.normalize('NFD');
    const raw = sampleReceipt();
    const parsed = receiptSchema.parse({ ...raw, submitter: { ...raw.submitter, fullName: ` ${decomposed} `, idNumber: 'c1234567' } });
    expect(parsed.submitter.fullName).toBe('Nguyễn Văn An'.normalize('NFC'));
    expect(parsed.submitter.idNumber).toBe('C1234567');
  });

  it('treats the owner, when given, as whose file it is', () => {
    expect(fileOwnerOf(sampleReceipt()).idNumber).toBe('001090012345');
    expect(fileOwnerOf(sampleReceipt({ owner: { fullName: 'Phạm Thị Dung', idNumber: '001190054321' } }))).toEqual({
      fullName: 'Phạm Thị Dung',
      idNumber: '001190054321',
    });
  });
});
