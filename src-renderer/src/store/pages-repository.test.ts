import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openOrThrow, uniqueDbName } from './fixtures.testing';
import { contentHash, getPage, putPage } from './pages-repository';
import type { MotCuaDb } from './schema';

const open: MotCuaDb[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

describe('scanned pages', () => {
  it('are keyed by their SHA-256', async () => {
    expect(await contentHash(new Blob(['abc']))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('are stored once, and read back intact', async () => {
    const db = await openOrThrow(uniqueDbName());
    open.push(db);
    const page = new Blob([new Uint8Array([0x25, 0x50, 0x44, 0x46, 1, 2, 3])], { type: 'application/pdf' });
    const first = await putPage(db, page, () => 42);
    const second = await putPage(db, new Blob([await page.arrayBuffer()], { type: 'application/pdf' }), () => 43);
    expect(first.ok && first.value.alreadyStored).toBe(false);
    expect(second.ok && second.value.alreadyStored).toBe(true);
    expect(first.ok && second.ok && first.value.hash === second.value.hash).toBe(true);
    expect(await db.pages.count()).toBe(1);

    const hash = first.ok ? first.value.hash : '';
    const read = await getPage(db, hash);
    if (!read.ok || read.value === null) throw new Error('page missing');
    expect(read.value).toMatchObject({ hash, type: 'application/pdf', size: 7, createdAt: 42 });
    expect(new Uint8Array(await read.value.blob.arrayBuffer())).toEqual(new Uint8Array([0x25, 0x50, 0x44, 0x46, 1, 2, 3]));
    expect(await contentHash(read.value.blob)).toBe(hash);

    const none = await getPage(db, '0'.repeat(64));
    expect(none.ok && none.value).toBeNull();
  });
});
