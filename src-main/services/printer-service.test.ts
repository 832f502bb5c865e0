import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAMPLE_RECORD_CODE, sampleSlips } from '../../hardware/printer/slip-fixtures.testing';
import { readQr } from '../../hardware/simulators/escpos-printer/page-check.testing';
import { openPtyPair, type PtyPair } from '../../hardware/simulators/escpos-printer/pty-pair';
import { startEscPosSimulator, type EscPosSimulator } from '../../hardware/simulators/escpos-printer/simulator';
import { createDeviceRegistry } from './device-registry';
import { createEventBus } from './event-bus';
import { openPrinterService } from './printer-service';

let dataDir: string;
let pty: PtyPair;
let simulator: EscPosSimulator;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'motcua-printer-service-'));
  pty = await openPtyPair();
  simulator = await startEscPosSimulator({ serial: { path: pty.paths[1], baudRate: 115200 } });
});
afterEach(async () => {
  await simulator.close();
  await pty.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the printer service with a configured address', () => {
  it('prints a receipt on a serial printer given as serial://…?baud=115200 (socat pty pair)', async () => {
    const devices = createDeviceRegistry();
    const service = await openPrinterService({ dataDir, printerUrl: `serial://${pty.paths[0]}?baud=115200` }, createEventBus(), devices);
    if (!service.ok) throw new Error(service.error.messageEn);
    try {
      expect(service.value.state()).toMatchObject({ simulated: false, name: `ESC/POS ${pty.paths[0]} @ 115200` });
      expect(devices.list()[0]).toMatchObject({ kind: 'receipt-printer', simulated: false });
      const job = await service.value.print(sampleSlips.receipt);
      expect(job.ok).toBe(true);
      const [page] = await simulator.waitForPages(1, 20_000);
      if (page === undefined) throw new Error('no page');
      expect(readQr(page)).toContain(SAMPLE_RECORD_CODE);
    } finally {
      await service.value.close();
    }
  });

  it('refuses a bad address at start-up with the bilingual error', async () => {
    const service = await openPrinterService({ dataDir, printerUrl: 'lpt1' }, createEventBus(), createDeviceRegistry());
    expect(!service.ok && service.error.code).toBe('printer.bad-url');
  });
});
