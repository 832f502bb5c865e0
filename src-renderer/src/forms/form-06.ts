import type { ControlSlip } from '../../../src-shared/domain/forms';
import { drawNationalHeader, drawTitle, labelled } from './blocks';
import type { PageFlow } from './page-flow';

/** Form 06: the trail of hand-overs, one row each, with the result of every step. */
export function drawControlSlip(flow: PageFlow, form: ControlSlip): void {
  drawNationalHeader(flow, form.header);
  drawTitle(flow, form.header.title);
  labelled(flow, 'Mã hồ sơ', form.recordCode);
  labelled(flow, 'Chủ hồ sơ', form.owner);
  labelled(flow, 'Nội dung yêu cầu giải quyết', `${form.procedure.name} (mã ${form.procedure.code})`);
  labelled(flow, 'Thời gian nhận hồ sơ', form.receivedAt.long);
  labelled(flow, 'Thời hạn trả kết quả', form.dueAt.long);
  if (form.returnedAt !== undefined) labelled(flow, 'Đã trả kết quả', form.returnedAt.long);
  else labelled(flow, 'Đơn vị đang giữ hồ sơ', form.holder.name);
  flow.gap(flow.lineHeight(flow.metrics.body) * 0.4);
  flow.table(
    [
      { title: 'TT', weight: 0.5, align: 'center' },
      { title: 'Cơ quan, đơn vị giao / nhận', weight: 3 },
      { title: 'Thời gian giao, nhận', weight: 1.4, align: 'center' },
      { title: 'Người giao / Người nhận', weight: 2 },
      { title: 'Hạn / Hoàn thành', weight: 1.6 },
      { title: 'Kết quả (trước hạn / đúng hạn / quá hạn)', weight: 1.4, align: 'center' },
      { title: 'Ghi chú', weight: 2 },
    ],
    form.rows.map((row) => [
      String(row.index),
      `Giao: ${row.from.name}\nNhận: ${row.to.name}`,
      row.at.short,
      `Giao: ${row.handedOverBy}\nNhận: ${row.receivedBy ?? ''}`,
      `Hạn: ${row.deadline?.short ?? ''}\nXong: ${row.completedAt?.short ?? ''}`,
      row.timelinessLabel,
      row.note ?? '',
    ]),
  );
}
