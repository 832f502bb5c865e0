import { describe, expect, it } from 'vitest';
import { createKeyboardWedge } from './keyboard-wedge';

const synthetic = '001099012345|123456789|Nguyễn Văn A|15011999|Nam|Số 1 Đường Mẫu, Phường Thử, Quận Giả, Hà Nội|01022021';

describe('keyboard-wedge scanner detection', () => {
  const feed = (text: string, gapMs: number, start = 0) => {
    const wedge = createKeyboardWedge();
    let at = start;
    let out: string | undefined;
    for (const char of [...text, 'Enter']) {
      out = wedge.key(char, at);
      at += gapMs;
    }
    return out;
  };
  it('reports a fast burst ended by Enter as a scan', () => {
    expect(feed(synthetic, 8)).toBe(synthetic);
    expect(feed(synthetic, 60)).toBe(synthetic);
  });
  it('ignores human typing', () => {
    expect(feed('001099012345 Nguyen Van A', 180)).toBeUndefined();
  });
});
