import { describe, expect, it } from 'vitest';
import { formatCsv } from '../../text/csv';
import { catalogueCsvColumns, exportCatalogueCsv } from './csv-layout';
import { importCatalogue, importCatalogueCsv, importCatalogueJson } from './importer';
import { procedureInput } from './test-fixtures';

const file = (procedures: unknown[]) => JSON.stringify({ format: 'motcua.catalogue', formatVersion: 1, title: 'Thử', procedures });

describe('importCatalogueJson', () => {
  it('keeps the good procedures and reports every bad one with row and field', () => {
    const report = importCatalogueJson(
      file([
        procedureInput(),
        procedureInput({ nationalCode: '2.0008', results: [] }),
        procedureInput({ nationalCode: '1.001193', documents: [{ id: 'To Khai', name: 'Tờ khai', quantities: { original: 1 } }] }),
        procedureInput({ nationalCode: '1.000894', name: 'Đăng ký kết hôn' }),
      ]),
    );
    expect(report.procedures.map((p) => p.nationalCode)).toEqual(['2.000815', '1.000894']);
    expect(report.errors.map(({ row, field, code }) => ({ row, field, code }))).toEqual([
      { row: 2, field: 'nationalCode', code: 'catalogue.national-code-format' },
      { row: 2, field: 'results', code: 'catalogue.out-of-range' },
      { row: 3, field: 'documents[0].id', code: 'catalogue.id-format' },
    ]);
    expect(report.errors[0]?.message).toContain('1.001193');
    expect(report.errors[1]?.messageEn).toBe('At least 1 item(s) needed.');
  });

  it('explains missing, mistyped and unknown fields in both languages', () => {
    const { name: _name, ...withoutName } = procedureInput();
    const report = importCatalogueJson(file([withoutName, { ...procedureInput(), level: 'district', extra: 1 }, { ...procedureInput(), verify: 'yes' }]));
    expect(report.errors.map(({ row, field, code, message }) => ({ row, field, code, message }))).toEqual([
      { row: 1, field: 'name', code: 'catalogue.required', message: 'Thiếu thông tin bắt buộc.' },
      { row: 2, field: 'level', code: 'catalogue.invalid-value', message: 'Giá trị không hợp lệ; chỉ nhận: commune, province, central.' },
      { row: 2, field: '', code: 'catalogue.unknown-field', message: 'Trường không thuộc mẫu: extra.' },
      { row: 3, field: 'verify', code: 'catalogue.invalid-type', message: 'Sai kiểu dữ liệu: cần true hoặc false.' },
    ]);
  });

  it('refuses a second version of a procedure in force over the same period, not a successive one', () => {
    const report = importCatalogueJson(
      file([
        procedureInput({ effectiveFrom: '2020-01-01', effectiveTo: '2025-06-30' }),
        procedureInput({ effectiveFrom: '2025-07-01' }),
        procedureInput({ effectiveFrom: '2026-01-01' }),
      ]),
    );
    expect(report.procedures.map((p) => p.effectiveFrom)).toEqual(['2020-01-01', '2025-07-01']);
    expect(report.errors).toMatchObject([{ row: 3, field: 'nationalCode', code: 'catalogue.duplicate-code' }]);
    expect(report.errors[0]?.message).toContain('dòng 2');
  });

  it('accepts a bare array and a BOM', () => {
    expect(importCatalogueJson('\uFEFF' + JSON.stringify([procedureInput()])).procedures).toHaveLength(1);
  });

  it('reports a broken or foreign file instead of throwing', () => {
    expect(importCatalogueJson('{"format":').errors).toMatchObject([{ row: 0, code: 'catalogue.invalid-json' }]);
    expect(importCatalogueJson('{"format":"other","procedures":[]}').errors).toMatchObject([{ row: 0, code: 'catalogue.file-format' }]);
  });
});

const header = catalogueCsvColumns.map((column) => column.name);
const row = (values: Partial<Record<string, string>>) => header.map((name) => values[name] ?? '');
const goodRow = {
  national_code: '2.000884',
  name: 'Chứng thực chữ ký',
  field_code: 'chung-thuc',
  field_name: 'Chứng thực',
  processing_time: 'same-day',
  fees: '[{"id":"phi","name":"Phí chứng thực chữ ký","category":"service-fee","kind":"per-case","amount":10000}]',
  documents: '[{"id":"giay-to-can-ky","name":"Giấy tờ cần ký","quantities":{"original":1}}]',
  results: 'Giấy tờ đã chứng thực chữ ký',
  effective_from: '2025-07-01',
  source_document: 'Nghị định số 23/2015/NĐ-CP',
  legal_basis: 'Nghị định số 23/2015/NĐ-CP\nThông tư số 226/2016/TT-BTC',
  non_boundary: 'có',
};

