import type { ReceiptSlip } from '../slip-schema';
import { field, paragraph, rule, space, type SlipBlock } from './blocks';
import { count, formatFee, formatPickup, formatSlipTime } from './format';
import { slipHeader, withReprintMark } from './header';

/** Form 01, receipt and appointment slip: the file's code and due time are what the citizen keeps it for. */
export function receiptBlocks(slip: ReceiptSlip): readonly SlipBlock[] {
  const body: SlipBlock[] = [
    ...slipHeader(slip.centerName, 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', '01'),
    field('Mã hồ sơ', slip.recordCode, { size: 'large', boldValue: true }),
    field('Người nộp', slip.citizenName),
    field('Thủ tục', slip.procedureCode === undefined ? slip.procedureName : `${slip.procedureName} (${slip.procedureCode})`),
    space(),
    paragraph('Giấy tờ đã nhận:', { bold: true }),
    ...documentsTable(slip),
    field('Số bộ hồ sơ', String(slip.setsCount)),
    ...(slip.processingTime === undefined ? [] : [field('Thời hạn giải quyết', slip.processingTime)]),
    field('Nhận hồ sơ lúc', formatSlipTime(slip.receivedAt)),
    field('Hẹn trả kết quả lúc', formatSlipTime(slip.dueAt), { boldValue: true }),
    field('Phí, lệ phí', formatFee(slip.fee)),
    field('Nơi nhận kết quả', formatPickup(slip.pickup)),
    ...(slip.officerName === undefined ? [] : [field('Cán bộ tiếp nhận', slip.officerName)]),
    rule(true),
    { kind: 'qr', text: slip.recordCode, caption: 'Quét mã để tra cứu tình trạng hồ sơ' },
    paragraph('Vui lòng mang theo giấy này khi nhận kết quả.', { size: 'small', align: 'center' }),
  ];
  return withReprintMark(slip.reprint, body);
}

function documentsTable(slip: ReceiptSlip): readonly SlipBlock[] {
  if (slip.documents.length === 0) return [paragraph('(không có)', { size: 'small' })];
  return [
    {
      kind: 'table',
      columns: [
        { header: 'Tên giấy tờ', weight: 5, align: 'left' },
        { header: 'Bản chính', weight: 2, align: 'center' },
        { header: 'Bản sao CT', weight: 2, align: 'center' },
        { header: 'Bản chụp', weight: 2, align: 'center' },
      ],
      rows: slip.documents.map((d, i) => [`${i + 1}. ${d.name}`, count(d.original), count(d.certifiedCopy), count(d.photocopy)]),
    },
    paragraph('CT: chứng thực', { size: 'small' }),
  ];
}
