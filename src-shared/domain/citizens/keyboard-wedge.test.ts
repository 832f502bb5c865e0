import { describe, expect, it } from 'vitest';
import { createKeyboardWedge } from './keyboard-wedge';

const synthetic = '001099012345|123456789|Nguyễn Văn A|15011999|Nam|Số 1 Đường Mẫu, Phường Thử, Quận Giả, Hà Nội|01022021';

/** Feeds `text` then Enter to one wedge; `gapAt(i)` is the time before key i (0 for the first). */
function feed(text: string, gapAt: (index: number) => number, wedge = createKeyboardWedge(), start = 0): string | undefined {
  let at = start;
  let out: string | undefined;
  [...text, 'Enter'].forEach((char, index) => {
    at += index === 0 ? 0 : gapAt(index);
    out = wedge.key(char, at);
  });
  return out;
}

describe('keyboard-wedge scanner detection', () => {
  it('reports a fast burst ended by Enter as a scan, from fast and slow scanners', () => {
    expect(feed(synthetic, () => 8)).toBe(synthetic);
    expect(feed(synthetic, () => 60)).toBe(synthetic);
  });

  it('ignores human typing, even a quick typist’s', () => {
    expect(feed('001099012345 Nguyen Van A', () => 180)).toBeUndefined();
    expect(feed('001099012345 Nguyen Van A', () => 95)).toBeUndefined();
  });

  it('keeps a whole scan when one key came late (a busy page holds an event back)', () => {
    expect(feed(synthetic, (index) => (index === 30 ? 450 : 10))).toBe(synthetic);
  });

  it('drops keys typed before a pause, and reads the scan that follows', () => {
    const wedge = createKeyboardWedge();
    feed('abc', () => 150, wedge, 0);
    expect(feed(synthetic, () => 10, wedge, 5_000)).toBe(synthetic);
  });

  it('does not report a short burst (a stray key and Enter)', () => {
    expect(feed('12345', () => 5)).toBeUndefined();
    expect(feed('', () => 5)).toBeUndefined();
  });
});
