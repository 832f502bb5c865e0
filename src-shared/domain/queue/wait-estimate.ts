/**
 * A waiting-time estimate from what a queue records: when each ticket was called and at which counter. The gap
 * between two consecutive calls of one counter is the time that counter spent on the earlier ticket (serving it,
 * or waiting for a citizen who did not come); its median per field is the field's service time. Rough by nature:
 * it ignores counters that serve several fields and the order of priority tickets, hence "≈" on screen.
 */
export type CallSample = { readonly counterId: string; readonly fieldCode: string; readonly calledAt: number };

export type FieldServiceTime = {
  /** Median gap in ms; null while the field has no gap yet today. */
  readonly serviceMs: number | null;
  readonly samples: number;
  /** Counters that called a ticket of the field within `activeWindowMs` before `now`. */
  readonly counters: number;
};

/** A longer gap is a pause (lunch, a meeting), not service: 11:30–13:30 must not make the morning look slow. */
export const maxServiceGapMs = 60 * 60_000;
export const activeWindowMs = 60 * 60_000;

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : Math.round(((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2);
}

const listIn = <K, V>(map: Map<K, V[]>, key: K): V[] => {
  const list = map.get(key) ?? [];
  map.set(key, list);
  return list;
};

export function serviceTimes(calls: readonly CallSample[], now: number): Map<string, FieldServiceTime> {
  const byCounter = new Map<string, CallSample[]>();
  for (const call of calls) listIn(byCounter, call.counterId).push(call);
  const gaps = new Map<string, number[]>();
  const active = new Map<string, string[]>();
  for (const [counterId, ofCounter] of byCounter) {
    const ordered = [...ofCounter].sort((a, b) => a.calledAt - b.calledAt);
    ordered.forEach((call, i) => {
      const next = ordered[i + 1];
      if (next !== undefined && next.calledAt - call.calledAt <= maxServiceGapMs) listIn(gaps, call.fieldCode).push(next.calledAt - call.calledAt);
      if (call.calledAt <= now && now - call.calledAt <= activeWindowMs) listIn(active, call.fieldCode).push(counterId);
    });
  }
  const fields = new Set(calls.map((c) => c.fieldCode));
  return new Map(
    [...fields].map((field): [string, FieldServiceTime] => {
      const ofField = gaps.get(field) ?? [];
      return [field, { serviceMs: median(ofField), samples: ofField.length, counters: new Set(active.get(field)).size }];
    }),
  );
}

/** The wait of someone with `ahead` people before them: their service spread over the counters serving the field. */
export function estimatedWaitMs(ahead: number, service: FieldServiceTime | undefined): number | null {
  if (service === undefined || service.serviceMs === null) return null;
  return Math.round((ahead * service.serviceMs) / Math.max(1, service.counters));
}

/** Whole minutes as shown ("≈ 12 phút"): rounded up, at least 1 once there is anyone ahead. */
export function waitMinutes(ms: number | null): number | undefined {
  if (ms === null) return undefined;
  return ms === 0 ? 0 : Math.max(1, Math.ceil(ms / 60_000));
}
