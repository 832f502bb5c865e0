import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEscPosSimulator, type EscPosSimulator } from '../../../hardware/simulators/escpos-printer';
import { printerStatusCommand, printTestCommand } from './print';

let simulator: EscPosSimulator;
beforeAll(async () => {
  simulator = await startEscPosSimulator({ tcp: { host: '127.0.0.1', port: 0 } });
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
