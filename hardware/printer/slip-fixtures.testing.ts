import type { QueueTicket, SlipInput } from './slip-schema';

/**
 * Synthetic slips for tests, benches and the demo: invented names and codes, no real person's data.
 * The `.testing` suffix marks it: tests of other folders import it, app code never does.
 */
const receivedAt = Date.UTC(2026, 2, 2, 2, 15); // 09:15 on 2 March 2026, Vietnamese time
const dueAt = Date.UTC(2026, 2, 5, 3, 0);

export const SAMPLE_RECORD_CODE = '000.00.15.H55-260302-3001';

const receipt: Extract<SlipInput, { kind: 'receipt' }> = {
  kind: 'receipt',
  centerName: 'Trung tâm Phục vụ hành chính công phường Mẫu',
  recordCode: SAMPLE_RECORD_CODE,
  citizenName: 'Nguyễn Thị Hoà',
  procedureName: 'Đăng ký khai sinh',
  procedureCode: '1.001193',
  documents: [
    { name: 'Tờ khai đăng ký khai sinh theo mẫu', original: 1, certifiedCopy: 0, photocopy: 0 },
    { name: 'Giấy chứng sinh', original: 1, certifiedCopy: 0, photocopy: 1 },
    { name: 'Văn bản uỷ quyền (nếu có)', original: 0, certifiedCopy: 1, photocopy: 0 },
  ],
  processingTime: '03 ngày làm việc',
  receivedAt,
  dueAt,
  fee: { amountVnd: 8000, paid: true },
  pickup: { kind: 'counter', place: 'Quầy trả kết quả số 2' },
  officerName: 'Trần Văn Bình',
};

const ticket: QueueTicket = {
  kind: 'queue-ticket',
  reprint: false,
  centerName: 'Trung tâm Phục vụ hành chính công phường Mẫu',
  ticketNumber: '1023',
  fieldName: 'Hộ tịch',
  counter: '3',
  issuedAt: receivedAt,
  peopleAhead: 5,
};

export const sampleSlips = {
  receipt,
  ticket,
  supplement: {
    kind: 'supplement-request',
    centerName: 'Trung tâm Phục vụ hành chính công phường Mẫu',
    recordCode: SAMPLE_RECORD_CODE,
    citizenName: 'Nguyễn Thị Hoà',
    procedureName: 'Đăng ký khai sinh',
    documentsToAdd: [{ name: 'Giấy chứng sinh (bản chính)', note: 'bản đã nộp bị mờ' }],
    reason: 'Giấy chứng sinh không đọc được ngày sinh.',
    guidingOfficer: { name: 'Trần Văn Bình', phone: '0240000000' },
    issuedAt: receivedAt,
  },
  refusal: {
    kind: 'refusal',
    centerName: 'Trung tâm Phục vụ hành chính công phường Mẫu',
    citizenName: 'Nguyễn Thị Hoà',
    procedureName: 'Đăng ký khai sinh',
    reason: 'Việc khai sinh thuộc thẩm quyền của nơi cư trú của người mẹ theo quy định.',
    officerName: 'Trần Văn Bình',
    issuedAt: receivedAt,
  },
  keptDocuments: {
    kind: 'kept-documents',
    centerName: 'Trung tâm Phục vụ hành chính công phường Mẫu',
    procedureName: 'Đăng ký khai sinh',
    citizenIdTail: '2345',
    documents: [
      { name: 'Giấy chứng sinh', pageCount: 1 },
      { name: 'Giấy chứng nhận kết hôn của cha mẹ', pageCount: 2 },
    ],
    toBring: ['Tờ khai đăng ký khai sinh'],
    keptAt: receivedAt,
  },
  testPage: { kind: 'test-page', centerName: 'Trung tâm Phục vụ hành chính công phường Mẫu', printerName: 'Simulated 80 mm', issuedAt: receivedAt },
} as const satisfies Record<string, SlipInput>;
