import { describe, expect, it } from 'vitest';
import type { DiscoveredDevice, DiscoveryReport } from '../../src-shared/api/devices';
import { ok } from '../../src-shared/result';
import { pcscErrors } from '../transports/pcsc';
import { diffDevices } from './diff';
import { createEsclSource } from './escl-source';
import { hidDevicesOf, createHidSource } from './hid-source';
import { startHotPlugWatcher } from './hot-plug';
import { createPcscSource } from './pcsc-source';
import { mergeDevices, runDiscovery } from './scan';
import { createSerialSource, serialDeviceOf } from './serial-source';
import { createUsbPrinterSource } from './usb-printer-source';
import { normalizeUsbId } from './vendors';

const device = (id: string, extra: Partial<DiscoveredDevice> = {}): DiscoveredDevice => ({ id, bus: 'serial', name: id, actions: [], state: 'present', simulated: false, ...extra });

describe('discovery diffing', () => {
  it('tells added, removed and changed devices apart by id', () => {
    const before = [device('a'), device('b'), device('c', { state: 'ready' })];
    const after = [device('a'), device('c', { state: 'offline' }), device('d')];
    const diff = diffDevices(before, after);
    expect(diff.added.map((d) => d.id)).toEqual(['d']);
    expect(diff.removed.map((d) => d.id)).toEqual(['b']);
    expect(diff.changed.map((d) => d.id)).toEqual(['c']);
  });

  it('sees a card put on a reader as a change, and an identical list as none', () => {
    const reader = device('pcsc:R', { bus: 'pcsc', card: { present: false } });
    expect(diffDevices([reader], [{ ...reader, card: { present: true, atr: '3B88' } }]).changed).toHaveLength(1);
    const same = diffDevices([reader], [{ ...reader }]);
    expect([same.added, same.removed, same.changed].map((l) => l.length)).toEqual([0, 0, 0]);
  });
});

describe('bus listings', () => {
  it('names a USB serial adapter by vendor, product and serial number so its role survives a new ttyUSB number', () => {
    const a = serialDeviceOf({ path: '/dev/ttyUSB0', vendorId: '0403', productId: '6001', serialNumber: 'A1B2', manufacturer: 'FTDI' });
    const b = serialDeviceOf({ path: '/dev/ttyUSB1', vendorId: '0403', productId: '6001', serialNumber: 'A1B2', manufacturer: 'FTDI' });
    expect(a.id).toBe('serial:0403:6001:A1B2');
    expect(b.id).toBe(a.id);
    expect(a.vendorName).toContain('FTDI');
    expect(serialDeviceOf({ path: '/dev/ttyS0' }).id).toBe('serial:/dev/ttyS0');
  });

  it('suggests a receipt printer for an Epson serial device and nothing for a bare adapter', () => {
    expect(serialDeviceOf({ path: '/dev/ttyACM0', vendorId: '04B8', productId: '0e15' }).suggestedRole).toBe('receipt-printer');
    expect(serialDeviceOf({ path: '/dev/ttyUSB0', vendorId: '1a86', productId: '7523' }).suggestedRole).toBeUndefined();
  });

  it('collapses a scanner’s HID interfaces into one device and spots HID-POS', () => {
    const list = hidDevicesOf([
      { vendorId: 0x0c2e, productId: 0x0b61, interface: 0, usagePage: 1, usage: 6, path: '/dev/hidraw3', product: 'Voyager 1450g' },
      { vendorId: 0x0c2e, productId: 0x0b61, interface: 1, usagePage: 0x8c, usage: 2, path: '/dev/hidraw4', product: 'Voyager 1450g' },
      { vendorId: 0x1234, productId: 0x0001, interface: 0, usagePage: 0x8c, usage: 2, path: '/dev/hidraw5' },
    ]);
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ id: 'hid:0c2e:0b61', vendorName: 'Honeywell', suggestedRole: 'barcode-scanner' });
    expect(list[1]?.suggestedRole).toBe('barcode-scanner');
  });

  it('normalizes vendor ids in every spelling', () => {
    expect([normalizeUsbId('0x04B8'), normalizeUsbId(0x4b8), normalizeUsbId('4b8'), normalizeUsbId('zz')]).toEqual(['04b8', '04b8', '04b8', undefined]);
  });

  it('lists /dev/usb/lp* as write-only printers and treats a missing /dev/usb as none', async () => {
    const found = await createUsbPrinterSource({ list: async () => ['lp1', 'lp0', 'hiddev0'] }).scan();
    expect(found.ok && found.value.map((d) => [d.id, d.actions])).toEqual([
      ['usb-printer:/dev/usb/lp0', ['print-test']],
      ['usb-printer:/dev/usb/lp1', ['print-test']],
    ]);
    const none = await createUsbPrinterSource({
      list: () => Promise.reject(Object.assign(new Error('no such dir'), { code: 'ENOENT' })),
    }).scan();
    expect(none).toEqual(ok([]));
  });
});

