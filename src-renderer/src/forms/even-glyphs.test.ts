import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { evenGlyphs } from './even-glyphs';

const noto = new Uint8Array(readFileSync(join(import.meta.dirname, '../../../assets/fonts/NotoSans-Regular.ttf')));
type Parsed = ReturnType<typeof fontkit.create> & { readonly loca: { readonly offsets: readonly number[] } };
const parse = (bytes: Uint8Array): Parsed => fontkit.create(bytes) as Parsed;
const oddGlyphs = (font: Parsed): number => font.loca.offsets.slice(1).filter((o, i) => (o - (font.loca.offsets[i] ?? 0)) % 2 === 1).length;

describe('padding glyphs to even lengths', () => {
  it('leaves no odd-length glyph and draws every glyph the same', () => {
    const before = parse(noto);
    const after = parse(evenGlyphs(noto));
    expect(oddGlyphs(before)).toBeGreaterThan(0);
    expect(oddGlyphs(after)).toBe(0);
    expect(after.numGlyphs).toBe(before.numGlyphs);
    for (const char of 'ỊịỌọỤụĐđƯưẪẫ Nguyễn Ngọc Ánh') {
      const a = before.glyphForCodePoint(char.codePointAt(0) ?? 0);
      const b = after.glyphForCodePoint(char.codePointAt(0) ?? 0);
      expect(b.id).toBe(a.id);
      expect(b.path.toSVG()).toBe(a.path.toSVG());
      expect(b.advanceWidth).toBe(a.advanceWidth);
    }
  });

  it('returns a font that needs nothing as it is, and refuses bytes that are no font', () => {
    const copy = new Uint8Array(evenGlyphs(noto));
    expect(evenGlyphs(copy)).toBe(copy);
    expect(() => evenGlyphs(new Uint8Array([1, 2, 3]))).toThrow(/not a TrueType font/);
  });
});
