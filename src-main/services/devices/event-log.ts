import { appendFile, mkdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { deviceLogEntrySchema, type DeviceLogEntry } from '../../../src-shared/api/devices';
import { createLogger } from '../../../src-shared/log';

const log = createLogger('services.devices.event-log');

export type DeviceEventLog = {
  /** Appends one entry (validated: ids, kinds, types and codes only); resolves once it is on disk. */
  append(entry: DeviceLogEntry): Promise<void>;
  /** The newest `limit` entries, oldest first, across the current file and the rotated ones. */
  recent(limit: number): Promise<DeviceLogEntry[]>;
  /** Resolves when every append made so far is on disk (the host awaits it before closing). */
  flush(): Promise<void>;
  readonly path: string;
};

export type DeviceEventLogOptions = {
  readonly dir: string;
  /** Rotate when the current file would pass this size (256 KB ≈ 2 000 entries). */
  readonly maxBytes?: number;
  /** Rotated files kept (`.1` newest … `.n` oldest); older ones are dropped. */
  readonly keep?: number;
};

const LOG_FILE = 'device-events.jsonl';

/**
 * The device event log: append-only JSON lines, rotated by size, kept on the kiosk. The schema has no field a
 * name, an ID number or a slip could go into, and every entry is checked against it before it is written, so the
 * log (and the support bundle built from it) cannot carry personal data by accident.
 */
export function createDeviceEventLog(options: DeviceEventLogOptions): DeviceEventLog {
  const path = join(options.dir, LOG_FILE);
  const maxBytes = options.maxBytes ?? 256 * 1024;
  const keep = Math.max(1, options.keep ?? 3);
  let chain: Promise<unknown> = Promise.resolve();

  const sizeOf = async (file: string): Promise<number> => {
    try {
      return (await stat(file)).size;
    } catch {
      return 0;
    }
  };

  const rotate = async (): Promise<void> => {
    for (let i = keep - 1; i >= 1; i--) await rename(`${path}.${i}`, `${path}.${i + 1}`).catch(() => undefined);
    await rename(path, `${path}.1`);
  };

  const write = async (entry: DeviceLogEntry): Promise<void> => {
    const checked = deviceLogEntrySchema.safeParse(entry);
    if (!checked.success) {
      log.warn('device log entry refused', { type: entry.type });
      return;
    }
    const line = `${JSON.stringify(checked.data)}\n`;
    await mkdir(options.dir, { recursive: true });
    if ((await sizeOf(path)) + Buffer.byteLength(line) > maxBytes) await rotate();
    await appendFile(path, line, { encoding: 'utf8', mode: 0o600 });
  };

  const readLines = async (file: string): Promise<DeviceLogEntry[]> => {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return [];
    }
    const entries: DeviceLogEntry[] = [];
    for (const line of text.split('\n')) {
      if (line === '') continue;
      try {
        const parsed = deviceLogEntrySchema.safeParse(JSON.parse(line));
        // A line cut by a power failure is skipped; the ones around it still count.
        if (parsed.success) entries.push(parsed.data);
      } catch {
        // as above
      }
    }
    return entries;
  };

  return {
    path,
    append(entry) {
      // One writer at a time: rotation and append must not interleave.
      const next = chain.then(() => write(entry));
      chain = next.catch((cause: unknown) => log.warn('device log write failed', { error: cause instanceof Error ? cause.message : String(cause) }));
      return chain.then(() => undefined);
    },
    flush: () => chain.then(() => undefined),
    async recent(limit) {
      await chain;
      const entries: DeviceLogEntry[] = [];
      for (let i = keep; i >= 1; i--) entries.push(...(await readLines(`${path}.${i}`)));
      entries.push(...(await readLines(path)));
      return entries.slice(-limit);
    },
  };
}
