import { describe, expect, it } from 'vitest';
import { procedureSchema } from './procedure';
import { procedureInput } from './test-fixtures';

const issuesOf = (input: unknown) => {
  const parsed = procedureSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
};

describe('procedureSchema', () => {
  it('fills defaults: empty lists, submit handling, 15:00 cut-off, not across boundaries, not to verify', () => {
    const parsed = procedureSchema.parse(procedureInput());
    expect(parsed.processingTime).toEqual({ unit: 'same-day', cutOffHour: 15 });
    expect(parsed.fees).toEqual([]);
    expect(parsed.feeExemptions).toEqual([]);
    expect(parsed.nonBoundary).toBe(false);
    expect(parsed.verify).toBe(false);
    expect(parsed.documents[0]?.quantities).toEqual({ original: 1, certifiedCopy: 0, photocopy: 0 });
    expect(parsed.documents[0]?.alternatives).toEqual([]);
  });

  it('stores text as NFC, trimmed', () => {
    const parsed = procedureSchema.parse(procedureInput({ name: '  Đăng ký khai sinh '.normalize('NFD') }));
    expect(parsed.name).toBe('Đăng ký khai sinh'.normalize('NFC'));
  });

  it('checks the national and local code formats, and that the local code extends the national one', () => {
    expect(issuesOf(procedureInput({ nationalCode: '1.1193' }))).toEqual([{ path: 'nationalCode', message: 'catalogue.national-code-format' }]);
    expect(issuesOf(procedureInput({ localCode: '2.000815.000.00.00.H55' }))).toEqual([]);
    expect(issuesOf(procedureInput({ localCode: '2.000815-H55' }))).toEqual([{ path: 'localCode', message: 'catalogue.local-code-format' }]);
    expect(issuesOf(procedureInput({ localCode: '1.001193.000.00.00.H55' }))).toEqual([
      { path: 'localCode', message: 'catalogue.local-code-mismatch' },
    ]);
  });

  it('accepts each processing time unit and rejects nonsense', () => {
    for (const processingTime of [
      { unit: 'same-day', cutOffHour: 16 },
      { unit: 'working-days', amount: 3, ifVerificationNeeded: { unit: 'working-days', amount: 8 } },
      { unit: 'working-hours', amount: 4 },
      { unit: 'calendar-days', amount: 30 },
    ] as const) {
      expect(issuesOf(procedureInput({ processingTime }))).toEqual([]);
    }
    expect(issuesOf(procedureInput({ processingTime: { unit: 'working-days', amount: 0 } })).map((i) => i.path)).toEqual(['processingTime.amount']);
    expect(issuesOf(procedureInput({ processingTime: { unit: 'same-day', cutOffHour: 25 } })).map((i) => i.path)).toEqual([
      'processingTime.cutOffHour',
    ]);
    expect(issuesOf({ ...procedureInput(), processingTime: { unit: 'weeks', amount: 1 } }).map((i) => i.path)).toEqual(['processingTime.unit']);
  });

  it('requires per-page tiers to start at page 1 and increase', () => {
    const rule = { id: 'phi', name: 'Phí', category: 'service-fee', kind: 'per-page' } as const;
    expect(issuesOf(procedureInput({ fees: [{ ...rule, tiers: [{ fromPage: 1, amountPerPage: 2000 }, { fromPage: 3, amountPerPage: 1000 }] }] }))).toEqual([]);
    expect(issuesOf(procedureInput({ fees: [{ ...rule, tiers: [{ fromPage: 2, amountPerPage: 2000 }] }] }))).toEqual([
      { path: 'fees.0.tiers', message: 'catalogue.fee-tiers' },
    ]);
    expect(
      issuesOf(procedureInput({ fees: [{ ...rule, tiers: [{ fromPage: 1, amountPerPage: 2 }, { fromPage: 1, amountPerPage: 1 }] }] })),
    ).toEqual([{ path: 'fees.0.tiers', message: 'catalogue.fee-tiers' }]);
  });

  it('requires a quantity for documents to submit, not for documents only shown', () => {
    expect(issuesOf(procedureInput({ documents: [{ id: 'a', name: 'A', quantities: {} }] }))).toEqual([
      { path: 'documents.0.quantities', message: 'catalogue.document-without-quantity' },
    ]);
    expect(issuesOf(procedureInput({ documents: [{ id: 'a', name: 'A', quantities: {}, handling: 'present' }] }))).toEqual([]);
  });

  it('rejects duplicate document and fee ids, reversed validity, unknown fields and bad province lists', () => {
    const doc = { id: 'a', name: 'A', quantities: { original: 1 } };
    expect(issuesOf(procedureInput({ documents: [doc, doc] }))).toEqual([{ path: 'documents', message: 'catalogue.duplicate-document-id' }]);
    expect(issuesOf(procedureInput({ effectiveFrom: '2025-07-01', effectiveTo: '2025-06-30' }))).toEqual([
      { path: 'effectiveTo', message: 'catalogue.effective-range' },
    ]);
    expect(issuesOf({ ...procedureInput(), nationalcode: '1.001193' }).map((i) => i.path)).toEqual(['']);
    expect(issuesOf(procedureInput({ nonBoundary: ['01', '79'] }))).toEqual([]);
    expect(issuesOf(procedureInput({ nonBoundary: ['1'] }))).toEqual([{ path: 'nonBoundary.0', message: 'catalogue.province-code-format' }]);
    expect(issuesOf(procedureInput({ effectiveFrom: '2025-02-30' }))).toEqual([{ path: 'effectiveFrom', message: 'catalogue.date-format' }]);
  });
});
