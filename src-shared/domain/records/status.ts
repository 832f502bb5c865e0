import { z } from 'zod';
import { assertNever } from './assert-never';

/**
 * Record statuses as numbered by the National Public Service Portal's sync code list (DOMAIN.md §4).
 * The numbers are the wire values: never renumber them.
 */
export const recordStatus = {
  registered: 1,
  received: 2,
  refused: 3,
  processing: 4,
  supplementRequested: 5,
  paymentRequested: 6,
  withdrawn: 7,
  stopped: 8,
  done: 9,
  returned: 10,
} as const;

export type RecordStatus = (typeof recordStatus)[keyof typeof recordStatus];

export const recordStatuses: readonly RecordStatus[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

export const recordStatusSchema = z.literal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

export type BilingualLabel = { readonly vi: string; readonly en: string };

export const recordStatusLabels: { readonly [S in RecordStatus]: BilingualLabel } = {
  1: { vi: 'Mới đăng ký', en: 'New registration' },
  2: { vi: 'Được tiếp nhận', en: 'Received' },
  3: { vi: 'Không được tiếp nhận', en: 'Refused' },
  4: { vi: 'Đang xử lý', en: 'Processing' },
  5: { vi: 'Yêu cầu bổ sung giấy tờ', en: 'Supplement requested' },
  6: { vi: 'Yêu cầu thực hiện nghĩa vụ tài chính', en: 'Payment requested' },
  7: { vi: 'Công dân yêu cầu rút hồ sơ', en: 'Withdrawn by the citizen' },
  8: { vi: 'Dừng xử lý', en: 'Processing stopped' },
  9: { vi: 'Đã xử lý xong', en: 'Done' },
  10: { vi: 'Đã trả kết quả', en: 'Result returned' },
};

export function isRecordStatus(value: unknown): value is RecordStatus {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 10;
}

/** Groups used by published statistics; 1 (not yet received) and 3 (refused) belong to none. */
export type ReportingGroup = 'processing' | 'finished' | 'paused';

export const reportingGroups: { readonly [G in ReportingGroup]: readonly RecordStatus[] } = {
  processing: [2, 4],
  finished: [7, 9, 10],
  paused: [5, 6, 8],
};

export const reportingGroupLabels: { readonly [G in ReportingGroup]: BilingualLabel } = {
  processing: { vi: 'Đang giải quyết', en: 'In progress' },
  finished: { vi: 'Đã giải quyết', en: 'Finished' },
  paused: { vi: 'Tạm dừng', en: 'Paused' },
};

export function reportingGroupOf(status: RecordStatus): ReportingGroup | null {
  switch (status) {
    case 2:
    case 4:
      return 'processing';
    case 7:
    case 9:
    case 10:
      return 'finished';
    case 5:
    case 6:
    case 8:
      return 'paused';
    case 1:
    case 3:
      return null;
    default:
      return assertNever(status);
  }
}

export function isFinished(status: RecordStatus): boolean {
  return reportingGroupOf(status) === 'finished';
}

/** How the file reached the Center. */
export const recordChannel = { inPerson: 1, online: 2, postal: 3 } as const;

export type RecordChannel = (typeof recordChannel)[keyof typeof recordChannel];

export const recordChannels: readonly RecordChannel[] = [1, 2, 3];

export const recordChannelSchema = z.literal([1, 2, 3]);

export const recordChannelLabels: { readonly [C in RecordChannel]: BilingualLabel } = {
  1: { vi: 'Trực tiếp', en: 'In person' },
  2: { vi: 'Trực tuyến', en: 'Online' },
  3: { vi: 'Qua dịch vụ bưu chính công ích', en: 'Public postal service' },
};
