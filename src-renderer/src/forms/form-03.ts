import type { Refusal } from '../../../src-shared/domain/forms';
import { drawNationalHeader, drawSignatures, drawTitle, field, labelled } from './blocks';
import type { PageFlow } from './page-flow';

/** Form 03: why the Center will not receive the file. */
export function drawRefusal(flow: PageFlow, form: Refusal): void {
  drawNationalHeader(flow, form.header);
  drawTitle(flow, form.header.title);
  labelled(flow, 'Mã hồ sơ', form.recordCode);
  flow.paragraph(`${form.header.issuer.unitName} nhận được hồ sơ của:`);
  labelled(flow, 'Ông/Bà', form.submitter.fullName);
  labelled(flow, 'Địa chỉ', form.submitter.address);
  flow.paragraph([...field('Số điện thoại', form.submitter.phone ?? '—'), { text: '   ' }, ...field('Email', form.submitter.email ?? '—')]);
  if (form.owner !== undefined) labelled(flow, 'Chủ hồ sơ', form.owner.fullName);
  labelled(flow, 'Nội dung yêu cầu giải quyết', `${form.procedure.name} (mã ${form.procedure.code})`);
  labelled(flow, 'Hình thức nộp hồ sơ', form.channel.label);
  labelled(flow, 'Thời gian nộp hồ sơ', form.submittedAt.long);
  flow.gap(flow.lineHeight(flow.metrics.body) * 0.3);
  flow.paragraph(`Qua xem xét, ${form.header.issuer.unitName} thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:`);
  flow.paragraph(form.reason, { bold: true, indent: 14 });
  flow.paragraph('Xin thông báo để Ông/Bà được biết và thực hiện./.');
  drawSignatures(flow, form.signatures);
}
