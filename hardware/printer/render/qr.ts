import QRCode from 'qrcode';

/** A QR symbol's modules; `dark(row, col)` is true for a black module. */
export type QrMatrix = { readonly size: number; readonly dark: (row: number, col: number) => boolean };

/**
 * Level M: survives a smudge or a fold on thermal paper and keeps a record code (≈25 characters) at version 2,
 * i.e. 25 × 25 modules, large enough to print at 5–6 dots per module on either roll.
 */
export function qrMatrix(text: string): QrMatrix {
  const symbol = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const { size, data } = symbol.modules;
  return { size, dark: (row, col) => data[row * size + col] === 1 };
}

/** A QR needs four light modules around it to be found by a scanner. */
export const QR_QUIET_ZONE_MODULES = 4;
