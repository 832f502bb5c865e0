import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GlobalFonts } from '@napi-rs/canvas';
import { err, ok, type Result } from '../../../src-shared/result';
import { printerErrors, type PrinterFailure } from '../errors';

/**
 * Our own alias for the bundled Noto Sans: a kiosk that also has a system "Noto Sans" (another version) must not
 * silently print with it, or a reprint would differ from the original and the reference tests would lie.
 */
export const SLIP_FONT_FAMILY = 'MotCua Noto Sans';

/** Beside the module in the source tree; a bundled host passes its own folder (esbuild moves this file). */
export const defaultFontsDir = (): string => fileURLToPath(new URL('../../../assets/fonts/', import.meta.url));

const registered = new Set<string>();

/** Registers regular and bold once per folder; both files must load or nothing Vietnamese can be printed. */
export function registerSlipFonts(fontsDir: string = defaultFontsDir()): Result<string, PrinterFailure> {
  if (registered.has(fontsDir)) return ok(SLIP_FONT_FAMILY);
  for (const file of ['NotoSans-Regular.ttf', 'NotoSans-Bold.ttf']) {
    const path = join(fontsDir, file);
    if (!existsSync(path) || GlobalFonts.registerFromPath(path, SLIP_FONT_FAMILY) === null) return err(printerErrors.fontMissing(path));
  }
  registered.add(fontsDir);
  return ok(SLIP_FONT_FAMILY);
}
