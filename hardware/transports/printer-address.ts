import { err, ok, type Result } from '../../src-shared/result';
import { printerErrors, type PrinterFailure } from '../printer/errors';
import type { ConnectPrinter } from '../printer/transport';
import { openUsbLinePrinter } from '../printer/usb-lp-transport';
import { openSerialPrinter } from './serial-port';
import { openTcpPrinter, parseTcpPrinterUrl } from './tcp-printer';

/**
 * Where a receipt printer is, as a technician writes it (one string in settings, the environment or the CLI):
 * - `tcp://192.168.1.50[:9100]` — a network printer (raw port 9100);
 * - `serial:///dev/ttyUSB0?baud=115200[&rtscts=1]` — a serial printer (or a USB-serial adapter), `COM3` on Windows;
 * - `usb:///dev/usb/lp0` — a USB printer through the kernel's printer class driver (usblp).
 */
export type PrinterAddress =
  | { readonly kind: 'tcp'; readonly host: string; readonly port: number }
  | { readonly kind: 'serial'; readonly path: string; readonly baudRate: number; readonly rtscts: boolean }
  | { readonly kind: 'usb'; readonly devicePath: string };

const baudRates = new Set([9600, 19200, 38400, 57600, 115200, 230400]);

export function parsePrinterAddress(text: string): Result<PrinterAddress, PrinterFailure> {
  const trimmed = text.trim();
  if (trimmed.startsWith('tcp://')) {
    const tcp = parseTcpPrinterUrl(trimmed);
    return tcp.ok ? ok({ kind: 'tcp', ...tcp.value }) : tcp;
  }
  const serial = /^serial:\/\/([^?]+)(?:\?(.*))?$/.exec(trimmed);
  if (serial?.[1]) {
    const params = new URLSearchParams(serial[2] ?? '');
    const baudRate = Number(params.get('baud') ?? 115200);
    if (!baudRates.has(baudRate)) return err(printerErrors.badUrl(text));
    const path = serial[1].startsWith('/') || /^COM\d+$/i.test(serial[1]) ? serial[1] : `/${serial[1]}`;
    return ok({ kind: 'serial', path, baudRate, rtscts: params.get('rtscts') === '1' });
  }
  const usb = /^usb:\/\/(\/dev\/usb\/lp\d+)$/.exec(trimmed);
  if (usb?.[1]) return ok({ kind: 'usb', devicePath: usb[1] });
  return err(printerErrors.badUrl(text));
}

export function describePrinterAddress(address: PrinterAddress): string {
  switch (address.kind) {
    case 'tcp':
      return `ESC/POS ${address.host}:${address.port}`;
    case 'serial':
      return `ESC/POS ${address.path} @ ${address.baudRate}`;
    case 'usb':
      return `ESC/POS ${address.devicePath}`;
  }
}

/** How the print queue opens a connection for each job. */
export function connectorFor(address: PrinterAddress): ConnectPrinter {
  switch (address.kind) {
    case 'tcp':
      return () => openTcpPrinter({ host: address.host, port: address.port });
    case 'serial':
      return () => openSerialPrinter({ path: address.path, baudRate: address.baudRate, rtscts: address.rtscts });
    case 'usb':
      return () => openUsbLinePrinter(address.devicePath);
  }
}
