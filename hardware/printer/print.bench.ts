import { afterAll, beforeAll, bench, describe } from 'vitest';
import { startEscPosSimulator, type EscPosSimulator } from '../simulators/escpos-printer/simulator';
import { openPtyPair, type PtyPair } from '../simulators/escpos-printer/pty-pair';
import { openSerialPrinter } from '../transports/serial-port';
import { openTcpPrinter } from '../transports/tcp-printer';
import { encodeSlip } from './encode-slip';
import { parseSlip } from './slip-schema';
import { sampleSlips } from './slip-fixtures.testing';
import { queryPrinterStatus } from './status-query';
import type { PrinterTransport } from './transport';

/**
 * A whole print as the queue does it: status before, the job, status after, until the simulator has decoded the
 * page. Over TCP, and over a socat pty pair set to 115200 baud — a pty does not throttle to the baud rate, so the
 * serial line's real time is the bytes' arithmetic in render.bench.ts (≈ 7.4 s for an 80 mm receipt), not this.
 */
const parsed = parseSlip(sampleSlips.receipt);
if (!parsed.ok) throw new Error(parsed.error.messageEn);
const job = encodeSlip(parsed.value, { paper: '80mm' });
if (!job.ok) throw new Error(job.error.messageEn);
const bytes = job.value;

let tcpSimulator: EscPosSimulator;
let serialSimulator: EscPosSimulator;
let pty: PtyPair;
beforeAll(async () => {
  tcpSimulator = await startEscPosSimulator({ tcp: { host: '127.0.0.1', port: 0 } });
  pty = await openPtyPair();
  serialSimulator = await startEscPosSimulator({ serial: { path: pty.paths[1], baudRate: 115200 } });
});
afterAll(async () => {
  await tcpSimulator.close();
  await serialSimulator.close();
  await pty.close();
});

async function printOnce(open: () => Promise<{ ok: true; value: PrinterTransport } | { ok: false; error: { messageEn: string } }>, simulator: EscPosSimulator): Promise<void> {
  const before = simulator.pages.length;
  const opened = await open();
  if (!opened.ok) throw new Error(opened.error.messageEn);
  try {
    await queryPrinterStatus(opened.value);
    await opened.value.write(bytes);
    await queryPrinterStatus(opened.value);
    await simulator.waitForPages(before + 1, 30_000);
  } finally {
    await opened.value.close();
  }
}

describe(`printing a receipt end to end on the simulator (${bytes.length} bytes, status before and after)`, () => {
  bench('over TCP 9100', async () => {
    await printOnce(() => openTcpPrinter({ host: '127.0.0.1', port: tcpSimulator.tcpPort ?? 0 }), tcpSimulator);
  }, { iterations: 5, time: 0 });
  bench('over a socat pty pair at 115200 baud (unthrottled)', async () => {
    await printOnce(() => openSerialPrinter({ path: pty.paths[0], baudRate: 115200 }), serialSimulator);
  }, { iterations: 5, time: 0 });
});
