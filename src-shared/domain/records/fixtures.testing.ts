/**
 * Sample data for tests of records and of the store (the `.testing` suffix marks it: never imported by app code).
 */
import type { Officer } from './record';
import type { Receipt } from './receipt';

export const sampleOfficer: Officer = { officerId: 'cb-01', name: 'Trần Thị Bình' };
export const sampleUnitId = '000.00.15.H55';
export const hour = 60 * 60 * 1000;
export const day = 24 * hour;
/** 2026-03-02 08:00 in Vietnam (01:00 UTC), a Monday. */
export const mondayMorning = Date.UTC(2026, 2, 2, 1, 0, 0);

export function sampleReceipt(overrides: Partial<Receipt> = {}): Receipt {
  return {
    procedure: { code: '1.001193', name: 'Thủ tục đăng ký khai sinh', fieldCode: 'ho-tich', fieldName: 'Hộ tịch' },
    channel: 1,
    submitter: {
      fullName: 'Nguyễn Văn An',
      idNumber: '001090012345',
      address: 'Số 5 ngõ 12, phường Hoà Bình, tỉnh Lai Châu',
      phone: '0912345678',
    },
    documents: [
      { name: 'Tờ khai đăng ký khai sinh', original: 1, certifiedCopy: 0, photocopy: 0, pageHashes: [] },
      { name: 'Giấy chứng sinh', original: 1, certifiedCopy: 0, photocopy: 1, pageHashes: [] },
    ],
    setsCount: 1,
    processingTime: { unit: 'working-days', amount: 1 },
    dueAt: mondayMorning + 2 * day,
    fee: { amountVnd: 0, paid: true },
    resultDelivery: 'counter',
    ...overrides,
  };
}
