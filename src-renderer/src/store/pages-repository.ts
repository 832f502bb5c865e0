import { ok, err, type Result, type Failure } from '../../../src-shared/result';
import { toFailure } from './failures';
import type { MotCuaDb, PageRow } from './schema';

/**
 * Scanned pages live in their own table keyed by SHA-256, never inside a record (PERFORMANCE.md); records list
 * the hashes. The same page scanned twice is stored once. Hash before any transaction: awaiting Web Crypto
 * inside a Dexie transaction would let it commit early.
 */
export async function contentHash(blob: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export type StoredPage = { readonly hash: string; readonly size: number; readonly alreadyStored: boolean };

export async function putPage(db: MotCuaDb, blob: Blob, now: () => number = Date.now): Promise<Result<StoredPage, Failure>> {
  try {
    const hash = await contentHash(blob);
    const alreadyStored = await db.transaction('rw', db.pages, async () => {
      if ((await db.pages.where('hash').equals(hash).count()) > 0) return true;
      const row: PageRow = { hash, blob, type: blob.type, size: blob.size, createdAt: now() };
      await db.pages.add(row);
      return false;
    });
    return ok({ hash, size: blob.size, alreadyStored });
  } catch (error) {
    return err(toFailure(error, 'write'));
  }
}

export async function getPage(db: MotCuaDb, hash: string): Promise<Result<PageRow | null, Failure>> {
  try {
    return ok((await db.pages.get(hash)) ?? null);
  } catch (error) {
    return err(toFailure(error, 'read'));
  }
}
