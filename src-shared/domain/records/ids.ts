/**
 * Time-ordered ids in the UUIDv7 layout (RFC 9562): 48-bit Unix milliseconds, version 7, a 12-bit counter,
 * variant, 62 random bits. New rows then append at the end of IndexedDB's primary key instead of landing at
 * random places, which halved bulk loads and sped up range queries (PERFORMANCE.md).
 *
 * The clock and the random source are parameters because src-shared has no `crypto` global; the renderer
 * passes `Date.now` and `crypto.getRandomValues`.
 */
export type IdSource = {
  readonly now: () => number;
  readonly fillRandom: (bytes: Uint8Array) => void;
};

export type IdGenerator = () => string;

const maxCounter = 0xfff;
// Seeding the counter in the lower half leaves room for 2048+ ids in one millisecond before borrowing the next.
const counterSeedMask = 0x7ff;

const hex = (value: number, width: number): string => value.toString(16).padStart(width, '0');

/**
 * Ids from one generator are strictly increasing as strings, even when the clock stands still or goes back
 * (RFC 9562 §6.2, method 1): a backwards clock reuses the last millisecond and bumps the counter.
 */
export function createIdGenerator(source: IdSource): IdGenerator {
  let lastMs = -1;
  let counter = 0;
  const random = new Uint8Array(10);

  return () => {
    source.fillRandom(random);
    let ms = Math.max(Math.floor(source.now()), 0);
    if (ms > lastMs) {
      counter = (((random[8] ?? 0) << 8) | (random[9] ?? 0)) & counterSeedMask;
    } else {
      ms = lastMs;
      counter += 1;
      if (counter > maxCounter) {
        ms = lastMs + 1;
        counter = (((random[8] ?? 0) << 8) | (random[9] ?? 0)) & counterSeedMask;
      }
    }
    lastMs = ms;
    const b = (i: number): string => hex(random[i] ?? 0, 2);
    const variantByte = ((random[0] ?? 0) & 0x3f) | 0x80;
    return [
      hex(Math.floor(ms / 0x10000), 8),
      hex(ms % 0x10000, 4),
      `7${hex(counter, 3)}`,
      `${hex(variantByte, 2)}${b(1)}`,
      `${b(2)}${b(3)}${b(4)}${b(5)}${b(6)}${b(7)}`,
    ].join('-');
  };
}

const timeOrderedIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

export function isTimeOrderedId(text: string): boolean {
  return timeOrderedIdPattern.test(text);
}

/** The millisecond an id was made at (for display and diagnostics, never for ordering decisions). */
export function timeOfId(id: string): number | null {
  if (!isTimeOrderedId(id)) return null;
  return parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
