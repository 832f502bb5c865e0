import { describe, expect, it } from 'vitest';
import { procedureSchema } from './procedure';
import { procedureInput } from './test-fixtures';
import { validateCatalogue } from './validate';
import { proceduresInForceOn } from './versions';

const make = (overrides = {}) => procedureSchema.parse(procedureInput(overrides));

describe('validateCatalogue', () => {
  it('accepts successive versions of one procedure', () => {
    const versions = [make({ effectiveFrom: '2020-01-01', effectiveTo: '2025-06-30' }), make({ effectiveFrom: '2025-07-01' })];
    expect(validateCatalogue(versions)).toEqual([]);
    expect(proceduresInForceOn(versions, '2025-06-30').map((p) => p.effectiveFrom)).toEqual(['2020-01-01']);
    expect(proceduresInForceOn(versions, '2025-07-01').map((p) => p.effectiveFrom)).toEqual(['2025-07-01']);
  });

  it('rejects two versions in force at once', () => {
    const issues = validateCatalogue([make({ effectiveFrom: '2020-01-01' }), make({ effectiveFrom: '2025-07-01' })]);
    expect(issues).toMatchObject([{ severity: 'error', code: 'catalogue.overlapping-versions', index: 1, procedureCode: '2.000815' }]);
  });

  it('treats different province codes or levels as different procedures', () => {
    expect(
      validateCatalogue([
        make({ localCode: '2.000815.000.00.00.H55' }),
        make({ localCode: '2.000815.000.00.00.H26' }),
        make({ level: 'province' }),
      ]),
    ).toEqual([]);
  });

  it('warns about entries to verify and entries without documents', () => {
    const issues = validateCatalogue([make({ verify: true, verifyNotes: 'phí' }), make({ nationalCode: '2.000884', documents: [] })]);
    expect(issues.map(({ severity, code, index }) => ({ severity, code, index }))).toEqual([
      { severity: 'warning', code: 'catalogue.needs-verification', index: 0 },
      { severity: 'warning', code: 'catalogue.no-documents', index: 1 },
    ]);
    expect(issues[0]?.message).toContain('2.000815');
  });
});
