import { bench, describe } from 'vitest';
import { encodeSlip } from './encode-slip';
import { encodeRasterJob } from './escpos';
import { renderSlip } from './render/render-slip';
import { parseSlip, type PaperWidth, type Slip } from './slip-schema';
import { sampleSlips } from './slip-fixtures.testing';

const parsed = parseSlip(sampleSlips.receipt);
if (!parsed.ok) throw new Error(parsed.error.messageEn);
const receipt: Slip = parsed.value;

/** Bytes of the job, and how long they take down a 115200-baud serial line (10 bits a byte): the real bottleneck. */
function size(paper: PaperWidth): string {
  const bytes = encodeSlip(receipt, { paper });
  if (!bytes.ok) throw new Error(bytes.error.messageEn);
  return `${bytes.value.length} bytes, ≈${((bytes.value.length * 10) / 115_200).toFixed(1)} s at 115200 baud`;
}

const bitmap = renderSlip(receipt, { paper: '80mm' });
if (!bitmap.ok) throw new Error(bitmap.error.messageEn);
const rendered = bitmap.value;

describe(`receipt (form 01) as a raster job — 80 mm: ${size('80mm')}; 58 mm: ${size('58mm')}`, () => {
  bench('render + encode, 80 mm', () => {
    encodeSlip(receipt, { paper: '80mm' });
  });
  bench('render + encode, 58 mm', () => {
    encodeSlip(receipt, { paper: '58mm' });
  });
  bench('encode only (GS v 0 slices of a rendered 80 mm receipt)', () => {
    encodeRasterJob(rendered);
  });
});
