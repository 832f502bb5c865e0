import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeSlip } from '../printer/encode-slip';
import { encodeTextJob } from '../printer/escpos';
import { parseSlip } from '../printer/slip-schema';
import { SAMPLE_RECORD_CODE, sampleSlips } from '../printer/slip-fixtures.testing';
import { queryPrinterStatus } from '../printer/status-query';
import type { PrinterTransport } from '../printer/transport';
import { pageImage, readQr } from '../simulators/escpos-printer/page-check.testing';
import { openPtyPair, type PtyPair } from '../simulators/escpos-printer/pty-pair';
import { startEscPosSimulator, type EscPosSimulator } from '../simulators/escpos-printer/simulator';
import { openSerialPrinter } from './serial-port';

let pty: PtyPair;
let simulator: EscPosSimulator;
let transport: PrinterTransport | undefined;

beforeEach(async () => {
  pty = await openPtyPair();
  simulator = await startEscPosSimulator({ serial: { path: pty.paths[1], baudRate: 115200 }, codePages: { 52: 'windows-1258' } });
});
afterEach(async () => {
  await transport?.close();
  transport = undefined;
  await simulator.close();
  await pty.close();
});

const connect = async (): Promise<PrinterTransport> => {
  const result = await openSerialPrinter({ path: pty.paths[0], baudRate: 115200 });
  if (!result.ok) throw new Error(result.error.messageEn);
  transport = result.value;
  return result.value;
};

describe('printing over a serial line (socat pty pair, 115200 baud)', () => {
  it('socat gave two distinct ptys', () => {
    expect(pty.paths[0]).toMatch(/^\/dev\/pts\/\d+$/);
    expect(pty.paths[1]).not.toBe(pty.paths[0]);
  });

  it('queries status and prints a receipt whose QR scans to the record code', async () => {
    const printer = await connect();
    simulator.setCondition({ paperLow: true });
    const status = await queryPrinterStatus(printer);
    expect(status.ok && status.value).toMatchObject({ online: true, paperLow: true, paperOut: false });
    const slip = parseSlip(sampleSlips.receipt);
    if (!slip.ok) throw new Error(slip.error.messageEn);
    const bytes = encodeSlip(slip.value, { paper: '80mm' });
    if (!bytes.ok) throw new Error(bytes.error.messageEn);
    expect((await printer.write(bytes.value)).ok).toBe(true);
    const [page] = await simulator.waitForPages(1, 15_000);
    if (page === undefined) throw new Error('no page');
    expect(pageImage(page).width).toBe(576);
    expect(readQr(page)).toBe(SAMPLE_RECORD_CODE);
  });

  it('text mode on a calibrated printer arrives as Vietnamese text lines', async () => {
    const printer = await connect();
    const bytes = encodeTextJob(['Nguyễn Thị Hoà', 'Đăng ký khai sinh'], { calibrated: true, codePage: 'windows-1258', codePageNumber: 52 });
    if (!bytes.ok) throw new Error(bytes.error.messageEn);
    expect((await printer.write(bytes.value)).ok).toBe(true);
    const [page] = await simulator.waitForPages(1);
    expect(page?.textLines).toEqual(['Nguyễn Thị Hoà', 'Đăng ký khai sinh']);
  });

  it('a missing device is unreachable, in both languages', async () => {
    const result = await openSerialPrinter({ path: '/dev/does-not-exist-printer' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('printer.unreachable');
      expect(result.error.message).toContain('Không kết nối được máy in');
    }
  });
});
