import pg from 'pg';
import type { Database, Row, Sql } from './database';

const retryable = new Set(['40001', '40P01']);
const maxAttempts = 8;

function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error).code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * PostgreSQL through a pool. Several server instances may share one database: correctness comes from row locks
 * taken inside each transaction (see sync-store.ts); a serialization failure or a deadlock is retried here.
 */
export function openPostgres(url: string, poolSize = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client's error (the server restarted) must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);

  const run = async <R extends Row>(client: pg.Pool | pg.PoolClient, text: string, params?: readonly unknown[]): Promise<R[]> => {
    const result = await client.query<R>(text, params === undefined ? [] : [...params]);
    return result.rows;
  };

  return {
    kind: 'postgres',
    query: (text, params) => run(pool, text, params),
    exec: async (text) => {
      await pool.query(text);
    },
    async transaction(body, options) {
      for (let attempt = 1; ; attempt += 1) {
        const client = await pool.connect();
        try {
          await client.query(options?.isolation === 'repeatable read' ? 'BEGIN ISOLATION LEVEL REPEATABLE READ' : 'BEGIN');
          const sql: Sql = {
            query: (text, params) => run(client, text, params),
            exec: async (text) => {
              await client.query(text);
            },
          };
          const result = await body(sql);
          await client.query('COMMIT');
          return result;
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          if (attempt < maxAttempts && retryable.has(sqlState(error) ?? '')) continue;
          throw error;
        } finally {
          client.release();
        }
      }
    },
    close: () => pool.end(),
  };
}
