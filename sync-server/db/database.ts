/**
 * One storage interface for both back ends: embedded PGlite (the default) and PostgreSQL (`DATABASE_URL`). Both
 * speak the same SQL, so the migrations and every query are written once (`$1` parameters, PostgreSQL types).
 */
export type Row = Readonly<Record<string, unknown>>;

export type Sql = {
  query<R extends Row = Row>(text: string, params?: readonly unknown[]): Promise<R[]>;
  /** Several statements, no parameters (migrations). */
  exec(text: string): Promise<void>;
};

export type TransactionOptions = {
  /** Read-only snapshots (pull pages with their checksum) use REPEATABLE READ; writes lock rows instead. */
  readonly isolation?: 'read committed' | 'repeatable read';
  /** A read-only transaction needs no durable flush. */
  readonly readOnly?: boolean;
};

export type Database = Sql & {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `body` in one transaction; commits only if it resolves. Durable (flushed) when it returns. */
  transaction<T>(body: (tx: Sql) => Promise<T>, options?: TransactionOptions): Promise<T>;
  close(): Promise<void>;
};

/** PostgreSQL returns bigint and numeric as strings: read them back as safe integers. */
export function int(value: unknown): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw new Error(`not a safe integer: ${String(value)}`);
  return n;
}

export function intOrNull(value: unknown): number | null {
  return value === null || value === undefined ? null : int(value);
}
