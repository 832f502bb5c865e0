import { describe, expect, it } from 'vitest';
import { requestPersistentStorage } from './persistence';

describe('persistent storage', () => {
  it('is unsupported without a storage manager', async () => {
    expect(await requestPersistentStorage(undefined)).toBe('unsupported');
    expect(await requestPersistentStorage({})).toBe('unsupported');
  });

  it('reports what the browser answered', async () => {
    expect(await requestPersistentStorage({ persist: () => Promise.resolve(true) })).toBe('granted');
    expect(await requestPersistentStorage({ persist: () => Promise.resolve(false) })).toBe('denied');
  });

  it('does not ask again when already persisted', async () => {
    let asked = false;
    const storage = {
      persisted: () => Promise.resolve(true),
      persist: () => {
        asked = true;
        return Promise.resolve(true);
      },
    };
    expect(await requestPersistentStorage(storage)).toBe('granted');
    expect(asked).toBe(false);
  });

  it('treats a failing request as denied', async () => {
    expect(await requestPersistentStorage({ persist: () => Promise.reject(new Error('no')) })).toBe('denied');
  });
});
