import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { QR_QUIET_ZONE, qrMatrix } from './qr';

describe('the QR matrix', () => {
  it('decodes to the record code when painted module by module', () => {
    const code = '000.00.15.H55-260212-1001';
    const matrix = qrMatrix(code);
    const scale = 4;
    const side = (matrix.size + 2 * QR_QUIET_ZONE) * scale;
    const pixels = new Uint8ClampedArray(side * side * 4).fill(255);
    for (let y = 0; y < side; y++) {
      for (let x = 0; x < side; x++) {
        const row = Math.floor(y / scale) - QR_QUIET_ZONE;
        const col = Math.floor(x / scale) - QR_QUIET_ZONE;
        if (row >= 0 && col >= 0 && row < matrix.size && col < matrix.size && matrix.dark(row, col)) {
          pixels.fill(0, (y * side + x) * 4, (y * side + x) * 4 + 3);
        }
      }
    }
    expect(jsQR(pixels, side, side)?.data).toBe(code);
    // Upper-case letters, digits, dots and dashes: alphanumeric mode keeps a record code in version 2 (25 modules).
    expect(matrix.size).toBe(25);
  });
});
