import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { statusByte, type SimulatedCondition } from '../../simulators/escpos-printer/status-script';
import { isStatusByte, notReadyReason, parseStatusBytes, type PrinterStatus, type StatusBytes } from './status';

const parse = (printer: number, offlineCause: number, errorCause: number, paperSensor: number): PrinterStatus => {
  const result = parseStatusBytes({ printer, offlineCause, errorCause, paperSensor });
  if (!result.ok) throw new Error(result.error.messageEn);
  return result.value;
};

describe('DLE EOT status bytes', () => {
  it('all clear', () => {
    expect(parse(0x12, 0x12, 0x12, 0x12)).toMatchObject({ online: true, coverOpen: false, paperOut: false, paperLow: false, error: false });
  });

  it('paper out: offline, stopped by paper end, roll end sensor', () => {
    const status = parse(0x1a, 0x32, 0x12, 0x7e);
    expect(status).toMatchObject({ online: false, paperOut: true, paperLow: true, coverOpen: false, error: false });
    expect(notReadyReason(status)?.code).toBe('printer.paper-out');
  });

  it('cover open', () => {
    const status = parse(0x1a, 0x16, 0x12, 0x12);
    expect(status).toMatchObject({ online: false, coverOpen: true, paperOut: false });
    expect(notReadyReason(status)?.code).toBe('printer.cover-open');
  });

  it('paper low still prints', () => {
    const status = parse(0x12, 0x12, 0x12, 0x1e);
    expect(status).toMatchObject({ online: true, paperLow: true, paperOut: false });
    expect(notReadyReason(status)).toBeUndefined();
  });

  it('autocutter error', () => {
    const status = parse(0x1a, 0x52, 0x1a, 0x12);
    expect(status.error).toBe(true);
    expect(notReadyReason(status)?.code).toBe('printer.hardware-error');
  });

  it('offline for no other reason', () => {
    expect(notReadyReason(parse(0x1a, 0x12, 0x12, 0x12))?.code).toBe('printer.offline');
  });

  it('a byte without the fixed bits is not a status byte', () => {
    expect(isStatusByte(0x12)).toBe(true);
    for (const stray of [0x00, 0xff, 0x13, 0x92, 0x02, 0x10]) expect(isStatusByte(stray)).toBe(false);
    const result = parseStatusBytes({ printer: 0x12, offlineCause: 0xff, errorCause: 0x12, paperSensor: 0x12 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('printer.bad-status');
  });

  it('the bilingual reasons an officer reads', () => {
    const paperOut = notReadyReason(parse(0x1a, 0x32, 0x12, 0x7e));
    expect(paperOut?.message).toContain('Máy in hết giấy');
    expect(paperOut?.messageEn).toContain('Printer out of paper');
  });

  it('decodes whatever condition the simulator answers for (property)', () => {
    const condition = fc.record<SimulatedCondition>({
      online: fc.boolean(),
      coverOpen: fc.boolean(),
      paperOut: fc.boolean(),
      paperLow: fc.boolean(),
      cutterError: fc.boolean(),
      silent: fc.constant(false),
    });
    fc.assert(
      fc.property(condition, (c) => {
        const answer = (n: number): number => statusByte(c, n) ?? -1;
        const bytes: StatusBytes = { printer: answer(1), offlineCause: answer(2), errorCause: answer(3), paperSensor: answer(4) };
        const status = parse(bytes.printer, bytes.offlineCause, bytes.errorCause, bytes.paperSensor);
        expect(status.coverOpen).toBe(c.coverOpen);
        expect(status.paperOut).toBe(c.paperOut);
        expect(status.paperLow).toBe(c.paperLow || c.paperOut);
        expect(status.error).toBe(c.cutterError);
        expect(status.online).toBe(c.online && !c.coverOpen && !c.paperOut && !c.cutterError);
      }),
    );
  });
});
