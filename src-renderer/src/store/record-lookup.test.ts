import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { day, hour, mondayMorning, sampleOfficer, sampleReceipt } from '../../../src-shared/domain/records/fixtures.testing';
import { openOrThrow, testDeps, uniqueDbName } from './fixtures.testing';
import { lookUpRecord } from './record-lookup';
import { createRecordsRepository } from './records-repository';
import type { MotCuaDb } from './schema';

const open: MotCuaDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

async function storeWithRecord(receipt = sampleReceipt()) {
  const db = await openOrThrow(uniqueDbName());
  open.push(db);
  const deps = testDeps();
  const repo = createRecordsRepository(db, deps);
  const received = await repo.receiveRecord({ ...receipt, officer: sampleOfficer });
  if (!received.ok) throw new Error(received.error.messageEn);
  return { db, deps, repo, record: received.value };
}

describe('looking a file up by the code on its receipt', () => {
  it('finds a received file, typed in any case with stray spaces, and tells its status in words with its dates', async () => {
    const { db, record } = await storeWithRecord();
    const found = await lookUpRecord(db, `  ${record.code.toLowerCase()} `);
    if (!found.ok) throw new Error(found.error.messageEn);
    expect(found.value).toMatchObject({
      code: record.code,
      procedureName: 'Thủ tục đăng ký khai sinh',
      status: 2,
      statusText: { vi: 'Đã tiếp nhận, đang chờ giải quyết', en: 'Received, waiting to be processed' },
      tone: 'progress',
      pickup: 'counter',
    });
    // 2026-03-02 08:00 received, due two days later, both in Vietnamese time whatever the machine's zone.
    expect(found.value.dates.map((d) => [d.kind, d.text])).toEqual([
      ['received', '08:00 02/03/2026'],
      ['due', '08:00 04/03/2026'],
    ]);
    expect(found.value.supplement).toBeUndefined();
  });

  it('answers an unknown code and a malformed one with a message in Vietnamese and English', async () => {
    const { db, record } = await storeWithRecord();
    const unknown = await lookUpRecord(db, record.code.replace(/\d{4}$/, '9999'));
    expect(!unknown.ok && unknown.error).toMatchObject({ code: 'lookup.unknown-code', message: expect.stringMatching(/^Không tìm thấy hồ sơ .*-9999/), messageEn: expect.stringMatching(/^No file .*-9999 was found/) });
    const malformed = await lookUpRecord(db, '12345');
    expect(!malformed.ok && malformed.error).toMatchObject({ code: 'lookup.invalid-code', message: expect.stringContaining('không phải mã hồ sơ'), messageEn: expect.stringContaining('is not a file code') });
  });

  it('lists the documents a supplement request asked for, and drops them once the file moves on', async () => {
    const { db, deps, repo, record } = await storeWithRecord();
    deps.advance(hour);
    expect((await repo.transitionRecord(record.id, { to: 4, actor: sampleOfficer })).ok).toBe(true);
    deps.advance(day);
    const requested = await repo.transitionRecord(record.id, { to: 5, actor: sampleOfficer, note: '- Bản sao Giấy chứng nhận kết hôn\n2. Giấy chứng sinh bản chính; Tờ khai có chữ ký' });
    expect(requested.ok).toBe(true);

    const waiting = await lookUpRecord(db, record.code);
    if (!waiting.ok) throw new Error(waiting.error.messageEn);
    expect(waiting.value).toMatchObject({ status: 5, statusText: { vi: 'Cần bổ sung giấy tờ' }, tone: 'citizen-action' });
    expect(waiting.value.supplement).toEqual({
      requestedAt: expect.objectContaining({ kind: 'requested', text: '09:00 03/03/2026' }),
      missing: ['Bản sao Giấy chứng nhận kết hôn', 'Giấy chứng sinh bản chính', 'Tờ khai có chữ ký'],
    });
    // The clock is paused: the old appointment is not shown as if it still held.
    expect(waiting.value.dates.map((d) => d.kind)).toEqual(['received']);

    deps.advance(hour);
    expect((await repo.transitionRecord(record.id, { to: 4, actor: sampleOfficer, dueAt: mondayMorning + 4 * day })).ok).toBe(true);
    const resumed = await lookUpRecord(db, record.code);
    expect(resumed.ok && resumed.value.supplement).toBeUndefined();
    expect(resumed.ok && resumed.value.dates.map((d) => [d.kind, d.text])).toEqual([
      ['received', '08:00 02/03/2026'],
      ['due', '08:00 06/03/2026'],
    ]);
  });

  it('tells a ready result where to collect it, and carries no personal data of anyone', async () => {
    const owner = { fullName: 'Lê Thị Cúc', idNumber: '001190054321', address: 'Thôn Đông, xã Tân Uyên', phone: '0987654321' };
    const submitter = { fullName: 'Nguyễn Văn An', idNumber: '001090012345', address: 'Số 5 ngõ 12, phường Hoà Bình', phone: '0912345678', email: 'an@example.vn' };
    const { db, deps, repo, record } = await storeWithRecord(sampleReceipt({ submitter, owner, resultDelivery: 'post' }));
    deps.advance(hour);
    expect((await repo.transitionRecord(record.id, { to: 4, actor: sampleOfficer })).ok).toBe(true);
    expect((await repo.transitionRecord(record.id, { to: 9, actor: sampleOfficer })).ok).toBe(true);

    const found = await lookUpRecord(db, record.code);
    if (!found.ok) throw new Error(found.error.messageEn);
    expect(found.value).toMatchObject({ status: 9, tone: 'ready', advice: { vi: 'Kết quả sẽ được gửi qua bưu điện.' } });
    expect(found.value.dates.map((d) => d.kind)).toEqual(['received', 'due', 'finished']);
    const shown = JSON.stringify(found.value);
    for (const secret of [...Object.values(owner), ...Object.values(submitter), sampleOfficer.name, sampleOfficer.officerId, record.id, record.kioskId]) {
      expect(shown).not.toContain(secret);
    }
    expect(Object.keys(found.value).sort()).toEqual(['advice', 'code', 'dates', 'pickup', 'procedureName', 'status', 'statusText', 'tone']);
  });
});
