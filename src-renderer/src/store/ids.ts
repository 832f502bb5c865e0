import { createIdGenerator, type IdGenerator } from '../../../src-shared/domain/records';

/** The renderer's id source: the platform clock and the Web Crypto random generator. */
export function browserIdGenerator(): IdGenerator {
  return createIdGenerator({ now: () => Date.now(), fillRandom: (bytes) => crypto.getRandomValues(bytes) });
}
