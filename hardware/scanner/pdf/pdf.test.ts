import { describe, expect, it } from 'vitest';
import { buildSrgbIccProfile } from './srgb-icc';
import { buildXmp } from './xmp';

describe('PDF/A parts', () => {
  it('builds a well-formed ICC v2 sRGB display profile', () => {
    const icc = buildSrgbIccProfile();
    const view = new DataView(icc.buffer, icc.byteOffset, icc.byteLength);
    const text = (at: number, n = 4) => new TextDecoder().decode(icc.subarray(at, at + n));
    expect(view.getUint32(0)).toBe(icc.length);
    expect(view.getUint32(8)).toBe(0x02100000);
    expect([text(12), text(16), text(20), text(36)]).toEqual(['mntr', 'RGB ', 'XYZ ', 'acsp']);
    const count = view.getUint32(128);
    const tags = Array.from({ length: count }, (_, i) => ({ sig: text(132 + i * 12), at: view.getUint32(136 + i * 12), size: view.getUint32(140 + i * 12) }));
    expect(tags.map((t) => t.sig).sort()).toEqual(['bTRC', 'bXYZ', 'cprt', 'desc', 'gTRC', 'gXYZ', 'rTRC', 'rXYZ', 'wtpt']);
    for (const tag of tags) {
      expect(tag.at % 4).toBe(0);
      expect(tag.at + tag.size).toBeLessThanOrEqual(icc.length);
    }
    // The sRGB curve: mid grey (0.5 encoded) is about 0.214 linear.
    const trc = tags.find((t) => t.sig === 'rTRC');
    const mid = view.getUint16((trc?.at ?? 0) + 12 + 2 * 511) / 65535;
    expect(mid).toBeCloseTo(0.214, 2);
  });

  it('writes XMP with the PDF/A id, escapes text, and declares its own schema', () => {
    const xmp = buildXmp({ title: 'Giấy <khai> sinh & "bản sao"', recordCode: 'H99-1', pageCount: 3, scannedAt: new Date(Date.UTC(2026, 1, 12, 3, 0, 5)), device: 'Máy quét', documentId: 'a', instanceId: 'b', producer: 'p', creatorTool: 'c' });
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(xmp).toContain('Giấy &lt;khai&gt; sinh &amp; &quot;bản sao&quot;');
    expect(xmp).toContain('<xmp:CreateDate>2026-02-12T03:00:05Z</xmp:CreateDate>');
    expect(xmp).toContain('<pdfaSchema:prefix>motcua</pdfaSchema:prefix>');
  });
});
