import { describe, expect, it } from 'vitest';
import { procedureSchema, type Procedure } from './procedure';
import { indexCatalogue, searchProcedures } from './search';
import { procedureInput } from './test-fixtures';

const make = (nationalCode: string, name: string, nameEn: string, field: { code: string; name: string }, localCode?: string): Procedure =>
  procedureSchema.parse(procedureInput({ nationalCode, name, nameEn, field, ...(localCode === undefined ? {} : { localCode }) }));

const civil = { code: 'ho-tich', name: 'Hộ tịch' };
const cert = { code: 'chung-thuc', name: 'Chứng thực' };
const catalogue = [
  make('1.004884', 'Đăng ký lại khai sinh', 'Re-registration of a birth', civil),
  make('1.003583', 'Đăng ký khai sinh lưu động', 'Mobile birth registration', civil),
  make('1.001193', 'Đăng ký khai sinh', 'Birth registration', civil),
  make('1.000894', 'Đăng ký kết hôn', 'Marriage registration', civil),
  make('1.004859', 'Thay đổi, cải chính, bổ sung thông tin hộ tịch', 'Correction of civil status information', civil),
  make('2.000815', 'Chứng thực bản sao từ bản chính', 'Certifying a copy', cert, '2.000815.000.00.00.H55'),
  make('2.000884', 'Chứng thực chữ ký', 'Certifying a signature', cert),
];
const index = indexCatalogue(catalogue);
const codes = (query: string, options = {}) => searchProcedures(index, query, options).map((hit) => hit.procedure.nationalCode);

describe('searchProcedures', () => {
  it('finds names by words, ignoring diacritics, case and tone placement', () => {
    expect(codes('khai sinh')).toEqual(['1.001193', '1.003583', '1.004884']);
    expect(codes('KHAI SINH')).toEqual(codes('khải sinh'));
    expect(codes('kết hôn')).toEqual(['1.000894']);
    expect(codes('ket hon')).toEqual(['1.000894']);
  });

  it('matches words in any order and as prefixes', () => {
    expect(codes('sinh lưu')).toEqual(['1.003583']);
    expect(codes('chứng th ch')).toEqual(['2.000815', '2.000884']);
  });

  it('ranks the exact name first, then names starting with the query, then the rest', () => {
    const hits = searchProcedures(index, 'đăng ký khai sinh');
    expect(hits.map((hit) => [hit.procedure.nationalCode, hit.score])).toEqual([
      ['1.001193', 104],
      ['1.003583', 84],
      ['1.004884', 44],
    ]);
  });

  it('finds by national code prefix, by the six digits, and by the province code', () => {
    expect(codes('1.0011')).toEqual(['1.001193']);
    expect(codes('2.000815')).toEqual(['2.000815']);
    expect(codes('001193')).toEqual(['1.001193']);
    expect(codes('2.000815.000.00.00.h55')).toEqual(['2.000815']);
    expect(searchProcedures(index, '1.001193')[0]).toMatchObject({ matchedBy: 'code', score: 1000 });
  });

  it('finds by English name and by field name, below Vietnamese name matches', () => {
    expect(codes('birth')).toEqual(['1.001193', '1.003583', '1.004884']);
    const byField = searchProcedures(index, 'hộ tịch');
    expect(byField[0]).toMatchObject({ matchedBy: 'name', procedure: { nationalCode: '1.004859' } });
    expect(byField.slice(1).every((hit) => hit.matchedBy === 'field')).toBe(true);
    expect(byField).toHaveLength(5);
  });

  it('filters by field and limits results', () => {
    expect(codes('', { fieldCode: 'chung-thuc' })).toEqual(['2.000815', '2.000884']);
    expect(codes('đăng ký', { limit: 2 })).toHaveLength(2);
  });

  it('lists everything in Vietnamese order for an empty query', () => {
    expect(searchProcedures(index, '   ').map((hit) => hit.procedure.name)).toEqual([
      'Chứng thực bản sao từ bản chính',
      'Chứng thực chữ ký',
      'Đăng ký kết hôn',
      'Đăng ký khai sinh',
      'Đăng ký khai sinh lưu động',
      'Đăng ký lại khai sinh',
      'Thay đổi, cải chính, bổ sung thông tin hộ tịch',
    ]);
  });

  it('returns nothing for words no procedure has', () => {
    expect(codes('hộ chiếu')).toEqual([]);
  });
});
