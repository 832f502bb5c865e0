import { describe, expect, it } from 'vitest';
import { createSimulatedPrinterCore } from './printer-core';

const raster = (rows: number): number[] => [0x1d, 0x76, 0x30, 0x00, 0x01, 0x00, rows, 0x00, ...Array<number>(rows).fill(0xff)];
const cut = [0x1d, 0x56, 0x42, 0x00];

describe('simulated printer mechanism', () => {
  it('answers DLE EOT as scripted, at once, even when it cannot print', () => {
    const core = createSimulatedPrinterCore({ condition: { paperOut: true } });
    const answers: number[] = [];
    const session = core.openSession((bytes) => answers.push(...bytes));
    session.receive(Uint8Array.of(0x10, 0x04, 1, 0x10, 0x04, 2, 0x10, 0x04, 3, 0x10, 0x04, 4));
    expect(answers).toEqual([0x1a, 0x32, 0x12, 0x7e]);
    core.setCondition({ paperOut: false, coverOpen: true });
    session.receive(Uint8Array.of(0x10, 0x04, 2));
    expect(answers.at(-1)).toBe(0x16);
  });

  it('a silent printer does not answer', () => {
    const core = createSimulatedPrinterCore({ condition: { silent: true } });
    const answers: number[] = [];
    core.openSession((bytes) => answers.push(...bytes)).receive(Uint8Array.of(0x10, 0x04, 1));
    expect(answers).toEqual([]);
  });

  it('one page per cut, with its rows, at the paper width', () => {
    const core = createSimulatedPrinterCore({ paperDots: 384 });
    core.openSession(() => undefined).receive(Uint8Array.from([0x1b, 0x40, ...raster(3), ...cut, ...raster(2), ...cut]));
    expect(core.pages.map((p) => [p.width, p.height])).toEqual([
      [384, 3],
      [384, 2],
    ]);
    expect(core.pages[0]?.data[0]).toBe(0xff);
  });

  it('holds what arrives while out of paper and prints it once when paper is back', () => {
    const core = createSimulatedPrinterCore({ condition: { paperOut: true } });
    core.openSession(() => undefined).receive(Uint8Array.from([...raster(4), ...cut]));
    expect(core.pages).toHaveLength(0);
    core.setCondition({ paperOut: false });
    expect(core.pages).toHaveLength(1);
    core.setCondition({ paperLow: true });
    expect(core.pages).toHaveLength(1);
  });

  it('runs out of paper mid-slip and finishes the slip after a new roll', () => {
    const core = createSimulatedPrinterCore();
    core.runOutOfPaperAfterRows(4);
    core.openSession(() => undefined).receive(Uint8Array.from([...raster(4), ...raster(4), ...cut]));
    expect(core.condition.paperOut).toBe(true);
    expect(core.pages).toHaveLength(0);
    core.setCondition({ paperOut: false });
    expect(core.pages.map((p) => p.height)).toEqual([8]);
  });

  it('decodes text with the selected code page', () => {
    const core = createSimulatedPrinterCore({ codePages: { 52: 'windows-1258' } });
    core.openSession(() => undefined).receive(Uint8Array.from([0x1b, 0x74, 52, 0x4e, 0x67, 0x75, 0x79, 0xea, 0xde, 0x6e, 0x0a, ...cut]));
    expect(core.pages[0]?.textLines).toEqual(['Nguyễn']);
  });
});
