/**
 * Counter barcode scanners type like a keyboard. A scan is a burst: many keys, ~10 ms apart on fast scanners and
 * up to ~80 ms on slow ones, ended by Enter; people type slower and unevenly. This detector sees key events with
 * their times and reports completed bursts.
 *
 * It judges a burst by its average pace, not by its slowest gap: a busy page (or a loaded machine) can hold one key
 * event back by a few hundred ms in the middle of a real scan, and a max-gap rule would cut that scan in two and
 * drop its head. Only a pause long enough that no scanner makes it (`pauseMs`) starts a new burst.
 */
export type WedgeOptions = {
  /** A longer silence ends whatever was typed before: the next key starts a new burst. */
  readonly pauseMs: number;
  /** A burst whose keys came on average further apart than this was typed by a person. */
  readonly maxAverageGapMs: number;
  readonly minLength: number;
};
export const defaultWedgeOptions: WedgeOptions = { pauseMs: 600, maxAverageGapMs: 70, minLength: 20 };

export type KeyboardWedge = {
  /** Feed one printable key (or 'Enter'); returns the scanned text when Enter closes a burst. */
  key(key: string, at: number): string | undefined;
};

export function createKeyboardWedge(options: WedgeOptions = defaultWedgeOptions): KeyboardWedge {
  let buffer = '';
  let startedAt = 0;
  let last = -Infinity;
  return {
    key(key, at) {
      if (at - last > options.pauseMs) {
        buffer = '';
        startedAt = at;
      }
      last = at;
      if (key === 'Enter') {
        const scanned = buffer;
        buffer = '';
        // `scanned.length` gaps lie between its first key and the Enter.
        const averageGap = scanned.length === 0 ? Infinity : (at - startedAt) / scanned.length;
        return scanned.length >= options.minLength && averageGap <= options.maxAverageGapMs ? scanned : undefined;
      }
      if (key.length === 1) buffer += key;
      return undefined;
    },
  };
}
