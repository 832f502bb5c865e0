import type { SupplementRequest } from '../../../src-shared/domain/forms';
import { drawNationalHeader, drawSignatures, drawTitle, field, labelled } from './blocks';
import type { PageFlow } from './page-flow';

/** Form 02: what the citizen must add, why, and whom to call. */
export function drawSupplementRequest(flow: PageFlow, form: SupplementRequest): void {
  drawNationalHeader(flow, form.header);
  drawTitle(flow, form.header.title);
  labelled(flow, 'Mã hồ sơ', form.recordCode);
  flow.paragraph(`${form.header.issuer.unitName} đã nhận hồ sơ của:`);
  labelled(flow, 'Ông/Bà', form.submitter.fullName);
  labelled(flow, 'Địa chỉ', form.submitter.address);
  flow.paragraph([...field('Số điện thoại', form.submitter.phone ?? '—'), { text: '   ' }, ...field('Email', form.submitter.email ?? '—')]);
  if (form.owner !== undefined) labelled(flow, 'Chủ hồ sơ', form.owner.fullName);
  labelled(flow, 'Nội dung yêu cầu giải quyết', `${form.procedure.name} (mã ${form.procedure.code})`);
  if (form.receivedAt !== undefined) labelled(flow, 'Thời gian tiếp nhận hồ sơ', form.receivedAt.long);
  flow.gap(flow.lineHeight(flow.metrics.body) * 0.3);
  flow.paragraph('Đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:');
  flow.table(
    [
      { title: 'TT', weight: 0.6, align: 'center' },
      { title: 'Giấy tờ cần bổ sung, hoàn thiện', weight: 6 },
      { title: 'Ghi chú', weight: 3 },
    ],
    form.documentsToAdd.map((d) => [String(d.index), d.name, d.note ?? '']),
  );
  flow.gap(flow.lineHeight(flow.metrics.body) * 0.3);
  labelled(flow, 'Lý do', form.reason);
  flow.paragraph([
    { text: 'Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ với ' },
    { text: form.guide.name, bold: true },
    { text: ', số điện thoại ' },
    { text: form.guide.phone, bold: true },
    { text: ' để được hướng dẫn.' },
  ]);
  drawSignatures(flow, form.signatures);
}
