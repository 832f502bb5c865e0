import { describe, expect, it } from 'vitest';
import { sampleKeptDocument } from './fixtures.testing';
import { keptDocumentSchema, matchKeptDocuments } from './kept-document';

describe('kept documents', () => {
  it('match checklist rows by name whatever the tone placement or case, the newest per row', () => {
    const rows = [
      { id: 'to-khai', name: 'Tờ khai đăng ký khai sinh' },
      { id: 'hoa', name: 'Giấy xác nhận hòa giải' },
      { id: 'none', name: 'Giấy chứng sinh' },
    ];
    const older = sampleKeptDocument({ id: 'a', documentName: 'tờ khai đăng ký khai sinh', keptAt: 1 });
    const newer = sampleKeptDocument({ id: 'b', documentName: 'Tờ khai đăng ký khai sinh ', keptAt: 2 });
    const hoa = sampleKeptDocument({ id: 'c', documentName: 'Giấy xác nhận hoà giải' });
    const unrelated = sampleKeptDocument({ id: 'd', documentName: 'Sổ hộ khẩu' });
    const matched = matchKeptDocuments(rows, [older, newer, hoa, unrelated]);
    expect([...matched.entries()].map(([row, doc]) => [row, doc.id])).toEqual([
      ['to-khai', 'b'],
      ['hoa', 'c'],
    ]);
  });

  it('are bound to a 12-digit ID number and carry the PDF by its hash only', () => {
    expect(keptDocumentSchema.safeParse(sampleKeptDocument()).success).toBe(true);
    expect(keptDocumentSchema.safeParse(sampleKeptDocument({ citizenId: '00109901234' })).success).toBe(false);
    expect(keptDocumentSchema.safeParse(sampleKeptDocument({ hash: 'A'.repeat(64) })).success).toBe(false);
    expect(keptDocumentSchema.safeParse(sampleKeptDocument({ thumbnails: ['data:image/png;base64,AA=='] })).success).toBe(false);
  });
});
