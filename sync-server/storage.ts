import type { Database } from './db/database';
import { openPglite } from './db/pglite';
import { openPostgres } from './db/postgres';

/** PostgreSQL when a URL is given; otherwise embedded PGlite on a data dir (or in memory when none: tests). */
export type StorageOptions = { readonly kind: 'postgres'; readonly url: string; readonly poolSize?: number } | { readonly kind: 'pglite'; readonly dataDir?: string };

export async function openStorage(options: StorageOptions): Promise<Database> {
  return options.kind === 'postgres' ? openPostgres(options.url, options.poolSize) : openPglite(options.dataDir);
}
