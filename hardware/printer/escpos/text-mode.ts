import { err, ok, type Result } from '../../../src-shared/result';
import { printerErrors, type PrinterFailure } from '../errors';
import { concatBytes, feedAndCut, initialize, LF, selectCodePage, type CutMode } from './commands';
import { encodeCodePage, type CodePageName } from './code-page';

/**
 * Text mode is opt-in per printer. No code page prints Vietnamese reliably across printers (HARDWARE.md §3), so a
 * technician first prints the calibration slip and, only if every letter came out right, marks the printer
 * `calibrated` with the ESC t number that worked. Raster stays the default.
 */
export type TextModeConfig = {
  readonly calibrated: boolean;
  readonly codePage: CodePageName;
  /** The printer's own number for that code page (ESC t n): it differs between brands. */
  readonly codePageNumber: number;
};

export function encodeTextJob(lines: readonly string[], config: TextModeConfig, cut: CutMode = 'partial'): Result<Uint8Array, PrinterFailure> {
  if (!config.calibrated) return err(printerErrors.textModeUncalibrated());
  return encodeLines(lines, config, cut);
}

/** The slip a technician prints to decide whether text mode works: printed regardless of the calibrated flag. */
export function encodeCalibrationSlip(sampleLines: readonly string[], config: Omit<TextModeConfig, 'calibrated'>): Result<Uint8Array, PrinterFailure> {
  const header = [`CALIBRATION ${config.codePage} ESC t ${config.codePageNumber}`];
  return encodeLines([...header, ...sampleLines], { ...config, calibrated: true }, 'partial');
}

function encodeLines(lines: readonly string[], config: TextModeConfig, cut: CutMode): Result<Uint8Array, PrinterFailure> {
  const parts: Uint8Array[] = [initialize(), selectCodePage(config.codePageNumber)];
  for (const line of lines) {
    const encoded = encodeCodePage(line, config.codePage);
    if (!encoded.ok) return encoded;
    parts.push(encoded.value, Uint8Array.of(LF));
  }
  parts.push(feedAndCut(cut));
  return ok(concatBytes(parts));
}

/**
 * The technician's confirmation, as written in the host's configuration (`MOTCUA_PRINTER_TEXT_MODE`): the code page
 * and the ESC t number the calibration slip printed correctly with, e.g. `windows-1258:52`. Only Windows-1258 holds
 * Vietnamese; anything else is refused rather than printing question marks.
 */
export function parseTextModeSetting(text: string): Result<TextModeConfig, PrinterFailure> {
  const match = /^(windows-1258):(\d{1,3})$/.exec(text.trim());
  const number = Number(match?.[2]);
  if (!match || number > 255) return err(printerErrors.badTextMode(text));
  return ok({ calibrated: true, codePage: 'windows-1258', codePageNumber: number });
}
