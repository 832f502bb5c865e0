import { join } from 'node:path';
import { calibrationSampleLines, encodeCalibrationSlip, encodeSlip, parseSlip, parseTextModeSetting, queryPrinterStatus, type PrinterStatus, type PrinterTransport } from '../../../hardware/printer';
import { openReceiptJournal } from '../../../hardware/printer/receipt-journal';
import type { Slip } from '../../../src-shared/api/printer';
import { defaultDataDir } from '../../services/data-dir';
import { openTcpPrinter, parseTcpPrinterUrl } from '../../../hardware/transports/tcp-printer';
import { err, failure, ok, type Failure, type Result } from '../../../src-shared/result';
import { assetsDir } from '../../services/assets-dir';
import { parseOptions } from '../options';
import type { CliCommand } from '../command';

const fontsDir = join(assetsDir(), 'fonts');

type PrinterArgs = { readonly host: string; readonly port: number; readonly paper: '80mm' | '58mm' };

function printerArgs(argv: readonly string[]): Result<PrinterArgs> {
  const parsed = parseOptions(argv, { printer: { type: 'string' }, paper: { type: 'string' } });
  if (!parsed.ok) return parsed;
  return printerArgsOf(parsed.value);
}

function printerArgsOf(values: { readonly printer?: string | undefined; readonly paper?: string | undefined }): Result<PrinterArgs> {
  if (values.printer === undefined) return err(failure('cli.usage', 'Cần --printer tcp://địa-chỉ:9100.', 'Give --printer tcp://address:9100.'));
  const address = parseTcpPrinterUrl(values.printer);
  if (!address.ok) return err({ ...address.error, code: 'cli.usage' });
  const paper = values.paper === '58' || values.paper === '58mm' ? '58mm' : '80mm';
  return ok({ ...address.value, paper });
}

const statusText = (s: PrinterStatus): string =>
  [
    s.online ? 'trực tuyến / online' : 'ngoại tuyến / offline',
    s.coverOpen ? 'nắp mở / cover open' : '',
    s.paperOut ? 'hết giấy / paper out' : s.paperLow ? 'sắp hết giấy / paper low' : '',
    s.error ? 'lỗi / error' : '',
  ]
    .filter(Boolean)
    .join(', ');

async function withPrinter<T>(args: PrinterArgs, use: (printer: PrinterTransport) => Promise<Result<T, Failure>>): Promise<Result<T, Failure>> {
  const opened = await openTcpPrinter({ host: args.host, port: args.port });
  if (!opened.ok) return opened;
  try {
    return await use(opened.value);
  } finally {
    await opened.value.close();
  }
}

type Sent = { readonly bytes: number; readonly paper: '80mm' | '58mm'; readonly statusAfter: PrinterStatus | null };

/** Renders a slip and sends it, refusing a printer that says it is not ready (offline, cover open, paper out). */
async function sendSlip(args: PrinterArgs, slip: Slip): Promise<Result<Sent, Failure>> {
  const bytes = encodeSlip(slip, { paper: args.paper, fontsDir });
  if (!bytes.ok) return bytes;
  return withPrinter(args, async (printer) => {
    const before = await queryPrinterStatus(printer);
    if (!before.ok) return before;
    if (!before.value.online || before.value.paperOut || before.value.coverOpen) {
      return err(failure('printer.not-ready', `Máy in chưa sẵn sàng: ${statusText(before.value)}.`, `The printer is not ready: ${statusText(before.value)}.`));
    }
    const written = await printer.write(bytes.value);
    if (!written.ok) return written;
    const after = await queryPrinterStatus(printer);
    return ok({ bytes: bytes.value.length, paper: args.paper, statusAfter: after.ok ? after.value : null });
  });
}

/** `motcua printer status --printer tcp://…`: the printer's DLE EOT answers in plain words. */
export const printerStatusCommand: CliCommand = {
  path: ['printer', 'status'],
  summary: 'Trạng thái máy in ESC/POS / ESC/POS printer status',
  usage: 'motcua printer status --printer tcp://127.0.0.1:9100',
  async run(argv) {
    const args = printerArgs(argv);
    if (!args.ok) return args;
    const status = await withPrinter(args.value, (printer) => queryPrinterStatus(printer));
    if (!status.ok) return status;
    const { raw: _raw, ...json } = status.value;
    return ok({ json, text: statusText(status.value) });
  },
};

