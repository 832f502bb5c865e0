import type { TestPage } from '../slip-schema';
import { field, paragraph, rule, space, type SlipBlock } from './blocks';
import { formatSlipTime } from './format';
import { withReprintMark } from './header';

/** Every Vietnamese letter with every tone, upper and lower case: a missing glyph shows up as a visible gap or box. */
export const VIETNAMESE_SAMPLE_LINES = [
  'aàáảãạ ăằắẳẵặ âầấẩẫậ eèéẻẽẹ êềếểễệ',
  'iìíỉĩị oòóỏõọ ôồốổỗộ ơờớởỡợ',
  'uùúủũụ ưừứửữự yỳýỷỹỵ đ',
  'AÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ EÈÉẺẼẸ ÊỀẾỂỄỆ',
  'IÌÍỈĨỊ OÒÓỎÕỌ ÔỒỐỔỖỘ ƠỜỚỞỠỢ',
  'UÙÚỦŨỤ ƯỪỨỬỮỰ YỲÝỶỸỴ Đ',
] as const;

export const TEST_PAGE_QR_TEXT = 'MOTCUA-TEST-PAGE';

export function testPageBlocks(page: TestPage): readonly SlipBlock[] {
  const body: SlipBlock[] = [
    paragraph(page.centerName.toUpperCase(), { align: 'center', bold: true }),
    paragraph('TRANG IN THỬ / TEST PAGE', { size: 'large', align: 'center', bold: true }),
    ...(page.printerName === undefined ? [] : [field('Máy in / Printer', page.printerName)]),
    field('Thời gian / Time', formatSlipTime(page.issuedAt)),
    rule(),
    ...VIETNAMESE_SAMPLE_LINES.map((text) => paragraph(text)),
    paragraph('Nguyễn Thị Hoà – Đăng ký khai sinh', { bold: true }),
    rule(true),
    paragraph('Cỡ chữ nhỏ / small', { size: 'small' }),
    paragraph('Cỡ chữ lớn / large', { size: 'large' }),
    rule(),
    { kind: 'qr', text: TEST_PAGE_QR_TEXT, caption: 'Mã QR phải quét được / the QR must scan' },
    space(),
  ];
  return withReprintMark(page.reprint, body);
}
