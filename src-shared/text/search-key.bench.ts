import { bench, describe } from 'vitest';
import { matchesQuery, parseQuery, searchKey } from './search-key';

const names = [
  'Nguyễn Thị Hoà',
  'TRẦN VĂN ĐÀO',
  'Lê  Hòa-Bình',
  'Hoàng Thuỳ Dương',
  'Đăng ký khai sinh cho trẻ em sinh ra ở nước ngoài',
  'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền cấp',
];

// The straightforward fold the lookup table replaces; kept here as the yardstick.
const regexFold = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/gu, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

describe('search key of Vietnamese names', () => {
  bench('searchKey (lookup table)', () => {
    for (const name of names) searchKey(name);
  });
  bench('normalize + regex baseline', () => {
    for (const name of names) regexFold(name);
  });
});

const keys = Array.from({ length: 10_000 }, (_, i) => searchKey(`${names[i % names.length] ?? ''} ${i}`));
const query = parseQuery('hoa binh');

describe('matching a parsed query against 10,000 keys', () => {
  bench('matchesQuery', () => {
    let hits = 0;
    for (const key of keys) if (matchesQuery(key, query)) hits++;
    if (hits === 0) throw new Error('no hits');
  });
});
