import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { queryPrinterStatus } from './status-query';
import { openUsbLinePrinter } from './usb-lp-transport';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-lp-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('USB printer device file (write-only)', () => {
  it('writes bytes through, reads nothing, and sends no status query', async () => {
    const device = join(dir, 'lp0');
    await writeFile(device, '');
    const opened = await openUsbLinePrinter(device);
    if (!opened.ok) throw new Error(opened.error.messageEn);
    const status = await queryPrinterStatus(opened.value);
    expect(!status.ok && status.error.code).toBe('printer.read-unsupported');
    expect((await opened.value.write(Uint8Array.of(0x1b, 0x40))).ok).toBe(true);
    await opened.value.close();
    expect([...(await readFile(device))]).toEqual([0x1b, 0x40]);
    expect((await opened.value.write(Uint8Array.of(1))).ok).toBe(false);
  });

  it('a missing device is unreachable', async () => {
    const opened = await openUsbLinePrinter(join(dir, 'no-such-dir', 'lp9'));
    expect(!opened.ok && opened.error.code).toBe('printer.unreachable');
  });
});
