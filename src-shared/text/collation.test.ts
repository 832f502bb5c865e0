import { describe, expect, it } from 'vitest';
import { compareVietnamese, compareVietnameseNames, sortVietnamese } from './collation';

describe('Vietnamese collation (ICU "vi")', () => {
  it('has the Vietnamese tailoring available in this runtime', () => {
    expect(new Intl.Collator('vi').resolvedOptions().locale).toBe('vi');
  });

  it('orders ă, â, đ, ê, ô, ơ, ư as letters after their base letter', () => {
    const words = ['Đào', 'Dũng', 'Bình', 'Ân', 'Ăn', 'Anh', 'An', 'Ưng', 'Ung', 'Ơn', 'Ôn', 'On', 'Ê', 'Em'];
    expect(sortVietnamese(words)).toEqual(['An', 'Anh', 'Ăn', 'Ân', 'Bình', 'Dũng', 'Đào', 'Em', 'Ê', 'On', 'Ôn', 'Ơn', 'Ung', 'Ưng']);
  });

  it('puts D before Đ even when the rest of the word would sort earlier', () => {
    expect(compareVietnamese('Dzũng', 'Đa')).toBeLessThan(0);
  });

  it('sorts tones as secondary differences in dictionary order', () => {
    expect(sortVietnamese(['mạ', 'má', 'mã', 'mả', 'mà', 'ma'])).toEqual(['ma', 'mà', 'mả', 'mã', 'má', 'mạ']);
    // The base letters decide first: a tone never outranks a later letter.
    expect(compareVietnamese('mạ', 'mai')).toBeLessThan(0);
  });

  it('compares numbers by value', () => {
    expect(sortVietnamese(['Tổ 10', 'Tổ 2', 'Tổ 1'])).toEqual(['Tổ 1', 'Tổ 2', 'Tổ 10']);
  });

  it('sorts records by a key without reordering equal keys', () => {
    const records = [
      { code: 'b', name: 'Đăng ký kết hôn' },
      { code: 'a', name: 'Chứng thực chữ ký' },
      { code: 'c', name: 'Đăng ký kết hôn' },
    ];
    expect(sortVietnamese(records, (r) => r.name).map((r) => r.code)).toEqual(['a', 'b', 'c']);
  });
});

describe('compareVietnameseNames', () => {
  it('orders people by given name, then family and middle names', () => {
    const names = ['Trần Văn Bình', 'Nguyễn Thị An', 'Lê Ánh', 'Nguyễn Văn Bình', 'Đỗ Ân'];
    expect([...names].sort(compareVietnameseNames)).toEqual(['Nguyễn Thị An', 'Lê Ánh', 'Đỗ Ân', 'Nguyễn Văn Bình', 'Trần Văn Bình']);
  });
});
