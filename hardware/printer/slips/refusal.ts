import type { RefusalSlip } from '../slip-schema';
import { field, paragraph, space, type SlipBlock } from './blocks';
import { formatSlipTime } from './format';
import { slipHeader, withReprintMark } from './header';

/** Form 03: the reason is the point of the slip, so it is never shortened. */
export function refusalBlocks(slip: RefusalSlip): readonly SlipBlock[] {
  const body: SlipBlock[] = [
    ...slipHeader(slip.centerName, 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', '03'),
    ...(slip.recordCode === undefined ? [] : [field('Mã hồ sơ', slip.recordCode, { boldValue: true })]),
    field('Người nộp', slip.citizenName),
    field('Thủ tục', slip.procedureName),
    space(),
    paragraph('Lý do từ chối:', { bold: true }),
    paragraph(slip.reason),
    space(),
    ...(slip.officerName === undefined ? [] : [field('Cán bộ tiếp nhận', slip.officerName)]),
    field('Ngày lập', formatSlipTime(slip.issuedAt)),
    paragraph('Xin lỗi ông/bà vì sự bất tiện này.', { size: 'small', align: 'center' }),
  ];
  return withReprintMark(slip.reprint, body);
}
