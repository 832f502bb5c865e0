import { appendFile, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeviceLogEntry } from '../../../src-shared/api/devices';
import { createDeviceEventLog } from './event-log';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-devlog-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const entry = (i: number): DeviceLogEntry => ({ at: 1_000 + i, type: 'test-ok', deviceId: `tcp:10.0.0.${i % 250}:9100`, bus: 'network', action: 'status' });

describe('the device event log', () => {
  it('appends JSON lines and reads the newest back, oldest first', async () => {
    const log = createDeviceEventLog({ dir });
    for (let i = 0; i < 5; i++) await log.append(entry(i));
    expect((await log.recent(3)).map((e) => e.at)).toEqual([1002, 1003, 1004]);
    const lines = (await readFile(log.path, 'utf8')).trim().split('\n');
    expect(lines).toHaveLength(5);
  });

  it('rotates by size, keeps a bounded number of files, and still reads across them', async () => {
    const log = createDeviceEventLog({ dir, maxBytes: 600, keep: 2 });
    for (let i = 0; i < 60; i++) await log.append(entry(i));
    const files = (await readdir(dir)).sort();
    expect(files).toEqual(['device-events.jsonl', 'device-events.jsonl.1', 'device-events.jsonl.2']);
    for (const file of files) expect((await readFile(join(dir, file), 'utf8')).length).toBeLessThanOrEqual(600);
    const recent = await log.recent(1000);
    expect(recent[recent.length - 1]?.at).toBe(1059);
    // The oldest entries went with the dropped files.
    expect(recent[0]?.at).toBeGreaterThan(1000);
    expect(recent.map((e) => e.at)).toEqual([...recent.map((e) => e.at)].sort((a, b) => a - b));
  });

  it('skips a line cut by a power failure', async () => {
    const log = createDeviceEventLog({ dir });
    await log.append(entry(1));
    await appendFile(log.path, '{"at":12,"type":"te');
    await appendFile(log.path, '\n');
    await log.append(entry(2));
    expect((await log.recent(10)).map((e) => e.at)).toEqual([1001, 1002]);
  });

  it('keeps only the fields of the schema: a stray name never reaches the disk', async () => {
    const log = createDeviceEventLog({ dir });
    await log.append({ ...entry(1), ...{ citizenName: 'Trần Thị Bích Ngọc' } });
    expect(await readFile(log.path, 'utf8')).not.toContain('Ngọc');
  });
});
