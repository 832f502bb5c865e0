import type { DiscoveredDevice } from '../../src-shared/api/devices';

export type DeviceDiff = {
  readonly added: readonly DiscoveredDevice[];
  readonly removed: readonly DiscoveredDevice[];
  /** Same id, different state, card or printer status (a card put on a reader, paper out). */
  readonly changed: readonly DiscoveredDevice[];
};

const fingerprint = (d: DiscoveredDevice): string => JSON.stringify([d.state, d.path, d.card, d.printer, d.lastError?.code]);

export function diffDevices(before: readonly DiscoveredDevice[], after: readonly DiscoveredDevice[]): DeviceDiff {
  const old = new Map(before.map((d) => [d.id, d]));
  const now = new Map(after.map((d) => [d.id, d]));
  const added = after.filter((d) => !old.has(d.id));
  const removed = before.filter((d) => !now.has(d.id));
  const changed = after.filter((d) => {
    const was = old.get(d.id);
    return was !== undefined && fingerprint(was) !== fingerprint(d);
  });
  return { added, removed, changed };
}

export const isEmptyDiff = (diff: DeviceDiff): boolean => diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
