import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from './bytes';
import { children, decodeTlv, decodeTlvList, encodeTlv, totalLengthFromHeader } from './tlv';

describe('BER-TLV', () => {
  it('decodes multi-byte tags and long-form lengths', () => {
    const value = new Uint8Array(300).fill(7);
    const bytes = encodeTlv(0x7f49, value);
    expect(toHex(bytes.subarray(0, 5))).toBe('7F4982012C');
    const tlv = decodeTlv(bytes);
    expect(tlv.ok && tlv.value.tag).toBe(0x7f49);
    expect(tlv.ok && tlv.value.constructed).toBe(true);
    expect(tlv.ok && tlv.value.value.length).toBe(300);
  });
  it('reads EF.COM from the Appendix D.4 plaintext', () => {
    const com = decodeTlv(fromHex('60145F0104303130365F36063034303030305C026175'));
    expect(com.ok).toBe(true);
    if (!com.ok) return;
    const inner = children(com.value);
    expect(inner.ok && inner.value.map((t) => t.tag)).toEqual([0x5f01, 0x5f36, 0x5c]);
  });
  it('refuses truncated, indefinite and over-long input with typed errors', () => {
    for (const hex of ['', '30', '3005010203', '3080', '1F', '1F8181818101', '30850100000000', '300100FF']) {
      const result = decodeTlv(fromHex(hex));
      expect(result.ok, hex).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('id-card.tlv-malformed');
    }
  });
  it('learns a file size from its first bytes', () => {
    expect(totalLengthFromHeader(fromHex('6D8201A9'))).toEqual({ ok: true, value: 0x1a9 + 4 });
    expect(totalLengthFromHeader(fromHex('7582'))).toEqual({ ok: true, value: undefined });
    expect(totalLengthFromHeader(fromHex('6014'))).toEqual({ ok: true, value: 22 });
  });
  it('round-trips encode/decode for any tag class and length', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0x04, 0x30, 0x5c, 0x5f01, 0x7f49, 0x7f2e, 0xa0, 0xbf8101),
        fc.uint8Array({ maxLength: 70_000 }),
        (tag, value) => {
          const decoded = decodeTlv(encodeTlv(tag, value));
          expect(decoded.ok && decoded.value.tag).toBe(tag);
          expect(decoded.ok && decoded.value.value.length).toBe(value.length);
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('BER-TLV on arbitrary bytes (property)', () => {
  // Walks every constructed node: the parser must answer with a Result, never throw, never loop.
  const walk = (bytes: Uint8Array, depth: number): void => {
    const list = decodeTlvList(bytes);
    if (!list.ok) {
      expect(list.error.code).toBe('id-card.tlv-malformed');
      return;
    }
    if (depth > 40) return;
    for (const tlv of list.value) if (tlv.constructed) walk(tlv.value, depth + 1);
  };

  it('arbitrary bytes only ever yield TLVs or a typed error', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        walk(bytes, 0);
        const single = decodeTlv(bytes);
        if (!single.ok) expect(single.error.code).toBe('id-card.tlv-malformed');
        totalLengthFromHeader(bytes);
      }),
      { numRuns: 3000 },
    );
  });

  it('mutated valid structures only ever yield TLVs or a typed error', () => {
    const valid = fromHex('6D1C3018020101060628D316010008310B3009020101130430303130');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }), fc.nat(valid.length), (edits, cut) => {
        const bytes = valid.slice(0, Math.max(cut, 1));
        for (const [at, value] of edits) if (at < bytes.length) bytes[at] = value;
        walk(bytes, 0);
      }),
      { numRuns: 3000 },
    );
  });
});
