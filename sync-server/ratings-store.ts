import type { Rating } from '../src-shared/domain/ratings/rating';
import { int, type Sql } from './db/database';

/**
 * Citizens' ratings on the server (Decision 766, satisfaction group): written in the push transaction that
 * accepted them, keyed (unit, rating id) so a rating delivered twice — a retried push, or the same rating queued
 * again under a new mutation id — is kept once. They are the province's raw data; kiosks never pull them back.
 */
export async function writeRatings(sql: Sql, unitId: string, kioskId: string, ratings: readonly Rating[], receivedAt: number): Promise<void> {
  if (ratings.length === 0) return;
  await sql.query(
    `INSERT INTO ratings (unit_id, id, kiosk_id, at, record_code, overall, data, received_at)
     SELECT $1, t.id, $2, t.at, t.record_code, t.overall, t.data, $3
     FROM unnest($4::text[], $5::bigint[], $6::text[], $7::text[], $8::jsonb[]) AS t(id, at, record_code, overall, data)
     ON CONFLICT (unit_id, id) DO NOTHING`,
    [
      unitId,
      kioskId,
      receivedAt,
      ratings.map((r) => r.id),
      ratings.map((r) => r.at),
      ratings.map((r) => r.recordCode ?? null),
      ratings.map((r) => r.overall),
      ratings.map((r) => JSON.stringify(r)),
    ],
  );
}

/** How many ratings each partition holds (for `GET /v1/metrics`); partitions without any are absent. */
export async function ratingCounts(sql: Sql, unitId: string | undefined): Promise<Map<string, number>> {
  const rows = await sql.query('SELECT unit_id, count(*) AS n FROM ratings WHERE $1::text IS NULL OR unit_id = $1 GROUP BY unit_id', [unitId ?? null]);
  return new Map(rows.map((r) => [String(r.unit_id), int(r.n)]));
}
