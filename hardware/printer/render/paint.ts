import { createCanvas } from '@napi-rs/canvas';
import { fontOf, type Layout } from './draw-ops';
import { toMonochrome, type MonoBitmap } from './bitmap';

/** Paints a layout black on white and reduces it to 1 bit by threshold: text and QR stay crisp, nothing speckled. */
export function paintLayout(layout: Layout, family: string, threshold = 128): MonoBitmap {
  const canvas = createCanvas(layout.width, layout.height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, layout.width, layout.height);
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';
  for (const op of layout.ops) {
    switch (op.kind) {
      case 'text':
        ctx.font = fontOf(family, op.size, op.bold);
        ctx.fillStyle = op.white ? '#ffffff' : '#000000';
        ctx.fillText(op.text, op.x, op.baseline);
        break;
      case 'rect':
        ctx.fillStyle = '#000000';
        ctx.fillRect(op.x, op.y, op.width, op.height);
        break;
      case 'qr':
        ctx.fillStyle = '#000000';
        for (let row = 0; row < op.matrix.size; row += 1) {
          for (let col = 0; col < op.matrix.size; col += 1) {
            if (op.matrix.dark(row, col)) ctx.fillRect(op.x + col * op.moduleDots, op.y + row * op.moduleDots, op.moduleDots, op.moduleDots);
          }
        }
        break;
    }
  }
  const image = ctx.getImageData(0, 0, layout.width, layout.height);
  return toMonochrome(image.data, layout.width, layout.height, { method: 'threshold', threshold });
}