describe('importCatalogueCsv', () => {
  it('reads a row written in the documented layout', () => {
    const report = importCatalogueCsv(formatCsv([header, row(goodRow)], { bom: true }));
    expect(report.errors).toEqual([]);
    expect(report.procedures).toHaveLength(1);
    expect(report.procedures[0]).toMatchObject({
      nationalCode: '2.000884',
      level: 'commune',
      processingTime: { unit: 'same-day', cutOffHour: 15 },
      fees: [{ kind: 'per-case', amount: 10000 }],
      legalBasis: ['Nghị định số 23/2015/NĐ-CP', 'Thông tư số 226/2016/TT-BTC'],
      nonBoundary: true,
      verify: false,
    });
  });

  it('reports every bad row by spreadsheet row and column, and keeps the good rows', () => {
    const text = formatCsv([
      header,
      row(goodRow),
      row({ ...goodRow, national_code: '1.001193', processing_time: 'ngay mai', documents: '[{"id":"x"' }),
      row({ ...goodRow, national_code: '1.000656', results: '', fees: '[{"id":"phi","name":"Phí","category":"service-fee","kind":"per-case","amount":-1}]' }),
      row({ ...goodRow, national_code: '1.000894', name: 'Đăng ký kết hôn' }),
    ]);
    const report = importCatalogueCsv(text);
    expect(report.procedures.map((p) => p.nationalCode)).toEqual(['2.000884', '1.000894']);
    expect(report.errors.map(({ row: r, field, code }) => ({ row: r, field, code }))).toEqual([
      { row: 3, field: 'processing_time', code: 'catalogue.csv-bad-cell' },
      { row: 3, field: 'documents', code: 'catalogue.csv-bad-cell' },
      { row: 4, field: 'fees[0].amount', code: 'catalogue.out-of-range' },
      { row: 4, field: 'results', code: 'catalogue.required' },
    ]);
    expect(report.errors[0]?.message).toContain('Ô "processing_time"');
  });

  it('counts rows as a spreadsheet does even when cells span lines', () => {
    // Row 2 spans lines 2–5: two line breaks in its notes, one in its legal basis.
    const text = formatCsv([header, row({ ...goodRow, notes: 'dòng 1\ndòng 2\ndòng 3' }), row({ ...goodRow, national_code: 'x' })]);
    const report = importCatalogueCsv(text);
    expect(report.errors).toMatchObject([{ row: 3, line: 6, field: 'national_code' }]);
  });

  it('stops at a header without required columns, and warns about unknown ones', () => {
    const missing = importCatalogueCsv('national_code,name,ghi_chu\n1.001193,Đăng ký khai sinh,x\n');
    expect(missing.procedures).toEqual([]);
    expect(missing.errors.map((e) => e.field)).toEqual(['field_code', 'field_name', 'processing_time', 'results', 'effective_from', 'source_document']);
    expect(missing.warnings).toMatchObject([{ row: 1, code: 'catalogue.csv-unknown-column', field: 'ghi_chu' }]);
  });

  it('reports an unclosed quote as an error with its line', () => {
    // Row 2 spans lines 2–3 (its legal basis has two lines), so the broken record starts on line 4.
    const text = formatCsv([header, row(goodRow)]) + '"1.000894,Đăng ký kết hôn\n';
    const report = importCatalogueCsv(text);
    expect(report.errors[0]).toMatchObject({ code: 'catalogue.csv-syntax', line: 4, row: 3 });
    expect(report.procedures).toHaveLength(1);
  });
});

describe('CSV export', () => {
  it('round-trips procedures through the CSV layout', () => {
    const fromJson = importCatalogueJson(
      file([
        procedureInput({ localCode: '2.000815.000.00.00.H55', nonBoundary: ['01', '79'], verify: true, verifyNotes: 'Kiểm tra phí' }),
        procedureInput({
          nationalCode: '1.000894',
          name: 'Đăng ký kết hôn, "mẫu mới"',
          processingTime: { unit: 'same-day', cutOffHour: 15, ifVerificationNeeded: { unit: 'working-days', amount: 5 } },
          feeExemptions: ['Miễn lệ phí', 'Hộ nghèo'],
        }),
      ]),
    );
    expect(fromJson.errors).toEqual([]);
    const back = importCatalogue(exportCatalogueCsv(fromJson.procedures), 'csv');
    expect(back.errors).toEqual([]);
    expect(back.procedures).toEqual(fromJson.procedures);
  });
});
