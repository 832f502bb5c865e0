import { describe, expect, it } from 'vitest';
import type { AdministrativeRecord } from '../records';
import { apologyExtension } from './apology-extension';
import { parseCenterProfile } from './center';
import { controlSlip } from './control-slip';
import { recordCodeOf } from './form-content';
import {
  at,
  center,
  counterOfficer,
  extendedRecord,
  lifeTimes,
  processingUnitId,
  processor,
  receivedRecord,
  recordLife,
  refusedRecord,
  stoppedRecord,
} from './fixtures.testing';
import { receiptSlip } from './receipt-slip';
import { refusal } from './refusal';
import { stopNotice } from './stop-notice';
import { supplementRequest } from './supplement-request';

function value<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; messageEn: string } }): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.messageEn}`);
  return result.value;
}

const { stages } = recordLife();

describe('form 01, the receipt and appointment slip', () => {
  it('carries every field of the official slip', () => {
    const slip = value(receiptSlip(stages.received, center));
    expect(slip).toMatchObject({
      form: '01',
      recordCode: '000.00.15.H55-260212-1001',
      header: {
        formLabel: 'Mẫu số 01',
        title: 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
        nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        motto: 'Độc lập - Tự do - Hạnh phúc',
        issuer: { unitName: center.unitName, superiorName: 'UBND PHƯỜNG HOÀ BÌNH' },
        placeAndDate: 'Hoà Bình, ngày 12 tháng 02 năm 2026',
      },
      receivingUnit: { id: '000.00.15.H55', name: center.unitName },
      submitter: {
        fullName: 'Nguyễn Văn An',
        idNumber: '001090012345',
        address: 'Số 5 ngõ 12, phường Hoà Bình, tỉnh Lai Châu',
        phone: '0912345678',
        email: 'an.nguyen@example.vn',
      },
      channel: { code: 1, label: 'Trực tiếp' },
      procedure: { code: '1.001193', name: 'Thủ tục đăng ký khai sinh' },
      owner: { fullName: 'Nguyễn Ngọc Ánh' },
      setsCount: 1,
      processingTime: { text: '3 ngày làm việc' },
      receivedAt: { long: '10 giờ 00 phút, ngày 12 tháng 02 năm 2026', short: '10:00 12/02/2026' },
      // 3 working days over the Tết break (DOMAIN.md §6, CALENDAR.md's example).
      dueAt: { long: '10 giờ 00 phút, ngày 24 tháng 02 năm 2026', short: '10:00 24/02/2026' },
      resultDelivery: { kind: 'counter', text: `Trực tiếp tại ${center.unitName}` },
      logBook: { volume: '01/2026', number: 57 },
      signatures: [
        { title: 'NGƯỜI NỘP HỒ SƠ', name: 'Nguyễn Văn An' },
        { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: 'Trần Thị Bình' },
      ],
      qrPayload: '000.00.15.H55-260212-1001',
    });
    expect(slip.documents).toEqual([
      { index: 1, name: 'Tờ khai đăng ký khai sinh', original: 1, certifiedCopy: 0, photocopy: 0 },
      { index: 2, name: 'Giấy chứng sinh', original: 1, certifiedCopy: 0, photocopy: 1 },
      { index: 3, name: 'Giấy chứng nhận kết hôn của cha, mẹ', original: 0, certifiedCopy: 1, photocopy: 0 },
    ]);
    expect(recordCodeOf(slip)).toBe(slip.recordCode);
  });

  it('reprinted at the end of the file’s life, still shows the due date given at receipt', () => {
    const reprint = value(receiptSlip(stages.returned, center));
    expect(stages.returned.dueAt).not.toBe(stages.received.dueAt);
    expect(reprint).toEqual(value(receiptSlip(stages.received, center)));
  });

  it('leaves out the owner when the submitter files for themself, and the log book line when there is none', () => {
    const own: AdministrativeRecord = { ...stages.received, owner: { fullName: 'Nguyễn Văn An', idNumber: '001090012345' } };
    const { logBook: _l, ...noBook } = own;
    const slip = value(receiptSlip(noBook, center));
    expect(slip.owner).toBeUndefined();
    expect(slip.logBook).toBeUndefined();
  });

  it('refuses to print without the legal processing time, naming the field in both languages', () => {
    const { processingTime: _p, ...rest } = stages.received;
    const result = receiptSlip(rest, center);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'forms.missing-field',
        message: 'Không thể lập Mẫu số 01 cho hồ sơ 000.00.15.H55-260212-1001: thiếu «Thời hạn giải quyết theo quy định».',
        messageEn: 'Cannot fill form 01 for record 000.00.15.H55-260212-1001: "legal processing time" (processingTime) is missing.',
        path: 'processingTime',
      },
    });
  });

  it('refuses a slip with no documents, and one for a registration never received', () => {
    expect(receiptSlip({ ...stages.received, documents: [] }, center)).toMatchObject({ ok: false, error: { path: 'documents' } });
    const refused = receiptSlip(refusedRecord(), center);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forms.no-event' } });
    expect(!refused.ok && refused.error.messageEn).toContain('has no "receipt" step');
  });

  it('names the postal service as the place of collection when the citizen chose it', () => {
    const slip = value(receiptSlip({ ...stages.received, resultDelivery: 'post' }, center));
    expect(slip.resultDelivery.text).toBe('Qua dịch vụ bưu chính công ích');
  });
});

describe('form 02, the request to complete the file', () => {
  it('lists what to add, the reason and the officer to call', () => {
    const form = value(
      supplementRequest(stages.returned, center, {
        documentsToAdd: [{ name: 'Bản sao có chứng thực Giấy chứng nhận kết hôn', note: 'ghi rõ số, ngày cấp' }, { name: '  ' }],
        guide: { phone: '0912000111' },
      }),
    );
    expect(form).toMatchObject({
      form: '02',
      recordCode: stages.returned.code,
      header: { title: 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', placeAndDate: 'Hoà Bình, ngày 13 tháng 02 năm 2026' },
      submitter: { fullName: 'Nguyễn Văn An' },
      receivedAt: { short: '10:00 12/02/2026' },
      requestedAt: { long: '09 giờ 00 phút, ngày 13 tháng 02 năm 2026' },
      reason: 'Bản sao Giấy chứng nhận kết hôn không rõ số, ngày cấp',
      guide: { name: processor.name, phone: '0912000111' },
      signatures: [{ title: 'NGƯỜI HƯỚNG DẪN', name: processor.name }],
    });
    expect(form.documentsToAdd).toEqual([{ index: 1, name: 'Bản sao có chứng thực Giấy chứng nhận kết hôn', note: 'ghi rõ số, ngày cấp' }]);
  });

  it('falls back to the Center’s hotline, and fails without any list of documents', () => {
    const form = value(supplementRequest(stages.supplement, center, { documentsToAdd: [{ name: 'Giấy chứng nhận kết hôn' }] }));
    expect(form.guide.phone).toBe(center.phone);
    const { phone: _p, ...noPhone } = center;
    expect(supplementRequest(stages.supplement, noPhone, { documentsToAdd: [{ name: 'x' }] })).toMatchObject({
      ok: false,
      error: { code: 'forms.missing-field', path: 'guide.phone' },
    });
    expect(supplementRequest(stages.supplement, center, { documentsToAdd: [] })).toMatchObject({ ok: false, error: { path: 'documentsToAdd' } });
  });

  it('refuses a step that is not a supplement request', () => {
    const result = supplementRequest(stages.returned, center, { seq: 2, documentsToAdd: [{ name: 'x' }] });
    expect(result).toMatchObject({ ok: false, error: { code: 'forms.no-event' } });
    expect(!result.ok && result.error.message).toContain('bước số 2');
    expect(supplementRequest(receivedRecord(), center, { documentsToAdd: [{ name: 'x' }] }).ok).toBe(false);
  });
});

describe('form 03, the refusal', () => {
  it('prints the reason and the officer who refused', () => {
    const form = value(refusal(refusedRecord(), center));
    expect(form).toMatchObject({
      form: '03',
      header: { title: 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', placeAndDate: 'Hoà Bình, ngày 11 tháng 02 năm 2026' },
      channel: { code: 2, label: 'Trực tuyến' },
      submittedAt: { short: '20:15 10/02/2026' },
      refusedAt: { short: '08:30 11/02/2026' },
      reason: expect.stringContaining('UBND xã Tân Phong'),
      signatures: [{ title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', name: counterOfficer.name }],
    });
  });

  it('fails for a record that was not refused', () => {
    expect(refusal(stages.returned, center)).toMatchObject({ ok: false, error: { code: 'forms.no-event', path: 'history' } });
  });
});

describe('form 04, the apology and extension', () => {
  const signer = { title: 'Chủ tịch', name: 'Phạm Quốc Dũng' };

  it('gives the old and the new due date, the reason, and comes from the processing agency', () => {
    const form = value(apologyExtension(extendedRecord(), center, { signer }));
    expect(form).toMatchObject({
      form: '04',
      header: {
        title: 'VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT',
        issuer: { unitId: processingUnitId, unitName: 'Văn phòng HĐND và UBND phường Hoà Bình' },
        placeAndDate: 'Hoà Bình, ngày 23 tháng 02 năm 2026',
      },
      addressee: 'Ông/Bà Nguyễn Ngọc Ánh',
      receivedAt: { short: '10:00 12/02/2026' },
      previousDueAt: { long: '10 giờ 00 phút, ngày 24 tháng 02 năm 2026' },
      // 5 working days from the receipt: 12, 13 Feb, then 23–26 Feb.
      newDueAt: { long: '10 giờ 00 phút, ngày 26 tháng 02 năm 2026' },
      reason: 'Cần xác minh nơi cư trú của người mẹ tại tỉnh Điện Biên',
      signatures: [{ title: 'CHỦ TỊCH', hint: '(Ký tên, đóng dấu)', name: 'Phạm Quốc Dũng' }],
    });
    expect(form.apology).toContain('xin lỗi Ông/Bà');
    expect(form.apology).toContain('10 giờ 00 phút, ngày 26 tháng 02 năm 2026');
  });

  it('needs the signer, and an extension step', () => {
    expect(apologyExtension(extendedRecord(), center)).toMatchObject({ ok: false, error: { path: 'signer.title' } });
    expect(apologyExtension(extendedRecord(), center, { signer: { title: 'Chủ tịch' } })).toMatchObject({ ok: false, error: { path: 'signer.name' } });
    expect(apologyExtension(stages.returned, center, { signer })).toMatchObject({ ok: false, error: { code: 'forms.no-event' } });
  });

  it('lets the caller name the agency and the addressee', () => {
    const form = value(apologyExtension(extendedRecord(), center, { signer, agencyName: 'UBND phường Hoà Bình', addressee: 'Ông Nguyễn Văn An' }));
    expect(form.header.issuer.unitName).toBe('UBND phường Hoà Bình');
    expect(form.addressee).toBe('Ông Nguyễn Văn An');
  });
});

describe('form 05, the notice of stopping', () => {
  it('prints the reason and the date it stopped', () => {
    const form = value(stopNotice(stoppedRecord(), center, { signer: { title: 'Chủ tịch', name: 'Phạm Quốc Dũng' } }));
    expect(form).toMatchObject({
      form: '05',
      recordCode: '000.00.15.H55-260212-1004',
      header: { title: 'THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ', issuer: { unitId: processingUnitId } },
      stoppedAt: { long: '10 giờ 00 phút, ngày 13 tháng 02 năm 2026' },
      reason: expect.stringContaining('Tòa án nhân dân'),
    });
  });

  it('fails for a record that was never stopped', () => {
    expect(stopNotice(stages.returned, center, { signer: { title: 'Chủ tịch', name: 'X' } })).toMatchObject({ ok: false, error: { code: 'forms.no-event' } });
  });
});

describe('form 06, the control slip', () => {
  it('has one row per hand-over with both people and each step’s result', () => {
    const slip = value(controlSlip(stages.returned, center, { printedAt: lifeTimes.returned }));
    expect(slip).toMatchObject({
      form: '06',
      owner: 'Nguyễn Ngọc Ánh',
      receivedAt: { short: '10:00 12/02/2026' },
      // Recomputed over the supplement pause (13 → 23 Feb): 17 working hours left from Mon 23 Feb 08:00.
      dueAt: { short: '09:00 25/02/2026' },
      returnedAt: { short: '15:00 25/02/2026' },
    });
    const rows = slip.rows.map((r) => [r.index, r.from.id, r.to.id, r.at.short, r.handedOverBy, r.receivedBy, r.deadline?.short, r.completedAt?.short, r.timelinessLabel]);
    expect(rows).toEqual([
      [1, '000.00.15.H55', processingUnitId, '14:00 12/02/2026', counterOfficer.name, processor.name, undefined, '09:00 13/02/2026', ''],
      [2, processingUnitId, '000.00.15.H55', '09:00 13/02/2026', processor.name, counterOfficer.name, undefined, '08:00 23/02/2026', ''],
      [3, '000.00.15.H55', processingUnitId, '08:00 23/02/2026', counterOfficer.name, processor.name, '09:00 25/02/2026', '08:30 25/02/2026', 'Đúng hạn'],
      [4, processingUnitId, '000.00.15.H55', '08:30 25/02/2026', processor.name, counterOfficer.name, undefined, '15:00 25/02/2026', ''],
    ]);
    expect(slip.rows[0]?.to.name).toBe('Văn phòng HĐND và UBND phường Hoà Bình');
    expect(slip.rows[0]?.note).toBe('Chuyển hồ sơ giấy và điện tử');
  });

  it('classifies a step finished before its deadline day as early and after it as late; an open step stays blank', () => {
    const base = stages.returned;
    const withDone = (doneAt: number): AdministrativeRecord => ({
      ...base,
      history: base.history.map((e) => (e.seq === 5 ? { ...e, at: doneAt } : e)),
    });
    const label = (record: AdministrativeRecord) => value(controlSlip(record, center, { printedAt: lifeTimes.returned })).rows[2]?.timelinessLabel;
    expect(label(withDone(at('2026-02-24T16:00+07:00')))).toBe('Trước hạn');
    expect(label(withDone(at('2026-02-26T08:00+07:00')))).toBe('Quá hạn');
    const open = value(controlSlip(stages.resumed, center, { printedAt: lifeTimes.resume })).rows[2];
    expect(open).toMatchObject({ deadline: { short: '09:00 25/02/2026' }, timelinessLabel: '' });
    expect(open?.completedAt).toBeUndefined();
    expect(open?.receivedBy).toBeUndefined();
  });

  it('prints an unknown agency by its electronic ID, and needs the receipt', () => {
    const { unitNames: _u, ...bare } = center;
    expect(value(controlSlip(stages.handedOver, bare, { printedAt: lifeTimes.handOver })).rows[0]?.to.name).toBe(processingUnitId);
    expect(controlSlip(refusedRecord(), center, { printedAt: lifeTimes.handOver })).toMatchObject({ ok: false, error: { path: 'receivedAt' } });
  });
});

describe('the Center’s profile', () => {
  it('is validated at the edge', () => {
    expect(parseCenterProfile(center)).toEqual({ ok: true, value: center });
    const bad = parseCenterProfile({ ...center, unitId: 'not an id' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'forms.invalid-center', path: 'unitId' } });
  });
});
