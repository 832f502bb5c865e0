import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeRasterJob } from '../printer/escpos';
import { countBlack, countDifferences, cropRows, type MonoBitmap } from '../printer/render/bitmap';
import { renderBlocks, renderSlip } from '../printer/render/render-slip';
import { parseSlip, type PaperWidth, type SlipInput } from '../printer/slip-schema';
import { SAMPLE_RECORD_CODE, sampleSlips } from '../printer/slip-fixtures.testing';
import { paragraph } from '../printer/slips';
import { queryPrinterStatus } from '../printer/status-query';
import type { PrinterTransport } from '../printer/transport';
import { pageBitmap, pageImage, readQr } from '../simulators/escpos-printer/page-check.testing';
import { startEscPosSimulator, type EscPosSimulator } from '../simulators/escpos-printer/simulator';
import { openTcpPrinter } from './tcp-printer';

let simulator: EscPosSimulator;
let transport: PrinterTransport | undefined;

beforeEach(async () => {
  simulator = await startEscPosSimulator({ tcp: { port: 0 } });
});
afterEach(async () => {
  await transport?.close();
  transport = undefined;
  await simulator.close();
});

const connect = async (port = simulator.tcpPort): Promise<PrinterTransport> => {
  const result = await openTcpPrinter({ host: '127.0.0.1', port: port ?? 0, connectTimeoutMs: 1000 });
  if (!result.ok) throw new Error(result.error.messageEn);
  transport = result.value;
  return result.value;
};
const render = (input: SlipInput, paper: PaperWidth): MonoBitmap => {
  const slip = parseSlip(input);
  if (!slip.ok) throw new Error(slip.error.messageEn);
  const bitmap = renderSlip(slip.value, { paper });
  if (!bitmap.ok) throw new Error(bitmap.error.messageEn);
  return bitmap.value;
};

describe('printing over TCP 9100 to the simulated printer', () => {
  it('reports the simulator listening on a port of its own', () => {
    expect(simulator.tcpPort).toBeGreaterThan(0);
  });

  it('a receipt comes out at 576 dots, with ink, dot for dot as rendered, and its QR scans to the record code', async () => {
    const printer = await connect();
    const bitmap = render(sampleSlips.receipt, '80mm');
    const status = await queryPrinterStatus(printer);
    expect(status.ok && status.value).toMatchObject({ online: true, paperOut: false });
    expect((await printer.write(encodeRasterJob(bitmap, { sliceLines: 96 }))).ok).toBe(true);
    const [page] = await simulator.waitForPages(1);
    if (page === undefined) throw new Error('no page');
    const image = pageImage(page);
    expect(image.width).toBe(576);
    expect(image.height).toBe(bitmap.height);
    expect(countBlack(pageBitmap(page))).toBeGreaterThan(10_000);
    expect(countDifferences(pageBitmap(page), bitmap)).toBe(0);
    expect(readQr(page)).toBe(SAMPLE_RECORD_CODE);
    expect(simulator.unknownCommands).toEqual([]);
  });

  it('the same on a 58 mm printer: 384 dots', async () => {
    await simulator.close();
    simulator = await startEscPosSimulator({ tcp: { port: 0 }, paperDots: 384 });
    const printer = await connect();
    const bitmap = render(sampleSlips.receipt, '58mm');
    expect((await printer.write(encodeRasterJob(bitmap))).ok).toBe(true);
    const [page] = await simulator.waitForPages(1);
    if (page === undefined) throw new Error('no page');
    expect(pageImage(page).width).toBe(384);
    expect(readQr(page)).toBe(SAMPLE_RECORD_CODE);
  });

  it('prints a Vietnamese line exactly as the reference render of the same text', async () => {
    const line = 'Nguyễn Thị Hoà – Đăng ký khai sinh';
    const reference = renderBlocks([paragraph(line, { size: 'large' })], { paper: '80mm' });
    if (!reference.ok) throw new Error(reference.error.messageEn);
    const printer = await connect();
    expect((await printer.write(encodeRasterJob(reference.value, { sliceLines: 24 }))).ok).toBe(true);
    const [page] = await simulator.waitForPages(1);
    if (page === undefined) throw new Error('no page');
    const printed = cropRows(pageBitmap(page), 0, reference.value.height);
    const ink = countBlack(reference.value);
    expect(ink).toBeGreaterThan(1000);
    // Pixel-equal within 0.5 % of the ink (the path is lossless, so 0 is expected; the margin is for the PNG).
    expect(countDifferences(printed, reference.value)).toBeLessThanOrEqual(Math.floor(ink * 0.005));
    // And the tone marks are there: the same line without diacritics prints differently.
    const plain = renderBlocks([paragraph('Nguyen Thi Hoa – Dang ky khai sinh', { size: 'large' })], { paper: '80mm' });
    expect(plain.ok && countDifferences(printed, plain.value)).toBeGreaterThan(50);
  });

  it('reads paper out, cover open, offline and paper low as scripted', async () => {
    const printer = await connect();
    const read = async () => {
      const status = await queryPrinterStatus(printer);
      if (!status.ok) throw new Error(status.error.messageEn);
      return status.value;
    };
    simulator.setCondition({ paperOut: true });
    expect(await read()).toMatchObject({ paperOut: true, online: false });
    simulator.setCondition({ paperOut: false, coverOpen: true });
    expect(await read()).toMatchObject({ coverOpen: true, paperOut: false, online: false });
    simulator.setCondition({ coverOpen: false, online: false });
    expect(await read()).toMatchObject({ online: false, coverOpen: false, error: false });
    simulator.setCondition({ online: true, paperLow: true });
    expect(await read()).toMatchObject({ online: true, paperLow: true, paperOut: false });
  });

  it('a printer that does not answer times out, in both languages', async () => {
    simulator.setCondition({ silent: true });
    const status = await queryPrinterStatus(await connect(), 200);
    expect(status.ok).toBe(false);
    if (!status.ok) {
      expect(status.error.code).toBe('printer.timeout');
      expect(status.error.message).toContain('Máy in không trả lời');
    }
  });

  it('no printer at the address: unreachable, not a hang', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const result = await openTcpPrinter({ host: '127.0.0.1', port, connectTimeoutMs: 1000 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('printer.unreachable');
  });

  it('a connection dropped by the printer fails reads and writes with "closed"', async () => {
    const printer = await connect();
    await simulator.close();
    const read = await printer.read(1000);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error.code).toBe('printer.closed');
    const written = await printer.write(Uint8Array.of(0x1b, 0x40));
    expect(written.ok).toBe(false);
    simulator = await startEscPosSimulator({ tcp: { port: 0 } });
  });
});
