import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPtyPair, startEscPosSimulator, type EscPosSimulator, type PtyPair } from '../simulators/escpos-printer';
import { createPrinterProbeSource, probePrinter } from './printer-probe';
import { runDiscovery } from './scan';

let simulator: EscPosSimulator;
beforeAll(async () => {
  simulator = await startEscPosSimulator({ tcp: { host: '127.0.0.1', port: 0 } });
});
afterAll(async () => {
  await simulator.close();
});

describe('network printers found by probing TCP 9100 with DLE EOT', () => {
  it('finds the ESC/POS simulator by address and reads its live status', async () => {
    const url = `tcp://127.0.0.1:${simulator.tcpPort ?? 0}`;
    const report = await runDiscovery([createPrinterProbeSource('network', () => [{ kind: 'tcp', url }])]);
    expect(report.devices).toHaveLength(1);
    expect(report.devices[0]).toMatchObject({ id: `tcp:127.0.0.1:${simulator.tcpPort ?? 0}`, bus: 'network', state: 'ready', printer: { online: true, paperOut: false } });
  });

  it('lists paper out as an error state, and a dead address as offline with the reason', async () => {
    simulator.setCondition({ paperOut: true });
    const out = await probePrinter({ kind: 'tcp', url: `tcp://127.0.0.1:${simulator.tcpPort ?? 0}` });
    simulator.setCondition({ paperOut: false });
    expect(out).toMatchObject({ state: 'error', printer: { paperOut: true } });
    const dead = await probePrinter({ kind: 'tcp', url: 'tcp://127.0.0.1:1' });
    expect(dead.state).toBe('offline');
    expect(dead.lastError?.code).toBe('printer.unreachable');
  });
});

describe('a serial printer on a socat pty pair', () => {
  let pty: PtyPair | undefined;
  let serialSim: EscPosSimulator | undefined;
  afterAll(async () => {
    await serialSim?.close();
    await pty?.close();
  });

  it('answers the DLE EOT probe on a real tty', async () => {
    pty = await openPtyPair();
    serialSim = await startEscPosSimulator({ serial: { path: pty.paths[1] } });
    const found = await probePrinter({ kind: 'serial', path: pty.paths[0], baudRate: 115_200 });
    expect(found).toMatchObject({ id: `serial:${pty.paths[0]}`, bus: 'serial', state: 'ready', printer: { online: true } });
  });
});
