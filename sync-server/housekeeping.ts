import { createLogger } from '../src-shared/log';

const log = createLogger('sync-server/housekeeping');

/** Every 6 hours: often enough that nothing outlives its window by much, rare enough to cost nothing. */
export const housekeepingEveryMs = 6 * 60 * 60 * 1000;

/**
 * The server's periodic chores (today: forgetting citizens' kept documents past their window), run once at start
 * and then on a timer that never keeps the process alive. A chore that fails is logged and tried again next time;
 * two runs never overlap.
 */
export function startHousekeeping(chore: () => Promise<unknown>, everyMs = housekeepingEveryMs): { stop(): void; running(): Promise<void> } {
  let current: Promise<void> = Promise.resolve();
  let busy = false;
  const run = () => {
    if (busy) return;
    busy = true;
    current = chore()
      .then(
        () => undefined,
        (error: unknown) => log.warn('housekeeping failed; tried again later', { error: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => {
        busy = false;
      });
  };
  run();
  const timer = setInterval(run, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer), running: () => current };
}
