import type { DiscoveryReport } from '../../src-shared/api/devices';
import { createLogger } from '../../src-shared/log';
import { diffDevices, isEmptyDiff, type DeviceDiff } from './diff';

const log = createLogger('hardware.discovery.hot-plug');

export type HotPlugOptions = {
  /** One look at the local buses (serial, HID, PC/SC, /dev/usb): nothing is sent to any device. */
  readonly scan: () => Promise<DiscoveryReport>;
  readonly onChange: (diff: DeviceDiff, report: DiscoveryReport) => void;
  readonly intervalMs?: number;
};

export type HotPlugWatcher = {
  /** The latest look, or undefined before the first one finished. */
  readonly last: DiscoveryReport | undefined;
  /** Look now (also what each tick does); resolves when the look and its notification are done. */
  poll(): Promise<DiscoveryReport>;
  stop(): void;
};

/**
 * Hot-plug by polling and diffing, every 2 s by default. Honest and portable: udev monitors, Windows device
 * notifications and pcscd's own events are all different APIs, while listing a bus costs a few milliseconds and
 * works the same everywhere. The price is up to one interval of delay. Ticks never overlap: a slow scan (pcscd
 * timing out) delays the next one instead of piling up.
 */
export function startHotPlugWatcher(options: HotPlugOptions): HotPlugWatcher {
  const intervalMs = options.intervalMs ?? 2000;
  let last: DiscoveryReport | undefined;
  let running: Promise<DiscoveryReport> | undefined;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;

  const poll = (): Promise<DiscoveryReport> => {
    running ??= (async () => {
      try {
        const report = await options.scan();
        const diff = diffDevices(last?.devices ?? [], report.devices);
        const first = last === undefined;
        last = report;
        // The first look is the baseline, not a flood of "added" for everything already plugged in.
        if (!first && !isEmptyDiff(diff) && !stopped) options.onChange(diff, report);
        return report;
      } finally {
        running = undefined;
      }
    })();
    return running;
  };

  const tick = (): void => {
    timer = setTimeout(() => {
      poll()
        .catch((cause: unknown) => log.warn('hot-plug scan failed', { error: cause instanceof Error ? cause.message : String(cause) }))
        .finally(() => {
          if (!stopped) tick();
        });
    }, intervalMs);
    // A watcher alone must not keep a CLI or a test process alive.
    timer.unref();
  };
  void poll()
    .catch((cause: unknown) => log.warn('hot-plug scan failed', { error: cause instanceof Error ? cause.message : String(cause) }))
    .finally(() => {
      if (!stopped) tick();
    });

  return {
    get last() {
      return last;
    },
    poll,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
