import type { ReceiptSlip } from '../../../src-shared/domain/forms';
import { BLANK, drawNationalHeader, drawSignatures, drawTitle, field, labelled } from './blocks';
import type { PageFlow } from './page-flow';
import { drawQr } from './qr';

const count = (n: number): string => (n === 0 ? '' : String(n));
const twoDigits = (n: number): string => String(n).padStart(2, '0');

/** Form 01 on A4 or A5: the slip the citizen takes home, with the QR code the lookup machine reads. */
export function drawReceiptSlip(flow: PageFlow, slip: ReceiptSlip): void {
  drawNationalHeader(flow, slip.header);
  drawTitle(flow, slip.header.title);
  drawCodeAndQr(flow, slip);

  const size = flow.metrics.body;
  flow.paragraph(`${slip.receivingUnit.name} tiếp nhận hồ sơ của:`);
  labelled(flow, 'Ông/Bà', slip.submitter.fullName);
  labelled(flow, 'Số định danh cá nhân', slip.submitter.idNumber);
  labelled(flow, 'Địa chỉ', slip.submitter.address);
  flow.paragraph([...field('Số điện thoại', slip.submitter.phone ?? '—'), { text: '   ' }, ...field('Email', slip.submitter.email ?? '—')]);
  labelled(flow, 'Hình thức nộp hồ sơ', slip.channel.label);
  labelled(flow, 'Nội dung yêu cầu giải quyết', `${slip.procedure.name} (mã ${slip.procedure.code})`);
  if (slip.owner !== undefined) {
    const details = [slip.owner.idNumber, slip.owner.address].filter((d): d is string => d !== undefined).join(', ');
    labelled(flow, 'Chủ hồ sơ', details === '' ? slip.owner.fullName : `${slip.owner.fullName} (${details})`);
  }

  flow.gap(flow.lineHeight(size) * 0.3);
  flow.paragraph('1. Thành phần hồ sơ nộp gồm:');
  flow.table(
    [
      { title: 'TT', weight: 0.6, align: 'center' },
      { title: 'Tên giấy tờ', weight: 5 },
      { title: 'Bản chính', weight: 1.1, align: 'center' },
      { title: 'Bản sao chứng thực', weight: 1.4, align: 'center' },
      { title: 'Bản chụp', weight: 1.1, align: 'center' },
    ],
    slip.documents.map((d) => [String(d.index), d.name, count(d.original), count(d.certifiedCopy), count(d.photocopy)]),
  );
  flow.gap(flow.lineHeight(size) * 0.3);
  flow.paragraph(field('2. Số lượng hồ sơ', `${twoDigits(slip.setsCount)} bộ`));
  flow.paragraph(field('3. Thời hạn giải quyết hồ sơ theo quy định', slip.processingTime.text));
  flow.paragraph(field('4. Thời gian nhận hồ sơ', slip.receivedAt.long));
  flow.paragraph(field('5. Thời gian trả kết quả giải quyết hồ sơ', slip.dueAt.long));
  flow.paragraph(field('6. Đăng ký nhận kết quả tại', slip.resultDelivery.text));
  flow.paragraph([
    { text: 'Vào Sổ theo dõi hồ sơ, Quyển số: ' },
    { text: slip.logBook?.volume ?? BLANK, bold: slip.logBook !== undefined },
    { text: ', Số thứ tự: ' },
    { text: slip.logBook === undefined ? BLANK : String(slip.logBook.number), bold: slip.logBook !== undefined },
  ]);
  drawSignatures(flow, slip.signatures);
}

/** The record code in large type beside its QR code, so the officer and the lookup machine read the same thing. */
function drawCodeAndQr(flow: PageFlow, slip: ReceiptSlip): void {
  const qrSize = flow.paper === 'A5' ? 64 : 78;
  flow.ensure(qrSize);
  const top = flow.y;
  const textWidth = flow.contentWidth - qrSize - 8;
  drawQr(flow, slip.qrPayload, flow.left + flow.contentWidth - qrSize, top, qrSize);
  flow.gap(qrSize / 2 - flow.lineHeight(flow.metrics.title));
  flow.paragraph(field('Mã hồ sơ', slip.recordCode), { width: textWidth, size: flow.metrics.title });
  flow.paragraph('(Quét mã QR hoặc nhập mã hồ sơ để tra cứu tình trạng giải quyết)', { width: textWidth, size: flow.metrics.small });
  flow.y = Math.max(flow.y, top + qrSize);
}
