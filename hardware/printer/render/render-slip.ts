import { createCanvas } from '@napi-rs/canvas';
import { err, ok, type Result } from '../../../src-shared/result';
import { printerErrors, type PrinterFailure } from '../errors';
import type { PaperWidth, Slip } from '../slip-schema';
import { slipBlocks, type SlipBlock } from '../slips';
import type { MonoBitmap } from './bitmap';
import { fontOf } from './draw-ops';
import { registerSlipFonts } from './fonts';
import { layoutBlocks, type SizedMeasure } from './layout';
import { paperMetrics } from './metrics';
import { paintLayout } from './paint';

export type RenderOptions = {
  readonly paper: PaperWidth;
  /** Folder holding NotoSans-Regular.ttf and NotoSans-Bold.ttf; defaults to assets/fonts of the source tree. */
  readonly fontsDir?: string;
};

/** A slip as the 1-bit raster the printer burns, exactly the paper's printable width. */
export function renderSlip(slip: Slip, options: RenderOptions): Result<MonoBitmap, PrinterFailure> {
  return renderBlocks(slipBlocks(slip), options);
}

export function renderBlocks(blocks: readonly SlipBlock[], options: RenderOptions): Result<MonoBitmap, PrinterFailure> {
  const family = registerSlipFonts(options.fontsDir);
  if (!family.ok) return family;
  try {
    const layout = layoutBlocks(blocks, paperMetrics(options.paper), canvasMeasure(family.value));
    return ok(paintLayout(layout, family.value));
  } catch (cause: unknown) {
    // Canvas and QR code throw (e.g. a QR text too long for any version): the caller gets a Result instead.
    return err(printerErrors.renderFailed(cause instanceof Error ? cause.message : String(cause)));
  }
}

function canvasMeasure(family: string): SizedMeasure {
  const ctx = createCanvas(1, 1).getContext('2d');
  return (text, size, bold) => {
    ctx.font = fontOf(family, size, bold);
    return ctx.measureText(text).width;
  };
}
