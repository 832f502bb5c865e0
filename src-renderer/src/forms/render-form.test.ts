import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import {
  apologyExtension,
  controlSlip,
  logBook,
  MOTTO,
  NATION,
  receiptSlip,
  refusal,
  stopNotice,
  supplementRequest,
  type FormContent,
} from '../../../src-shared/domain/forms';
import {
  center,
  extendedRecord,
  lifeTimes,
  recordLife,
  refusedRecord,
  stoppedRecord,
} from '../../../src-shared/domain/forms/fixtures.testing';
import { createPdfReader } from '../../../tests/support/pdf-reader';
import { paperSizes } from './page-flow';
import { renderFormPdf, type RenderFormOptions } from './render-form';

const fontDir = join(import.meta.dirname, '../../../assets/fonts');
const fonts = {
  regular: new Uint8Array(readFileSync(join(fontDir, 'NotoSans-Regular.ttf'))),
  bold: new Uint8Array(readFileSync(join(fontDir, 'NotoSans-Bold.ttf'))),
};

// The PDFs are checked as a reader sees them (text by pdftotext, page 1 by pdftoppm, the QR by jsQR).
const reader = createPdfReader();
afterAll(() => reader.dispose());
const { textOf, rasterize, decodeQr } = reader;

async function render(content: FormContent, options: Omit<RenderFormOptions, 'fonts'> = {}): Promise<Uint8Array> {
  const result = await renderFormPdf(content, { fonts, ...options });
  if (!result.ok) throw new Error(result.error.messageEn);
  return result.value;
}

function value<T>(result: { ok: true; value: T } | { ok: false; error: { messageEn: string } }): T {
  if (!result.ok) throw new Error(result.error.messageEn);
  return result.value;
}

const { stages } = recordLife();
const code = stages.returned.code;
const signer = { signer: { title: 'Chủ tịch', name: 'Phạm Quốc Dũng' } };

describe('form 01 as PDF', () => {
  const slip = value(receiptSlip(stages.returned, center));

  it('is one A4 page with the record code as subject', async () => {
    const doc = await PDFDocument.load(await render(slip), { updateMetadata: false });
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect(width).toBeCloseTo(paperSizes.A4[0], 1);
    expect(height).toBeCloseTo(paperSizes.A4[1], 1);
    expect(doc.getSubject()).toBe(code);
    expect(doc.getTitle()).toBe(`Mẫu số 01: Giấy tiếp nhận hồ sơ và hẹn trả kết quả – ${code}`);
    expect(doc.getAuthor()).toBe(center.unitName);
    expect(doc.getCreationDate()?.getTime()).toBe(slip.header.issuedAt.at);
  });

  it('has every Vietnamese character extractable: heading, code, names, the due date line', async () => {
    const text = textOf(await render(slip));
    expect(text).toContain(NATION);
    expect(text).toContain(MOTTO);
    expect(text).toContain('GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ');
    expect(text).toContain(`Mã hồ sơ: ${code}`);
    expect(text).toContain('Ông/Bà: Nguyễn Văn An');
    expect(text).toContain('Chủ hồ sơ: Nguyễn Ngọc Ánh');
    expect(text).toContain('Giấy chứng nhận kết hôn của cha, mẹ');
    expect(text).toContain('Bản sao chứng thực');
    expect(text).toContain('4. Thời gian nhận hồ sơ: 10 giờ 00 phút, ngày 12 tháng 02 năm 2026');
    expect(text).toContain('5. Thời gian trả kết quả giải quyết hồ sơ: 10 giờ 00 phút, ngày 24 tháng 02 năm 2026');
    expect(text).toContain('Vào Sổ theo dõi hồ sơ, Quyển số: 01/2026, Số thứ tự: 57');
    expect(text).toContain('NGƯỜI TIẾP NHẬN HỒ SƠ');
    expect(text).toContain('Trần Thị Bình');
    expect(text).not.toContain('BẢN IN LẠI');
  });

  it('carries a QR code that decodes to the record code', async () => {
    expect(decodeQr(rasterize(await render(slip)))).toBe(code);
  });

  it('prints on A5 too, and a reprint says so on the page', async () => {
    const bytes = await render(slip, { paper: 'A5', reprint: { printedAt: lifeTimes.returned } });
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const { width, height } = doc.getPage(0).getSize();
    expect(width).toBeCloseTo(paperSizes.A5[0], 1);
    expect(height).toBeCloseTo(paperSizes.A5[1], 1);
    expect(doc.getPageCount()).toBe(1);
    expect(doc.getCreationDate()?.getTime()).toBe(lifeTimes.returned);
    const text = textOf(bytes);
    expect(text).toContain('BẢN IN LẠI (in lúc 15:00 25/02/2026)');
    expect(text).toContain('10 giờ 00 phút, ngày 24 tháng 02 năm 2026');
    expect(decodeQr(rasterize(bytes))).toBe(code);
  });

  it('draws the glyphs, not only their text: the page carries ink for its letters', async () => {
    // A broken font subset keeps the text extractable while drawing almost nothing (see document.ts). At 50 dpi
    // this page darkens ~10 pixels per letter; with the broken subset, under 2.
    const bytes = await render(value(refusal(refusedRecord(), center)));
    const page = rasterize(bytes, 50);
    let dark = 0;
    for (let i = 0; i < page.data.length; i += 4) if ((page.data[i] ?? 255) < 128) dark++;
    const letters = textOf(bytes).replace(/\s/g, '').length;
    expect(dark / letters).toBeGreaterThan(5);
  });

  it('gives the same bytes for the same slip', async () => {
    expect(Buffer.from(await render(slip)).equals(Buffer.from(await render(slip)))).toBe(true);
  });

  it('fails in both languages, without throwing, when the font bytes are not a font', async () => {
    const result = await renderFormPdf(slip, { fonts: { regular: new Uint8Array([1, 2, 3]), bold: fonts.bold } });
    expect(result).toMatchObject({ ok: false, error: { code: 'forms.render-failed' } });
    expect(!result.ok && result.error.message).toContain('Không tạo được tệp PDF Mẫu số 01');
  });
});

