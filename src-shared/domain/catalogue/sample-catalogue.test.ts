import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportCatalogueCsv } from './csv-layout';
import { computeFees } from './fees';
import { importCatalogueCsv, importCatalogueJson } from './importer';
import type { Procedure } from './procedure';
import { indexCatalogue, searchProcedures } from './search';
import { validateCatalogue } from './validate';

const text = readFileSync(new URL('../../../assets/catalogue/sample-catalogue.json', import.meta.url), 'utf8');
const report = importCatalogueJson(text);
const byCode = (code: string): Procedure => {
  const found = report.procedures.find((p) => p.nationalCode === code);
  if (found === undefined) throw new Error(`${code} is not in the sample catalogue`);
  return found;
};

describe('the sample catalogue (assets/catalogue/sample-catalogue.json)', () => {
  it('imports without errors through the schema and the importer', () => {
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.procedures.length).toBeGreaterThanOrEqual(20);
  });

  it('holds commune-level procedures of several fields, each with its source, and no conflicting versions', () => {
    expect(report.procedures.every((p) => p.level === 'commune')).toBe(true);
    expect(new Set(report.procedures.map((p) => p.field.code))).toEqual(
      new Set(['ho-tich', 'chung-thuc', 'cu-tru', 'dat-dai', 'bao-tro-xa-hoi', 'nguoi-co-cong', 'ho-kinh-doanh']),
    );
    expect(report.procedures.every((p) => p.source.document.length > 10 && p.documents.length > 0 && p.nameEn !== undefined)).toBe(true);
    expect(validateCatalogue(report.procedures).filter((issue) => issue.severity === 'error')).toEqual([]);
  });

  it('says what is left to verify wherever an entry is marked for verification', () => {
    for (const procedure of report.procedures) {
      expect(procedure.verify ? procedure.verifyNotes : 'none').toBeDefined();
    }
  });

  it('carries the legal processing times', () => {
    expect(byCode('1.001193').processingTime).toEqual({ unit: 'same-day', cutOffHour: 15 });
    expect(byCode('1.000894').processingTime).toEqual({ unit: 'same-day', cutOffHour: 15, ifVerificationNeeded: { unit: 'working-days', amount: 5 } });
    expect(byCode('2.000815').processingTime).toEqual({ unit: 'same-day', cutOffHour: 15 });
    expect(byCode('1.004222').processingTime).toEqual({ unit: 'working-days', amount: 7 });
  });

  it('quotes the Circular 226/2016 fees for certification', () => {
    const copies = computeFees(byCode('2.000815').fees, { items: [{ pages: 3, copies: 2 }, { pages: 400, copies: 1 }] });
    expect(copies).toMatchObject({ ok: true, value: { total: 2 * 5000 + 200000, complete: true } });
    expect(computeFees(byCode('2.000884').fees, { cases: 2 })).toMatchObject({ ok: true, value: { total: 20000 } });
  });

  it('quotes the residence charges of Circular 75/2022, cheaper online', () => {
    expect(computeFees(byCode('1.004222').fees)).toMatchObject({ ok: true, value: { total: 20000 } });
    expect(computeFees(byCode('1.004222').fees, { channel: 'online' })).toMatchObject({ ok: true, value: { total: 10000 } });
  });

  it('charges nothing for an on-time birth registration and leaves the late charge to the province', () => {
    const birth = byCode('1.001193');
    expect(computeFees(birth.fees)).toMatchObject({ ok: true, value: { total: 0, complete: true } });
    expect(computeFees(birth.fees, { conditions: ['le-phi-qua-han'] })).toMatchObject({ ok: true, value: { complete: false } });
  });

  it('survives a round trip through the CSV layout', () => {
    const back = importCatalogueCsv(exportCatalogueCsv(report.procedures));
    expect(back.errors).toEqual([]);
    expect(back.procedures).toEqual(report.procedures);
  });

  it('is searchable without diacritics', () => {
    const index = indexCatalogue(report.procedures);
    expect(searchProcedures(index, 'dang ky khai sinh')[0]?.procedure.nationalCode).toBe('1.001193');
    expect(searchProcedures(index, 'chung thuc ban sao')[0]?.procedure.nationalCode).toBe('2.000815');
    expect(searchProcedures(index, 'tam tru').map((hit) => hit.procedure.nationalCode)).toEqual(['1.004194', '1.002755']);
  });
});
