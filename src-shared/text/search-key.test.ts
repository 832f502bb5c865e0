import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesQuery, parseQuery, searchKey, searchTokens } from './search-key';

const vietnameseLetters = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXY'];
const tones = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const vietnameseWord = fc
  .array(fc.tuple(fc.constantFrom(...vietnameseLetters), fc.constantFrom(...tones)), { minLength: 1, maxLength: 7 })
  .map((pairs) => pairs.map(([letter, tone]) => letter + tone).join('').normalize('NFC'));
const vietnameseText = fc
  .array(fc.tuple(vietnameseWord, fc.constantFrom(' ', '  ', ', ', ' - ', '.', '\t', '/')), { maxLength: 6 })
  .map((parts) => parts.map(([word, sep]) => word + sep).join(''));

describe('searchKey', () => {
  it('folds tone placement, case, diacritics and đ', () => {
    const key = searchKey('hoa');
    expect(searchKey('Hoà')).toBe(key);
    expect(searchKey('Hòa')).toBe(key);
    expect(searchKey('HOÀ')).toBe(key);
    expect(searchKey('Hoà'.normalize('NFD'))).toBe(key);
    expect(searchKey('Đào')).toBe('dao');
    expect(searchKey('ĐẶNG')).toBe('dang');
    expect(searchKey('Nguyễn Thị Thuỷ')).toBe(searchKey('nguyen thi thuy'));
  });

  it('splits words on whitespace and punctuation and collapses them', () => {
    expect(searchKey('  Hoà-Bình,   Cà Mau.\n')).toBe('hoa binh ca mau');
    expect(searchKey('Tờ khai (mẫu TK-01)')).toBe('to khai mau tk 01');
    expect(searchKey('1.001193')).toBe('1 001193');
    expect(searchKey('')).toBe('');
    expect(searchKey(' ,.;- ')).toBe('');
  });

  it('handles letters outside the lookup table', () => {
    expect(searchKey('ＡＢＣ')).toBe('ａｂｃ');
    expect(searchKey('Kelvin \u212A')).toBe('kelvin k');
    expect(searchKey('năm 😀 mới')).toBe('nam moi');
    expect(searchKey('漢字 ok')).toBe('漢字 ok');
  });

  it('gives only ASCII letters, digits and single inner spaces for Vietnamese text', () => {
    fc.assert(
      fc.property(vietnameseText, (text) => {
        expect(searchKey(text)).toMatch(/^(?:[a-z0-9]+(?: [a-z0-9]+)*)?$/);
      }),
    );
  });

  it('is idempotent, and blind to normalization form and case', () => {
    fc.assert(
      fc.property(fc.oneof(vietnameseText, fc.string({ unit: 'binary', maxLength: 30 })), (text) => {
        const key = searchKey(text);
        expect(searchKey(key)).toBe(key);
        expect(searchKey(text.normalize('NFD'))).toBe(searchKey(text.normalize('NFC')));
      }),
    );
    fc.assert(
      fc.property(vietnameseText, (text) => {
        expect(searchKey(text.toUpperCase())).toBe(searchKey(text.toLowerCase()));
      }),
    );
  });
});

describe('searchTokens', () => {
  it('returns the words of the key', () => {
    expect(searchTokens('Đăng ký  khai sinh')).toEqual(['dang', 'ky', 'khai', 'sinh']);
    expect(searchTokens('  ')).toEqual([]);
  });
});

describe('matchesQuery', () => {
  const key = searchKey('Nguyễn Thị Hoà Bình');

  it('matches every query word as a word prefix, in any order', () => {
    expect(matchesQuery(key, 'hoa')).toBe(true);
    expect(matchesQuery(key, 'Hòa ngu')).toBe(true);
    expect(matchesQuery(key, 'binh nguyen')).toBe(true);
    expect(matchesQuery(key, 'th')).toBe(true);
  });

  it('does not match inside a word or a missing word', () => {
    expect(matchesQuery(key, 'guyen')).toBe(false);
    expect(matchesQuery(key, 'hoa an')).toBe(false);
  });

  it('needs a distinct key word for each query word', () => {
    expect(matchesQuery(searchKey('Nguyễn Văn An'), 'nguyen nguyen')).toBe(false);
    expect(matchesQuery(searchKey('Nguyễn Nguyên'), 'nguyen nguyen')).toBe(true);
    // "ng" could take "nguyen" first; the matching must move it to "ngoc" so "nguy" still fits.
    expect(matchesQuery(searchKey('Nguyễn Ngọc'), 'ng nguy')).toBe(true);
  });

  it('treats an empty query as matching everything', () => {
    expect(matchesQuery(key, '')).toBe(true);
    expect(matchesQuery('', '  ')).toBe(true);
    expect(matchesQuery('', 'a')).toBe(false);
  });

  it('accepts a parsed query reused across keys', () => {
    const query = parseQuery('khai sinh');
    const keys = ['Đăng ký khai sinh', 'Đăng ký khai tử', 'Đăng ký lại khai sinh'].map(searchKey);
    expect(keys.filter((k) => matchesQuery(k, query))).toEqual(['dang ky khai sinh', 'dang ky lai khai sinh']);
  });

  it('matches a text against its own words in any order', () => {
    fc.assert(
      fc.property(vietnameseText, fc.nat(), (text, seed) => {
        const words = searchTokens(text);
        const shuffled = [...words].sort((a, b) => ((a.length * 31 + seed) % 7) - ((b.length * 31 + seed) % 7));
        expect(matchesQuery(searchKey(text), shuffled.join(' '))).toBe(true);
      }),
    );
  });
});
