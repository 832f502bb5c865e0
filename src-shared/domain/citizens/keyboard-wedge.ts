/**
 * Counter barcode scanners type like a keyboard. A scan is a burst: many keys, each within a few tens of ms
 * of the last (~10 ms on fast scanners, up to ~80 ms on slow ones), ended by Enter; people type slower and
 * unevenly. This detector sees key events with their times and reports completed bursts.
 */
export type WedgeOptions = { readonly maxGapMs: number; readonly minLength: number };
export const defaultWedgeOptions: WedgeOptions = { maxGapMs: 80, minLength: 20 };

export type KeyboardWedge = {
  /** Feed one printable key (or 'Enter'); returns the scanned text when Enter closes a burst. */
  key(key: string, at: number): string | undefined;
};

export function createKeyboardWedge(options: WedgeOptions = defaultWedgeOptions): KeyboardWedge {
  let buffer = '';
  let last = -Infinity;
  return {
    key(key, at) {
      const gap = at - last;
      last = at;
      if (gap > options.maxGapMs) buffer = '';
      if (key === 'Enter') {
        const scanned = buffer;
        buffer = '';
        return scanned.length >= options.minLength ? scanned : undefined;
      }
      if (key.length === 1) buffer += key;
      return undefined;
    },
  };
}
