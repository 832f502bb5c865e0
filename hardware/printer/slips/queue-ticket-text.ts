import type { QueueTicket } from '../slip-schema';
import { formatSlipTime } from './format';

/**
 * The queue ticket as text-mode lines, for a printer a technician has calibrated (escpos/text-mode.ts): a few
 * hundred bytes instead of ~40 KB of raster, which matters at the entrance's busiest hour on a serial printer.
 * Layout in plain lines; the printer's own font, so no large number (text size commands vary between brands).
 */
export function queueTicketLines(ticket: QueueTicket): readonly string[] {
  return [
    ...(ticket.reprint ? ['*** BẢN IN LẠI / REPRINT ***'] : []),
    ticket.centerName.toUpperCase(),
    '--------------------------------',
    `SỐ THỨ TỰ: ${ticket.ticketNumber}`,
    `Lĩnh vực: ${ticket.fieldName}`,
    `Mời đến quầy: ${ticket.counter}`,
    `Thời gian lấy số: ${formatSlipTime(ticket.issuedAt)}`,
    `Số người đang chờ trước: ${ticket.peopleAhead}`,
    'Vui lòng chờ đến khi số của bạn được gọi.',
  ];
}

/** What the calibration slip prints: every Vietnamese letter, both cases, with each tone, for the eye to check. */
export const calibrationSampleLines: readonly string[] = [
  'aàáảãạ ăằắẳẵặ âầấẩẫậ',
  'eèéẻẽẹ êềếểễệ iìíỉĩị',
  'oòóỏõọ ôồốổỗộ ơờớởỡợ',
  'uùúủũụ ưừứửữự yỳýỷỹỵ đ',
  'AÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ Đ',
  'ÊỀẾỂỄỆ ÔỒỐỔỖỘ ƠỜỚỞỠỢ ƯỪỨỬỮỰ',
  'Cộng hòa xã hội chủ nghĩa Việt Nam',
];
