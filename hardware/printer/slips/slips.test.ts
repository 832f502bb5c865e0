import { describe, expect, it } from 'vitest';
import { parseSlip, type Slip, type SlipInput } from '../slip-schema';
import { SAMPLE_RECORD_CODE, sampleSlips } from '../slip-fixtures.testing';
import type { SlipBlock } from './blocks';
import { formatFee, formatPickup, formatSlipTime, formatVnd } from './format';
import { REPRINT_MARK, slipBlocks } from './index';

const parsed = (input: SlipInput): Slip => {
  const result = parseSlip(input);
  if (!result.ok) throw new Error(result.error.messageEn);
  return result.value;
};
const allText = (blocks: readonly SlipBlock[]): string =>
  blocks
    .map((b) => {
      switch (b.kind) {
        case 'paragraph':
          return b.runs.map((r) => r.text).join('');
        case 'table':
          return [b.columns.map((c) => c.header).join(' '), ...b.rows.map((r) => r.join(' '))].join('\n');
        case 'qr':
          return b.caption ?? '';
        case 'banner':
          return b.text;
        case 'rule':
        case 'space':
          return '';
      }
    })
    .join('\n');

describe('slip content', () => {
  it('a receipt carries form 01 essentials and a QR of the record code', () => {
    const blocks = slipBlocks(parsed(sampleSlips.receipt));
    const text = allText(blocks);
    for (const expected of [
      'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
      'Mẫu số 01',
      SAMPLE_RECORD_CODE,
      'Nguyễn Thị Hoà',
      'Đăng ký khai sinh (1.001193)',
      '1. Tờ khai đăng ký khai sinh theo mẫu 1 0 0',
      'Bản chính',
      'Bản sao CT',
      'Bản chụp',
      'Nhận hồ sơ lúc: 09:15 ngày 02/03/2026',
      'Hẹn trả kết quả lúc: 10:00 ngày 05/03/2026',
      '8.000 đồng (đã nộp)',
      'Quầy trả kết quả số 2',
      'Số bộ hồ sơ: 1',
    ]) {
      expect(text).toContain(expected);
    }
    expect(blocks.filter((b) => b.kind === 'qr').map((b) => (b.kind === 'qr' ? b.text : ''))).toEqual([SAMPLE_RECORD_CODE]);
    expect(text).not.toContain(REPRINT_MARK);
  });

  it('a reprint starts and ends with the mark', () => {
    for (const input of Object.values(sampleSlips)) {
      const blocks = slipBlocks(parsed({ ...input, reprint: true }));
      expect(blocks[0]).toEqual({ kind: 'banner', text: 'BẢN IN LẠI / REPRINT' });
      expect(blocks[blocks.length - 1]).toEqual({ kind: 'banner', text: 'BẢN IN LẠI / REPRINT' });
    }
  });

  it('a queue ticket shows the number, field, counter, time and people ahead', () => {
    const text = allText(slipBlocks(parsed(sampleSlips.ticket)));
    for (const expected of ['SỐ THỨ TỰ', '1023', 'Lĩnh vực: Hộ tịch', 'Mời đến quầy: 3', '09:15 ngày 02/03/2026', 'Số người đang chờ trước: 5']) {
      expect(text).toContain(expected);
    }
  });

  it('a self-service list names the kept documents with their pages and what to bring, and no one’s full ID', () => {
    const text = allText(slipBlocks(parsed(sampleSlips.keptDocuments)));
    for (const expected of ['GIẤY TỜ ĐÃ SỐ HÓA TẠI ĐIỂM TỰ PHỤC VỤ', 'Thủ tục: Đăng ký khai sinh', '********2345', '1 Giấy chứng sinh 1', '2 Giấy chứng nhận kết hôn của cha mẹ 2', 'mang bản giấy', '1. Tờ khai đăng ký khai sinh']) {
      expect(text).toContain(expected);
    }
    const nothingToBring = allText(slipBlocks(parsed({ ...sampleSlips.keptDocuments, toBring: [] })));
    expect(nothingToBring).not.toContain('mang bản giấy');
    expect(parseSlip({ ...sampleSlips.keptDocuments, citizenIdTail: '001099012345' }).ok).toBe(false);
  });

  it('forms 02 and 03 carry their reason and officer', () => {
    const supplement = allText(slipBlocks(parsed(sampleSlips.supplement)));
    expect(supplement).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(supplement).toContain('1. Giấy chứng sinh (bản chính) — bản đã nộp bị mờ');
    expect(supplement).toContain('Trần Văn Bình — ĐT 0240000000');
    const refusal = allText(slipBlocks(parsed(sampleSlips.refusal)));
    expect(refusal).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
    expect(refusal).toContain(sampleSlips.refusal.reason);
    expect(refusal).not.toContain('Mã hồ sơ');
  });

  it('the test page shows every Vietnamese letter', () => {
    const text = allText(slipBlocks(parsed(sampleSlips.testPage)));
    expect(text).toContain('ỄỆ');
    expect(text).toContain('ửữự');
  });
});

describe('slip schema', () => {
  it('fills defaults and stores text as NFC', () => {
    const slip = parsed({ ...sampleSlips.receipt, citizenName: '  Nguyễn Thị Hoà '.normalize('NFD') });
    expect(slip.reprint).toBe(false);
    expect(slip.kind === 'receipt' && slip.setsCount).toBe(1);
    expect(slip.kind === 'receipt' && slip.citizenName).toBe('Nguyễn Thị Hoà');
  });

  it('rejects what cannot be printed, with a bilingual message naming the field', () => {
    const bad = parseSlip({ ...sampleSlips.receipt, citizenName: '', documents: [{ name: 'x', original: -1, certifiedCopy: 0, photocopy: 0 }] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('printer.invalid-slip');
      expect(bad.error.message).toContain('citizenName');
      expect(bad.error.messageEn).toContain('documents.0.original');
    }
    expect(parseSlip({ ...sampleSlips.receipt, recordCode: 'mã có dấu' }).ok).toBe(false);
    expect(parseSlip({ kind: 'invoice' }).ok).toBe(false);
  });
});

describe('formatting', () => {
  it('times in Vietnamese time whatever the host zone', () => {
    expect(formatSlipTime(Date.UTC(2026, 2, 2, 17, 30))).toBe('00:30 ngày 03/03/2026');
  });

  it('money with dot-grouped thousands', () => {
    expect(formatVnd(0)).toBe('0 đồng');
    expect(formatVnd(8000)).toBe('8.000 đồng');
    expect(formatVnd(1234567)).toBe('1.234.567 đồng');
    expect(formatFee({ amountVnd: 0, paid: false })).toBe('Không thu phí, lệ phí');
    expect(formatFee({ amountVnd: 50000, paid: false })).toBe('50.000 đồng (chưa nộp)');
  });

  it('where to collect', () => {
    expect(formatPickup({ kind: 'post' })).toBe('Qua dịch vụ bưu chính công ích');
    expect(formatPickup({ kind: 'counter' })).toBe('Tại Bộ phận tiếp nhận và trả kết quả');
  });
});
