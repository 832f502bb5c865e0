import type { SupplementRequestSlip } from '../slip-schema';
import { field, paragraph, rule, space, type SlipBlock } from './blocks';
import { formatSlipTime } from './format';
import { slipHeader, withReprintMark } from './header';

/** Form 02: what to bring back, why, and whom to call; the QR lets the citizen follow the file meanwhile. */
export function supplementRequestBlocks(slip: SupplementRequestSlip): readonly SlipBlock[] {
  const officer = slip.guidingOfficer.phone === undefined ? slip.guidingOfficer.name : `${slip.guidingOfficer.name} — ĐT ${slip.guidingOfficer.phone}`;
  const body: SlipBlock[] = [
    ...slipHeader(slip.centerName, 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', '02'),
    field('Mã hồ sơ', slip.recordCode, { boldValue: true }),
    field('Người nộp', slip.citizenName),
    field('Thủ tục', slip.procedureName),
    space(),
    paragraph('Giấy tờ cần bổ sung, hoàn thiện:', { bold: true }),
    ...slip.documentsToAdd.map((d, i) => paragraph(d.note === undefined ? `${i + 1}. ${d.name}` : `${i + 1}. ${d.name} — ${d.note}`)),
    space(),
    field('Lý do', slip.reason),
    field('Cán bộ hướng dẫn', officer),
    field('Ngày lập', formatSlipTime(slip.issuedAt)),
    rule(true),
    { kind: 'qr', text: slip.recordCode, caption: 'Quét mã để tra cứu tình trạng hồ sơ' },
  ];
  return withReprintMark(slip.reprint, body);
}