describe('running the sources', () => {
  it('reports "pcscd not running" as the source’s state and keeps the other sources’ devices', async () => {
    const report = await runDiscovery([
      createSerialSource(async () => [{ path: '/dev/ttyS0' }]),
      createPcscSource(async () => ({ ok: false, error: pcscErrors.unavailable('PC/SC service not running') })),
      createHidSource(() => Promise.reject(new Error('Cannot find module node-hid binding'))),
    ]);
    expect(report.devices.map((d) => d.id)).toEqual(['serial:/dev/ttyS0']);
    expect(report.sources.map((s) => [s.source, s.state])).toEqual([
      ['serial', 'ok'],
      ['pcsc', 'unavailable'],
      ['hid', 'unavailable'],
    ]);
    expect(report.sources[1]?.error?.message).toContain('pcscd');
  });

  it('folds a probe of a listed serial line into the listed device (one entry, vendor id kept)', () => {
    const listed = serialDeviceOf({ path: '/dev/ttyUSB0', vendorId: '0403', productId: '6001', serialNumber: 'X' });
    const probed = device('serial:/dev/ttyUSB0', { path: '/dev/ttyUSB0', state: 'ready', printer: { online: true, coverOpen: false, paperOut: false, paperLow: false, error: false } });
    const merged = mergeDevices([[listed], [probed]]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ id: listed.id, vendorId: '0403', state: 'ready' });
  });
});

describe('hot-plug polling', () => {
  it('takes the first look as the baseline, then emits added and removed', async () => {
    const looks: DiscoveredDevice[][] = [[device('a')], [device('a'), device('b')], [device('b')], [device('b')]];
    let i = 0;
    const scan = async (): Promise<DiscoveryReport> => ({ devices: looks[Math.min(i++, looks.length - 1)] ?? [], sources: [], scannedAt: i });
    const events: string[] = [];
    const watcher = startHotPlugWatcher({ scan, intervalMs: 10_000, onChange: (diff) => events.push(`+${diff.added.map((d) => d.id).join()} -${diff.removed.map((d) => d.id).join()}`) });
    await watcher.poll();
    await watcher.poll();
    await watcher.poll();
    await watcher.poll();
    watcher.stop();
    expect(events).toEqual(['+b -', '+ -a']);
  });

  it('never runs two scans at once', async () => {
    let active = 0;
    let most = 0;
    const scan = async (): Promise<DiscoveryReport> => {
      active++;
      most = Math.max(most, active);
      await new Promise((resolve) => setTimeout(resolve, 20));
      active--;
      return { devices: [], sources: [], scannedAt: 0 };
    };
    const watcher = startHotPlugWatcher({ scan, intervalMs: 5, onChange: () => undefined });
    await Promise.all([watcher.poll(), watcher.poll(), watcher.poll()]);
    await new Promise((resolve) => setTimeout(resolve, 60));
    watcher.stop();
    expect(most).toBe(1);
  });
});

describe('document scanners from hardware/scanner', () => {
  it('lists eSCL scanners by their base URL and reports a failed look as an error, not a throw', async () => {
    const found = await createEsclSource(async () => [{ id: 'http://192.168.1.20:80/eSCL', name: 'Canon DR-C225' }]).scan();
    expect(found.ok && found.value[0]).toMatchObject({ id: 'escl:http://192.168.1.20:80/eSCL', bus: 'escl', suggestedRole: 'document-scanner' });
    const failed = await runDiscovery([createEsclSource(() => Promise.reject(new Error('EADDRINUSE')))]);
    expect(failed.sources[0]).toMatchObject({ source: 'escl', state: 'error' });
  });
});
