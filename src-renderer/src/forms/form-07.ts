import { logBookCells, type LogBook } from '../../../src-shared/domain/forms';
import { drawNationalHeader, drawTitle } from './blocks';
import type { PageFlow } from './page-flow';

/** Form 07 on landscape A4: one line per received record; long books run over pages with the header repeated. */
export function drawLogBook(flow: PageFlow, book: LogBook): void {
  drawNationalHeader(flow, book.header);
  drawTitle(flow, book.header.title, book.period.text);
  flow.table(
    [
      { title: 'STT', weight: 0.5, align: 'center' },
      { title: 'Mã hồ sơ', weight: 2.1 },
      { title: 'Trích yếu (thủ tục)', weight: 2.4 },
      { title: 'Số bộ', weight: 0.5, align: 'center' },
      { title: 'Chủ hồ sơ', weight: 1.4 },
      { title: 'Địa chỉ', weight: 2 },
      { title: 'Số điện thoại', weight: 1.1 },
      { title: 'Lĩnh vực', weight: 1 },
      { title: 'Ngày nhận', weight: 1.1, align: 'center' },
      { title: 'Hẹn trả', weight: 1.1, align: 'center' },
      { title: 'Ngày trả kết quả', weight: 1.1, align: 'center' },
      { title: 'Cán bộ tiếp nhận', weight: 1.3 },
    ],
    book.rows.map(logBookCells),
  );
  if (book.rows.length === 0) flow.paragraph('Không có hồ sơ nào được tiếp nhận trong kỳ.', { align: 'center' });
}