/** `motcua print test --printer tcp://…`: a test page (Vietnamese alphabet, ruler, QR), with status before and after. */
export const printTestCommand: CliCommand = {
  path: ['print', 'test'],
  summary: 'In trang thử (tiếng Việt, thước, QR) / Print a test page',
  usage: 'motcua print test --printer tcp://127.0.0.1:9100 [--paper 58]',
  async run(argv) {
    const args = printerArgs(argv);
    if (!args.ok) return args;
    const slip = parseSlip({ kind: 'test-page', centerName: 'MotCua', printerName: `${args.value.host}:${args.value.port}`, issuedAt: Date.now() });
    if (!slip.ok) return slip;
    const sent = await sendSlip(args.value, slip.value);
    if (!sent.ok) return sent;
    return ok({ json: sent.value, text: `Đã gửi trang thử (${sent.value.bytes} byte) / Test page sent. ${sent.value.statusAfter ? statusText(sent.value.statusAfter) : ''}` });
  },
};

/**
 * `motcua print receipt --record <code> --printer tcp://…`: reprints a record's receipt from this machine's receipt
 * journal (what the counter last printed for it), with the "BẢN IN LẠI / REPRINT" mark.
 */
export const printReceiptCommand: CliCommand = {
  path: ['print', 'receipt'],
  summary: 'In lại giấy tiếp nhận của một hồ sơ / Reprint a record\'s receipt',
  usage: 'motcua print receipt --record <mã hồ sơ> --printer tcp://127.0.0.1:9100 [--paper 58] [--data-dir <thư mục>]',
  async run(argv) {
    const parsed = parseOptions(argv, { record: { type: 'string' }, printer: { type: 'string' }, paper: { type: 'string' }, 'data-dir': { type: 'string' } });
    if (!parsed.ok) return parsed;
    const { record, 'data-dir': dataDir, ...printer } = parsed.value;
    if (record === undefined || record.trim() === '') return err(failure('cli.usage', 'Cần --record <mã hồ sơ>.', 'Give --record <record code>.'));
    const args = printerArgsOf(printer);
    if (!args.ok) return args;
    const journal = await openReceiptJournal(join(dataDir ?? defaultDataDir(), 'printer', 'receipts'));
    const found = await journal.find(record);
    if (!found.ok) return found;
    const sent = await sendSlip(args.value, { ...found.value, reprint: true });
    if (!sent.ok) return sent;
    return ok({ json: { recordCode: found.value.recordCode, reprint: true, ...sent.value }, text: `Đã in lại giấy tiếp nhận ${found.value.recordCode} / Receipt reprinted (${sent.value.bytes} byte).` });
  },
};

/**
 * `motcua print calibration --printer … --text-mode windows-1258:52`: prints every Vietnamese letter in text mode
 * with that code page number. If every letter is right, the technician sets MOTCUA_PRINTER_TEXT_MODE to the same
 * value and queue tickets print as text on that printer; otherwise try the brand's other ESC t numbers, or stay raster.
 */
export const printCalibrationCommand: CliCommand = {
  path: ['print', 'calibration'],
  summary: 'In phiếu hiệu chỉnh chế độ văn bản (bảng mã tiếng Việt) / Print the text-mode calibration slip',
  usage: 'motcua print calibration --printer tcp://127.0.0.1:9100 --text-mode windows-1258:52',
  async run(argv) {
    const parsed = parseOptions(argv, { printer: { type: 'string' }, paper: { type: 'string' }, 'text-mode': { type: 'string' } });
    if (!parsed.ok) return parsed;
    const { 'text-mode': setting, ...printer } = parsed.value;
    if (setting === undefined) return err(failure('cli.usage', 'Cần --text-mode windows-1258:<số ESC t>.', 'Give --text-mode windows-1258:<ESC t number>.'));
    const config = parseTextModeSetting(setting);
    if (!config.ok) return err({ ...config.error, code: 'cli.usage' });
    const args = printerArgsOf(printer);
    if (!args.ok) return args;
    const bytes = encodeCalibrationSlip(calibrationSampleLines, config.value);
    if (!bytes.ok) return bytes;
    return withPrinter(args.value, async (device) => {
      const written = await device.write(bytes.value);
      if (!written.ok) return written;
      return ok({
        json: { bytes: bytes.value.length, textMode: setting },
        text: `Đã in phiếu hiệu chỉnh (${setting}). Nếu mọi chữ đúng: MOTCUA_PRINTER_TEXT_MODE=${setting}\nCalibration slip printed. If every letter is right, set MOTCUA_PRINTER_TEXT_MODE=${setting}`,
      });
    });
  },
};