describe('forms 02–06 as PDF', () => {
  it('02 lists the papers to add, the reason and whom to call', async () => {
    const form = value(supplementRequest(stages.returned, center, { documentsToAdd: [{ name: 'Bản sao có chứng thực Giấy chứng nhận kết hôn' }], guide: { phone: '0912000111' } }));
    const text = textOf(await render(form));
    expect(text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(text).toContain(code);
    expect(text).toContain('Bản sao có chứng thực Giấy chứng nhận kết hôn');
    expect(text).toContain('Lý do: Bản sao Giấy chứng nhận kết hôn không rõ số, ngày cấp');
    expect(text).toContain('liên hệ với Lê Văn Cường, số điện thoại 0912000111');
  });

  it('03 gives the reason for refusal', async () => {
    const bytes = await render(value(refusal(refusedRecord(), center)));
    const text = textOf(bytes);
    expect(text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('000.00.15.H55-260210-1002');
    expect(text).toContain('đã được đăng ký khai sinh tại UBND xã Tân Phong');
    expect(text).toContain(NATION);
  });

  it('04 gives both due dates and is signed by the agency head', async () => {
    const text = textOf(await render(value(apologyExtension(extendedRecord(), center, signer))));
    expect(text).toContain('VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT');
    expect(text).toContain('Kính gửi: Ông/Bà Nguyễn Ngọc Ánh');
    expect(text).toContain('Thời hạn trả kết quả giải quyết hồ sơ: 10 giờ 00 phút, ngày 24 tháng 02 năm 2026');
    expect(text).toContain('Thời hạn trả kết quả mới: 10 giờ 00 phút, ngày 26 tháng 02 năm 2026');
    expect(text).toContain('CHỦ TỊCH');
    expect(text).toContain('Phạm Quốc Dũng');
  });

  it('05 gives the reason for stopping', async () => {
    const text = textOf(await render(value(stopNotice(stoppedRecord(), center, signer))));
    expect(text).toContain('THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('000.00.15.H55-260212-1004');
    expect(text).toContain('Tòa án nhân dân khu vực 1');
  });

  it('06 has a row per hand-over with its result', async () => {
    const bytes = await render(value(controlSlip(stages.returned, center, { printedAt: lifeTimes.returned })));
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getSubject()).toBe(code);
    const text = textOf(bytes);
    expect(text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(text).toContain('Văn phòng HĐND và UBND phường Hoà Bình');
    expect(text).toContain('Đúng hạn');
    expect(text).toContain('Lê Văn Cường');
  });
});

describe('form 07 as PDF', () => {
  it('runs over landscape pages with the header repeated and page numbers', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ ...stages.returned, code: `000.00.15.H55-260212-${String(1001 + i)}` }));
    const book = value(logBook(many, center, { from: { year: 2026, month: 2, day: 1 }, to: { year: 2026, month: 2, day: 28 }, printedAt: lifeTimes.returned }));
    const bytes = await render(book);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getPageCount()).toBeGreaterThan(1);
    const { width, height } = doc.getPage(1).getSize();
    expect(width).toBeGreaterThan(height);
    expect(doc.getSubject()).toBe('SỔ THEO DÕI HỒ SƠ Từ ngày 01/02/2026 đến ngày 28/02/2026');
    const text = textOf(bytes);
    expect(text).toContain(`Trang 1/${doc.getPageCount()}`);
    expect(text).toContain('000.00.15.H55-260212-1040');
    expect(text.split('Trích yếu (thủ tục)').length - 1).toBe(doc.getPageCount());
  });

  it('says so when nothing was received', async () => {
    const empty = value(logBook([], center, { from: { year: 2026, month: 2, day: 1 }, to: { year: 2026, month: 2, day: 1 }, printedAt: lifeTimes.returned }));
    expect(textOf(await render(empty))).toContain('Không có hồ sơ nào được tiếp nhận trong kỳ.');
  });
});
