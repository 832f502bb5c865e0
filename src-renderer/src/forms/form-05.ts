import type { StopNotice } from '../../../src-shared/domain/forms';
import { drawNationalHeader, drawSignatures, drawTitle, field, labelled } from './blocks';
import type { PageFlow } from './page-flow';

/** Form 05: processing of the file stops, and why. */
export function drawStopNotice(flow: PageFlow, form: StopNotice): void {
  drawNationalHeader(flow, form.header);
  drawTitle(flow, form.header.title);
  flow.paragraph(field('Kính gửi', form.addressee), { align: 'center' });
  flow.gap(flow.lineHeight(flow.metrics.body) * 0.4);
  labelled(flow, 'Mã hồ sơ', form.recordCode);
  labelled(flow, 'Người nộp hồ sơ', `${form.submitter.fullName}, ${form.submitter.address}`);
  labelled(flow, 'Nội dung yêu cầu giải quyết', `${form.procedure.name} (mã ${form.procedure.code})`);
  labelled(flow, 'Thời gian tiếp nhận hồ sơ', form.receivedAt.long);
  flow.gap(flow.lineHeight(flow.metrics.body) * 0.3);
  flow.paragraph([
    { text: `${form.header.issuer.unitName} thông báo dừng giải quyết hồ sơ nêu trên kể từ ` },
    { text: form.stoppedAt.long, bold: true },
    { text: '.' },
  ]);
  labelled(flow, 'Lý do', form.reason);
  flow.paragraph('Xin thông báo để Ông/Bà được biết./.');
  drawSignatures(flow, form.signatures);
}
