import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Row, Sql } from './database';

/**
 * Embedded PostgreSQL (PGlite, WASM). PGlite's Node file system issues no fsync at all (PERFORMANCE.md: 0 flushes in
 * 734 commits), so a commit would not survive a power cut. A push is acknowledged only after its commit is
 * durable: after every write transaction we fsync the write-ahead log ourselves, which is what PostgreSQL's own
 * commit would have flushed. `dataDir` undefined = in memory (tests).
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  const pg = await PGlite.create(dataDir === undefined ? {} : { dataDir });
  const walDir = dataDir === undefined ? null : join(dataDir, 'pg_wal');

  const query = async <R extends Row>(on: Pick<PGlite, 'query'>, text: string, params?: readonly unknown[]): Promise<R[]> => {
    const result = await on.query<R>(text, params === undefined ? [] : [...params]);
    return result.rows;
  };

  async function flushWal(): Promise<void> {
    if (walDir === null) return;
    for (const name of await readdir(walDir)) {
      if (!/^[0-9A-F]{24}$/.test(name)) continue;
      const handle = await open(join(walDir, name), 'r+');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
  }

  return {
    kind: 'pglite',
    query: (text, params) => query(pg, text, params),
    exec: async (text) => {
      await pg.exec(text);
    },
    async transaction(body, options) {
      const result = await pg.transaction(async (tx) => {
        if (options?.isolation === 'repeatable read') await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
        const sql: Sql = {
          query: (text, params) => query(tx, text, params),
          exec: async (text) => {
            await tx.exec(text);
          },
        };
        return body(sql);
      });
      if (options?.readOnly !== true) await flushWal();
      return result;
    },
    close: () => pg.close(),
  };
}
