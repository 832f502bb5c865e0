/**
 * Early / on time / overdue, as the published statistics count them: the finishing DATE against the due
 * DATE, both in Vietnamese time — finishing at 16:00 on a file due 10:00 that day is still on time.
 */
import { vietnamDayOf } from './vietnam-time';
import type { Instant } from './vietnam-time';

export type Timeliness = 'early' | 'on-time' | 'overdue';

export function classifyTimeliness(finishedAt: Instant, dueAt: Instant): Timeliness {
  const finishedDay = vietnamDayOf(finishedAt);
  const dueDay = vietnamDayOf(dueAt);
  if (finishedDay < dueDay) return 'early';
  return finishedDay === dueDay ? 'on-time' : 'overdue';
}

export type TimelinessRate = {
  readonly early: number;
  readonly onTime: number;
  readonly overdue: number;
  readonly finished: number;
  /** (early + on time) / finished; undefined when nothing was finished (not 0 % and not 100 %). */
  readonly earlyOrOnTimeRate: number | undefined;
};

export function timelinessRate(classes: readonly Timeliness[]): TimelinessRate {
  let early = 0;
  let onTime = 0;
  let overdue = 0;
  for (const value of classes) {
    switch (value) {
      case 'early':
        early += 1;
        break;
      case 'on-time':
        onTime += 1;
        break;
      case 'overdue':
        overdue += 1;
        break;
      default: {
        const unreachable: never = value;
        return unreachable;
      }
    }
  }
  const finished = classes.length;
  return { early, onTime, overdue, finished, earlyOrOnTimeRate: finished === 0 ? undefined : (early + onTime) / finished };
}
