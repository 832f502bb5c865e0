import type { DeviceProfile, DeviceTestAction, DeviceTestResult, DiscoveredDevice } from '../../../src-shared/api/devices';
import type { PaperWidth } from '../../../src-shared/api/printer';
import { err, ok, type Failure, type Result } from '../../../src-shared/result';
import { checkReadiness, encodeSlip, openUsbLinePrinter, parseSlip, queryPrinterStatus, type PrinterStatus, type PrinterTransport } from '../../../hardware/printer';
import { listPcscReaders, type PcscReader } from '../../../hardware/transports/pcsc';
import { openSerialPrinter } from '../../../hardware/transports/serial-port';
import { openTcpPrinter, parseTcpPrinterUrl } from '../../../hardware/transports/tcp-printer';
import { deviceConsoleErrors } from './errors';

export type DeviceTestDeps = {
  readonly paper: PaperWidth;
  readonly fontsDir?: string | undefined;
  /** Printed at the top of the test page, as on every slip. */
  readonly centerName: string;
  readonly profile: DeviceProfile;
  readonly now?: () => number;
  readonly listReaders?: () => Promise<Result<readonly PcscReader[], Failure>>;
};

/** The transport a printer-like device is reached by: its tcp address, its serial line, or its /dev/usb/lp file. */
export async function openDevicePrinter(device: DiscoveredDevice, profile: DeviceProfile): Promise<Result<PrinterTransport, Failure>> {
  const path = device.path;
  if (path === undefined) return err(deviceConsoleErrors.actionUnsupported('print'));
  switch (device.bus) {
    case 'network': {
      const address = parseTcpPrinterUrl(path);
      if (!address.ok) return address;
      return openTcpPrinter({ host: address.value.host, port: address.value.port, connectTimeoutMs: 2000 });
    }
    case 'serial': {
      const baudRate = profile.serialPrinters.find((s) => s.path === path)?.baudRate ?? 115_200;
      return openSerialPrinter({ path, baudRate, writeTimeoutMs: 30_000 });
    }
    case 'usb-printer':
      return openUsbLinePrinter(path);
    case 'hid':
    case 'pcsc':
    case 'escl':
    case 'sane':
      return err(deviceConsoleErrors.actionUnsupported('print'));
  }
}

const statusOnly = ({ raw: _raw, ...status }: PrinterStatus) => status;

async function withPrinter<T>(device: DiscoveredDevice, profile: DeviceProfile, use: (printer: PrinterTransport) => Promise<Result<T, Failure>>): Promise<Result<T, Failure>> {
  const opened = await openDevicePrinter(device, profile);
  if (!opened.ok) return opened;
  try {
    return await use(opened.value);
  } finally {
    await opened.value.close();
  }
}

/**
 * What the console's "test" buttons do. The test page goes straight to the device, not through the print queue:
 * the technician is checking this cable and this printer, and a test page is not a slip the officer must account
 * for. A printer that reports paper out or an open cover is not sent the page.
 */
export async function runDeviceTest(device: DiscoveredDevice, action: DeviceTestAction, deps: DeviceTestDeps): Promise<Result<DeviceTestResult, Failure>> {
  const now = deps.now ?? Date.now;
  const started = now();
  const done = (extra: Omit<DeviceTestResult, 'deviceId' | 'action' | 'durationMs'>): DeviceTestResult => ({
    deviceId: device.id,
    action,
    durationMs: Math.max(0, Math.round(now() - started)),
    ...extra,
  });
  if (!device.actions.includes(action)) return err(deviceConsoleErrors.actionUnsupported(action));
  switch (action) {
    case 'status':
      return withPrinter(device, deps.profile, async (printer) => {
        const status = await queryPrinterStatus(printer);
        return status.ok ? ok(done({ printer: statusOnly(status.value) })) : status;
      });
    case 'print-test': {
      const slip = parseSlip({ kind: 'test-page', centerName: deps.centerName, printerName: device.name.slice(0, 100), issuedAt: now() });
      if (!slip.ok) return slip;
      const bytes = encodeSlip(slip.value, { paper: deps.paper, ...(deps.fontsDir === undefined ? {} : { fontsDir: deps.fontsDir }) });
      if (!bytes.ok) return bytes;
      return withPrinter(device, deps.profile, async (printer) => {
        const before = await checkReadiness(printer);
        if (!before.ok) return before;
        if (before.value.kind === 'not-ready') return err(deviceConsoleErrors.printerNotReady(before.value.reason.message, before.value.reason.messageEn));
        const written = await printer.write(bytes.value);
        if (!written.ok) return written;
        if (before.value.kind === 'unknown') return ok(done({ bytesSent: bytes.value.length }));
        const after = await queryPrinterStatus(printer);
        return ok(done({ bytesSent: bytes.value.length, ...(after.ok ? { printer: statusOnly(after.value) } : {}) }));
      });
    }
    case 'read-card': {
      const readers = await (deps.listReaders ?? listPcscReaders)();
      if (!readers.ok) return readers;
      const reader = readers.value.find((r) => r.name === device.path);
      if (reader === undefined) return err(deviceConsoleErrors.notFound(device.id));
      return ok(done({ card: { reader: reader.name, present: reader.cardPresent, ...(reader.atr === undefined ? {} : { atr: reader.atr }) } }));
    }
  }
}
