import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSlip, renderSlip } from '../../../hardware/printer';
import { countDifferences } from '../../../hardware/printer/render/bitmap';
import { SAMPLE_RECORD_CODE, sampleSlips } from '../../../hardware/printer/slip-fixtures.testing';
import { startEscPosSimulator, type EscPosSimulator } from '../../../hardware/simulators/escpos-printer';
import { pageBitmap, readQr } from '../../../hardware/simulators/escpos-printer/page-check.testing';
import { createDeviceRegistry } from '../../services/device-registry';
import { createEventBus } from '../../services/event-bus';
import { openPrinterService } from '../../services/printer-service';
import { printCalibrationCommand, printerStatusCommand, printReceiptCommand, printTestCommand } from './print';

let simulator: EscPosSimulator;
beforeAll(async () => {
  simulator = await startEscPosSimulator({ tcp: { host: '127.0.0.1', port: 0 }, codePages: { 52: 'windows-1258' } });
});
afterAll(async () => {
  await simulator.close();
});

describe('motcua print test / printer status (against the ESC/POS simulator over TCP)', () => {
  it('prints a test page that comes out of the printer', async () => {
    const result = await printTestCommand.run(['--printer', `tcp://127.0.0.1:${simulator.tcpPort ?? 0}`]);
    expect(result.ok).toBe(true);
    const pages = await simulator.waitForPages(1, 10_000);
    expect(pages).toHaveLength(1);
  });

  it('reports paper out in plain words and refuses to print', async () => {
    simulator.setCondition({ paperOut: true });
    const status = await printerStatusCommand.run(['--printer', `tcp://127.0.0.1:${simulator.tcpPort ?? 0}`]);
    expect(status.ok && status.value.text).toContain('hết giấy / paper out');
    const refused = await printTestCommand.run(['--printer', `tcp://127.0.0.1:${simulator.tcpPort ?? 0}`]);
    expect(!refused.ok && refused.error.code).toBe('printer.not-ready');
    simulator.setCondition({ paperOut: false });
  });

  it('explains a missing --printer', async () => {
    const result = await printTestCommand.run([]);
    expect(!result.ok && result.error.code).toBe('cli.usage');
  });
});

describe('motcua print receipt --record (reprint from the receipt journal)', () => {
  it('reprints the receipt the counter printed, with the reprint mark and the record code in the QR', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'motcua-cli-receipt-'));
    try {
      // The counter prints a receipt through the host's printer service (its own simulated printer).
      const service = await openPrinterService({ dataDir }, createEventBus(), createDeviceRegistry());
      if (!service.ok) throw new Error(service.error.messageEn);
      const queued = await service.value.print(sampleSlips.receipt);
      expect(queued.ok).toBe(true);
      await service.value.close();

      const before = simulator.pages.length;
      const printer = `tcp://127.0.0.1:${simulator.tcpPort ?? 0}`;
      const result = await printReceiptCommand.run(['--record', SAMPLE_RECORD_CODE, '--printer', printer, '--data-dir', dataDir]);
      expect(result.ok && result.value.json).toMatchObject({ recordCode: SAMPLE_RECORD_CODE, reprint: true });
      const pages = await simulator.waitForPages(before + 1, 10_000);
      const page = pages[before];
      if (page === undefined) throw new Error('no page');
      expect(readQr(page)).toContain(SAMPLE_RECORD_CODE);
      const expected = parseSlip({ ...sampleSlips.receipt, reprint: true });
      const reference = expected.ok ? renderSlip(expected.value, { paper: '80mm' }) : expected;
      if (!reference.ok) throw new Error('no reference');
      expect(countDifferences(pageBitmap(page), reference.value)).toBe(0);

      const unknown = await printReceiptCommand.run(['--record', '000.00.15.H55-260302-9999', '--printer', printer, '--data-dir', dataDir]);
      expect(!unknown.ok && unknown.error.code).toBe('printer.receipt-not-found');
      const missing = await printReceiptCommand.run(['--printer', printer, '--data-dir', dataDir]);
      expect(!missing.ok && missing.error.code).toBe('cli.usage');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

describe('text mode: the calibration slip, then queue tickets as text on a calibrated printer', () => {
  it('prints every Vietnamese letter in the chosen code page, read back right by a printer that has it', async () => {
    const before = simulator.pages.length;
    const printer = `tcp://127.0.0.1:${simulator.tcpPort ?? 0}`;
    const result = await printCalibrationCommand.run(['--printer', printer, '--text-mode', 'windows-1258:52']);
    expect(result.ok).toBe(true);
    const pages = await simulator.waitForPages(before + 1, 10_000);
    const text = (pages[before]?.textLines ?? []).join('\n').normalize('NFC');
    expect(text).toContain('CALIBRATION windows-1258 ESC t 52');
    expect(text).toContain('ơờớởỡợ');
    expect(text).toContain('Cộng hòa xã hội chủ nghĩa Việt Nam');
    const bad = await printCalibrationCommand.run(['--printer', printer, '--text-mode', 'cp437:0']);
    expect(!bad.ok && bad.error.code).toBe('cli.usage');
  });

  it('a calibrated host prints queue tickets as text (a few hundred bytes) and receipts still as raster', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'motcua-text-mode-'));
    try {
      const printer = `tcp://127.0.0.1:${simulator.tcpPort ?? 0}`;
      const service = await openPrinterService({ dataDir, printerUrl: printer, textMode: 'windows-1258:52' }, createEventBus(), createDeviceRegistry());
      if (!service.ok) throw new Error(service.error.messageEn);
      const before = simulator.pages.length;
      expect((await service.value.print(sampleSlips.ticket)).ok).toBe(true);
      const [ticket] = (await simulator.waitForPages(before + 1, 10_000)).slice(before);
      expect(ticket?.height).toBe(0);
      expect((ticket?.textLines ?? []).join('\n').normalize('NFC')).toContain(`SỐ THỨ TỰ: ${sampleSlips.ticket.ticketNumber}`);
      expect((await service.value.print(sampleSlips.receipt)).ok).toBe(true);
      const [receipt] = (await simulator.waitForPages(before + 2, 10_000)).slice(before + 1);
      expect(receipt && readQr(receipt)).toContain(SAMPLE_RECORD_CODE);
      await service.value.close();
      const refused = await openPrinterService({ dataDir, printerUrl: printer, textMode: 'windows-1252:16' }, createEventBus(), createDeviceRegistry());
      expect(!refused.ok && refused.error.code).toBe('printer.bad-text-mode');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
