import type { KeptDocumentsSlip } from '../slip-schema';
import { paragraph, rule, space, type SlipBlock } from './blocks';
import { formatSlipTime } from './format';
import { slipHeader, withReprintMark } from './header';

/** The citizen's list of what they digitized at the point (for the counter) and what to bring on paper. */
export function keptDocumentsBlocks(slip: KeptDocumentsSlip): readonly SlipBlock[] {
  const body: SlipBlock[] = [
    ...slipHeader(slip.centerName, 'GIẤY TỜ ĐÃ SỐ HÓA TẠI ĐIỂM TỰ PHỤC VỤ'),
    paragraph(`Thủ tục: ${slip.procedureName}`),
    paragraph(`Số định danh: ********${slip.citizenIdTail}`),
    paragraph(`Lưu lúc ${formatSlipTime(slip.keptAt)}`),
    space(),
    {
      kind: 'table',
      columns: [
        { header: 'STT', weight: 1, align: 'center' },
        { header: 'Giấy tờ đã lưu', weight: 6, align: 'left' },
        { header: 'Số trang', weight: 2, align: 'center' },
      ],
      rows: slip.documents.map((d, i) => [String(i + 1), d.name, String(d.pageCount)]),
    },
  ];
  if (slip.toBring.length > 0) {
    body.push(space(), paragraph('Chưa quét — mang bản giấy đến quầy:', { bold: true }), ...slip.toBring.map((name, i) => paragraph(`${i + 1}. ${name}`)));
  }
  body.push(
    rule(true),
    paragraph('Cán bộ tiếp nhận thấy các giấy tờ này khi gọi số của bạn, không cần quét lại. Vẫn mang bản chính để đối chiếu.', { size: 'small', align: 'center' }),
  );
  return withReprintMark(slip.reprint, body);
}
