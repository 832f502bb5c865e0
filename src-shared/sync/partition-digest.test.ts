import { describe, expect, it } from 'vitest';
import { partitionDigest, partitionDigestText } from './partition-digest';

describe('the partition digest', () => {
  it('is the same whatever order the records come in, and changes with any revision', () => {
    const a = { id: '01900000-0000-7000-8000-00000000000a', rev: 3 };
    const b = { id: '01900000-0000-7000-8000-00000000000b', rev: 5 };
    expect(partitionDigestText([b, a])).toBe(`${a.id}:3\n${b.id}:5`);
    expect(partitionDigest([a, b])).toBe(partitionDigest([b, a]));
    expect(partitionDigest([a, b])).toMatch(/^[0-9a-f]{64}$/);
    // Same count and same sum of revisions, different records: told apart.
    expect(partitionDigest([{ ...a, rev: 4 }, { ...b, rev: 4 }])).not.toBe(partitionDigest([a, b]));
  });

  it('of nothing is the SHA-256 of the empty text', () => {
    expect(partitionDigest([])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
