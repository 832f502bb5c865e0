import type { ProcedureInput } from './procedure';

/** A minimal valid procedure for tests; each test overrides what it is about. */
export function procedureInput(overrides: Partial<ProcedureInput> = {}): ProcedureInput {
  return {
    nationalCode: '2.000815',
    name: 'Chứng thực bản sao từ bản chính',
    field: { code: 'chung-thuc', name: 'Chứng thực' },
    level: 'commune',
    processingTime: { unit: 'same-day' },
    documents: [{ id: 'ban-chinh', name: 'Bản chính', quantities: { original: 1 }, handling: 'present' }],
    results: ['Bản sao có chứng thực'],
    effectiveFrom: '2025-07-01',
    source: { document: 'Nghị định số 23/2015/NĐ-CP' },
    ...overrides,
  };
}
