import type { ApologyExtension } from '../../../src-shared/domain/forms';
import { drawNationalHeader, drawSignatures, drawTitle, field } from './blocks';
import type { PageFlow } from './page-flow';

/** Form 04: the processing agency apologises for the delay and asks for more time. */
export function drawApologyExtension(flow: PageFlow, form: ApologyExtension): void {
  drawNationalHeader(flow, form.header);
  drawTitle(flow, form.header.title);
  flow.paragraph(field('Kính gửi', form.addressee), { align: 'center' });
  flow.gap(flow.lineHeight(flow.metrics.body) * 0.4);
  flow.paragraph([
    { text: 'Ngày ' },
    { text: form.receivedAt.long, bold: true },
    { text: ', hồ sơ của Ông/Bà đề nghị giải quyết: ' },
    { text: form.procedure.name, bold: true },
    { text: ' đã được tiếp nhận với mã hồ sơ ' },
    { text: form.recordCode, bold: true },
    { text: '.' },
  ]);
  flow.paragraph(field('Thời hạn trả kết quả giải quyết hồ sơ', form.previousDueAt.long));
  flow.paragraph(`Tuy nhiên đến nay, ${form.header.issuer.unitName} chưa giải quyết xong hồ sơ của Ông/Bà.`);
  flow.paragraph(field('Lý do', form.reason));
  flow.paragraph(form.apology);
  flow.paragraph(field('Thời hạn trả kết quả mới', form.newDueAt.long));
  flow.paragraph('Xin trân trọng cảm ơn sự hợp tác của Ông/Bà./.');
  drawSignatures(flow, form.signatures);
}
