/** Sample kept documents for tests (the `.testing` suffix marks it: never imported by app code). */
import { mondayMorning, sampleUnitId } from '../records/fixtures.testing';
import type { KeptDocument } from './kept-document';

export const sampleCitizenId = '001099012345';

export function sampleKeptDocument(overrides: Partial<KeptDocument> = {}): KeptDocument {
  return {
    id: '0195a000-0000-7000-8000-0000000000d1',
    citizenId: sampleCitizenId,
    unitId: sampleUnitId,
    procedure: { key: '1.001193@2025-07-01', code: '1.001193', name: 'Thủ tục đăng ký khai sinh' },
    documentName: 'Giấy chứng sinh',
    hash: 'a'.repeat(64),
    pageCount: 1,
    bytes: 1000,
    droppedPages: 0,
    thumbnails: ['data:image/jpeg;base64,/9j/AA=='],
    issues: [],
    keptAt: mondayMorning,
    ...overrides,
  };
}
