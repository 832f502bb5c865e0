import { join } from 'node:path';
import { encodeSlip, parseSlip, queryPrinterStatus, type PrinterStatus, type PrinterTransport } from '../../../hardware/printer';
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
  const values = parsed.value;
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
    const bytes = encodeSlip(slip.value, { paper: args.value.paper, fontsDir });
    if (!bytes.ok) return bytes;
    return withPrinter(args.value, async (printer) => {
      const before = await queryPrinterStatus(printer);
      if (!before.ok) return before;
      if (!before.value.online || before.value.paperOut || before.value.coverOpen) {
        return err(failure('printer.not-ready', `Máy in chưa sẵn sàng: ${statusText(before.value)}.`, `The printer is not ready: ${statusText(before.value)}.`));
      }
      const written = await printer.write(bytes.value);
      if (!written.ok) return written;
      const after = await queryPrinterStatus(printer);
      const json = { bytes: bytes.value.length, paper: args.value.paper, statusAfter: after.ok ? after.value : null };
      return ok({ json, text: `Đã gửi trang thử (${bytes.value.length} byte) / Test page sent. ${after.ok ? statusText(after.value) : ''}` });
    });
  },
};
