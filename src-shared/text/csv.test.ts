import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from './csv';

const fieldsOf = (text: string) => parseCsv(text).records.map((r) => r.fields);

describe('parseCsv', () => {
  it('reads plain records with LF, CRLF and CR line ends', () => {
    expect(fieldsOf('a,b\nc,d\n')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(fieldsOf('a,b\r\nc,d')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(fieldsOf('a,b\rc,d\r')).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('removes the BOM Excel writes', () => {
    expect(fieldsOf('\uFEFFmã,tên\n1.001193,Đăng ký khai sinh')).toEqual([['mã', 'tên'], ['1.001193', 'Đăng ký khai sinh']]);
  });

  it('handles quoted cells with delimiters, doubled quotes and line breaks', () => {
    const text = 'code,note\r\n1,"Tờ khai, bản chính ""mẫu 01""\r\nxuất trình CCCD"\r\n2,""\r\n';
    expect(fieldsOf(text)).toEqual([['code', 'note'], ['1', 'Tờ khai, bản chính "mẫu 01"\r\nxuất trình CCCD'], ['2', '']]);
  });

  it('keeps empty cells, including a trailing one', () => {
    expect(fieldsOf(',a,,\n')).toEqual([['', 'a', '', '']]);
  });

  it('skips blank lines and reports the line each record starts on', () => {
    const parsed = parseCsv('h1,h2\n\n"x\ny",1\n\nz,2\n');
    expect(parsed.records).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 3, fields: ['x\ny', '1'] },
      { line: 6, fields: ['z', '2'] },
    ]);
    expect(parsed.problems).toEqual([]);
  });

  it('supports another delimiter', () => {
    expect(parseCsv('a;b\n"c;d";e', { delimiter: ';' }).records.map((r) => r.fields)).toEqual([['a', 'b'], ['c;d', 'e']]);
  });

  it('repairs malformed quoting leniently and reports it', () => {
    const stray = parseCsv('a,b"c,d\n');
    expect(stray.records[0]?.fields).toEqual(['a', 'b"c', 'd']);
    expect(stray.problems.map((p) => p.code)).toEqual(['csv.quote-in-unquoted-field']);

    const after = parseCsv('"ab"cd,e\n');
    expect(after.records[0]?.fields).toEqual(['abcd', 'e']);
    expect(after.problems.map((p) => p.code)).toEqual(['csv.text-after-closing-quote']);

    const open = parseCsv('x,y\n1,"never closed\n2,3\n');
    expect(open.records.map((r) => r.fields)).toEqual([['x', 'y'], ['1', 'never closed\n2,3\n']]);
    expect(open.problems[0]).toMatchObject({ code: 'csv.unterminated-quote', path: 'line 2' });
    expect(open.problems[0]?.message).toContain('dòng 2');
  });

  it('returns nothing for an empty text', () => {
    expect(parseCsv('')).toEqual({ records: [], problems: [] });
  });
});

describe('formatCsv', () => {
  it('quotes only what needs quoting and ends lines with CRLF', () => {
    expect(formatCsv([['a', 'b,c', 'say "hi"', 'x\ny']])).toBe('a,"b,c","say ""hi""","x\ny"\r\n');
  });

  it('can prefix a BOM for Excel', () => {
    expect(formatCsv([['ă']], { bom: true })).toBe('\uFEFFă\r\n');
  });

  it('round-trips any table through parseCsv', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'ư', 'Đ', ',', ';', '"', '\n', '\r', ' ', '1'), maxLength: 8 });
    const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { maxLength: 6 });
    fc.assert(
      fc.property(table, fc.constantFrom(',', ';', '\t'), fc.constantFrom('\r\n', '\n'), fc.boolean(), (rows, delimiter, eol, bom) => {
        const parsed = parseCsv(formatCsv(rows, { delimiter, eol, bom }), { delimiter });
        expect(parsed.problems).toEqual([]);
        expect(parsed.records.map((r) => r.fields)).toEqual(rows);
      }),
    );
  });
});
