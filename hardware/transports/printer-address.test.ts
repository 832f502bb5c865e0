import { describe, expect, it } from 'vitest';
import { parsePrinterAddress } from './printer-address';

describe('printer addresses', () => {
  it('reads the three ways a technician writes where the printer is', () => {
    expect(parsePrinterAddress('tcp://192.168.1.50')).toEqual({ ok: true, value: { kind: 'tcp', host: '192.168.1.50', port: 9100 } });
    expect(parsePrinterAddress('serial:///dev/ttyUSB0?baud=19200&rtscts=1')).toEqual({ ok: true, value: { kind: 'serial', path: '/dev/ttyUSB0', baudRate: 19200, rtscts: true } });
    expect(parsePrinterAddress('serial://COM3')).toEqual({ ok: true, value: { kind: 'serial', path: 'COM3', baudRate: 115200, rtscts: false } });
    expect(parsePrinterAddress('usb:///dev/usb/lp0')).toEqual({ ok: true, value: { kind: 'usb', devicePath: '/dev/usb/lp0' } });
  });

  it('refuses anything else with the bilingual bad-address error', () => {
    for (const bad of ['', 'lpt1', 'serial:///dev/ttyS0?baud=12345', 'usb:///etc/passwd', 'http://printer']) {
      const parsed = parsePrinterAddress(bad);
      expect(!parsed.ok && parsed.error.code).toBe('printer.bad-url');
    }
  });
});
