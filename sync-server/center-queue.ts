import { randomUUID } from 'node:crypto';
import { formatLocalDate, vietnamDateOf } from '../src-shared/domain/calendar';
import { centerTicketLabel, formatTicketNumber } from '../src-shared/domain/queue/ticket';
import { estimatedWaitMs, serviceTimes, type FieldServiceTime } from '../src-shared/domain/queue/wait-estimate';
import { err, ok, type Failure, type Result } from '../src-shared/result';
import { syncFailures } from '../src-shared/sync/errors';
import { maxRecentCalls, type HandedOverTicket, type IssuedTicket, type QueueSummary, type ServerTicket } from '../src-shared/sync/protocol';
import { int, intOrNull, type Database, type Row, type Sql } from './db/database';

/**
 * Each field's letter lives in `ticket_counters` under reserved keys, so the Center queue needs no schema change:
 * day `*` (never a date) holds, per unit, the row `#` (letters handed out so far) and one row `#<field>` per field
 * (its series). `#` cannot start a field code (`[A-Za-z0-9._-]`), so no real counter row is ever mistaken for one.
 * A letter is given once per Center, at the field's first ticket, and kept, so the signs at the counters stay true.
 */
const lettersDay = '*';
const lettersCounter = '#';
const letterKey = (fieldCode: string): string => `#${fieldCode}`;

export const dayOf = (at: number): string => formatLocalDate(vietnamDateOf(at));

/** The shared Center queue: one authority for numbers, calls, skips and transfers while the LAN is up. */
export function createCenterQueue(db: Database, now: () => number) {
  /**
   * The field's series, assigned on first use. Callers of issue hold the field's day-counter row lock, so two
   * first tickets of one field never race; the `#` row's lock orders first tickets of different fields.
   */
  async function seriesOf(sql: Sql, unitId: string, fieldCode: string): Promise<number> {
    const read = async () => (await sql.query('SELECT last_number FROM ticket_counters WHERE unit_id = $1 AND day = $2 AND field_code = $3', [unitId, lettersDay, letterKey(fieldCode)]))[0];
    const known = await read();
    if (known !== undefined) return int(known.last_number);
    const count = await sql.query(
      `INSERT INTO ticket_counters (unit_id, day, field_code, last_number) VALUES ($1, $2, $3, 1)
       ON CONFLICT (unit_id, day, field_code) DO UPDATE SET last_number = ticket_counters.last_number + 1 RETURNING last_number`,
      [unitId, lettersDay, lettersCounter],
    );
    await sql.query('INSERT INTO ticket_counters (unit_id, day, field_code, last_number) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [
      unitId,
      lettersDay,
      letterKey(fieldCode),
      int(count[0]?.last_number) - 1,
    ]);
    // Another instance may have lettered the field first (only across midnight, see above): its letter wins.
    return int((await read())?.last_number);
  }

  /** A handed-over ticket shows the four digits printed on it; the Center's own, its field's letter and number. */
  const labelOf = (row: Row, series: number): string => (row.kiosk_number === true ? formatTicketNumber(int(row.number)) : centerTicketLabel(series, int(row.number)));

  /** The ticket as anyone may see it: never the citizen's ID number (see callNext). */
  function toTicket(row: Row, series: number): ServerTicket {
    const state = row.state === 'called' || row.state === 'served' || row.state === 'skipped' ? row.state : 'waiting';
    return {
      id: String(row.id),
      unitId: String(row.unit_id),
      day: String(row.day),
      fieldCode: String(row.field_code),
      number: int(row.number),
      series,
      label: labelOf(row, series),
      kioskNumber: row.kiosk_number === true,
      priority: row.priority === true,
      state,
      counterId: typeof row.counter_id === 'string' ? row.counter_id : null,
      issuedAt: int(row.issued_at),
      calledAt: intOrNull(row.called_at),
    };
  }

  const ticketOf = async (sql: Sql, row: Row | undefined): Promise<ServerTicket | null> =>
    row === undefined ? null : toTicket(row, await seriesOf(sql, String(row.unit_id), String(row.field_code)));

  /** Today's calls of the unit (any counter), for the service-time estimate and the display. */
  async function callsOf(sql: Sql, unitId: string, day: string): Promise<Row[]> {
    return sql.query(
      `SELECT id, unit_id, field_code, number, kiosk_number, counter_id, called_at, state FROM tickets
       WHERE unit_id = $1 AND day = $2 AND state <> 'waiting' AND called_at IS NOT NULL AND counter_id IS NOT NULL ORDER BY called_at DESC, number DESC`,
      [unitId, day],
    );
  }

  const timesOf = (calls: readonly Row[], at: number): Map<string, FieldServiceTime> =>
    serviceTimes(
      calls.map((c) => ({ counterId: String(c.counter_id), fieldCode: String(c.field_code), calledAt: int(c.called_at) })),
      at,
    );

  /** Orders everything done with one request id (issue, call, hand-over, withdrawal) across server instances. */
  const lockRequest = (sql: Sql, unitId: string, requestId: string) => sql.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`ticket-request:${unitId}:${requestId}`]);

  /** Locks the request id for this transaction and answers whether its kiosk has withdrawn it. */
  async function withdrawnRequest(sql: Sql, unitId: string, requestId: string): Promise<boolean> {
    await lockRequest(sql, unitId, requestId);
    return (await sql.query('SELECT 1 FROM ticket_withdrawals WHERE unit_id = $1 AND request_id = $2', [unitId, requestId])).length > 0;
  }

  /** The people ahead of a waiting ticket and the estimated wait, counted in the caller's transaction. */
  async function issued(sql: Sql, ticket: ServerTicket, at: number): Promise<IssuedTicket> {
    // Priority tickets are called before the others of their field, so a priority ticket has only them ahead.
    const before = await sql.query(
      `SELECT count(*) AS n FROM tickets WHERE unit_id = $1 AND day = $2 AND field_code = $3 AND state = 'waiting' AND id <> $4 AND (NOT $5::boolean OR priority)`,
      [ticket.unitId, ticket.day, ticket.fieldCode, ticket.id, ticket.priority],
    );
    const ahead = int(before[0]?.n);
    const service = timesOf(await callsOf(sql, ticket.unitId, ticket.day), at).get(ticket.fieldCode);
    return { ...ticket, ahead, estimatedWaitMs: estimatedWaitMs(ahead, service) };
  }

  /**
   * The next number of a field today (UTC+7): the counter row is upserted and incremented under its row lock.
   * The people ahead are counted in the same transaction; the wait is estimated from today's calls. With a
   * `requestId`, a repeated request answers the ticket it already got, and a withdrawn one is refused.
   */
  async function issueTicket(unitId: string, fieldCode: string, priority: boolean, citizenId?: string, requestId?: string): Promise<Result<IssuedTicket, Failure>> {
    const at = now();
    const day = dayOf(at);
    return db.transaction(async (sql) => {
      if (requestId !== undefined) {
        if (await withdrawnRequest(sql, unitId, requestId)) return err(syncFailures.ticketWithdrawn());
        const earlier = await ticketOf(sql, (await sql.query('SELECT * FROM tickets WHERE unit_id = $1 AND request_id = $2', [unitId, requestId]))[0]);
        if (earlier !== null) return ok(await issued(sql, earlier, at));
      }
      const n = await sql.query(
        `INSERT INTO ticket_counters (unit_id, day, field_code, last_number) VALUES ($1, $2, $3, 1)
         ON CONFLICT (unit_id, day, field_code) DO UPDATE SET last_number = ticket_counters.last_number + 1 RETURNING last_number`,
        [unitId, day, fieldCode],
      );
      const series = await seriesOf(sql, unitId, fieldCode);
      const rows = await sql.query(
        `INSERT INTO tickets (id, unit_id, day, field_code, number, priority, state, issued_at, citizen_id, request_id) VALUES ($1, $2, $3, $4, $5, $6, 'waiting', $7, $8, $9) RETURNING *`,
        [randomUUID(), unitId, day, fieldCode, int(n[0]?.last_number), priority, at, citizenId ?? null, requestId ?? null],
      );
      return ok(await issued(sql, toTicket(rows[0] ?? {}, series), at));
    });
  }

  /**
   * Takes into the Center's queue the tickets a kiosk issued on its own while the Center was unreachable (today's,
   * still waiting, numbered in the kiosk's slot): they keep their id and printed number and are called in turn by
   * any counter, the oldest first. A ticket already taken answers as handed over; one of another day or slot, or
   * withdrawn, or whose number is taken (the database was replaced), is refused and stays on the kiosk.
   */
  async function handOverTickets(unitId: string, kioskSlot: number, tickets: readonly HandedOverTicket[]): Promise<{ handedOver: string[]; refused: string[] }> {
    const day = dayOf(now());
    return db.transaction(async (sql) => {
      const handedOver: string[] = [];
      const refused: string[] = [];
      for (const ticket of [...tickets].sort((a, b) => (a.id < b.id ? -1 : 1))) {
        if ((await withdrawnRequest(sql, unitId, ticket.id)) || Math.floor(ticket.number / 1000) !== kioskSlot || ticket.number % 1000 === 0 || dayOf(ticket.issuedAt) !== day) {
          refused.push(ticket.id);
          continue;
        }
        const rows = await sql.query(
          `INSERT INTO tickets (id, unit_id, day, field_code, number, priority, state, issued_at, citizen_id, request_id, kiosk_number)
           VALUES ($1, $2, $3, $4, $5, $6, 'waiting', $7, $8, $1, true) ON CONFLICT DO NOTHING RETURNING id`,
          [ticket.id, unitId, day, ticket.fieldCode, ticket.number, ticket.priority, ticket.issuedAt, ticket.citizenId ?? null],
        );
        const taken = rows.length > 0 || (await sql.query('SELECT 1 FROM tickets WHERE unit_id = $1 AND id = $2 AND kiosk_number', [unitId, ticket.id])).length > 0;
        (taken ? handedOver : refused).push(ticket.id);
      }
      return { handedOver, refused };
    });
  }

  /**
   * Withdraws the requests a kiosk gave up on. An issue's ticket still waiting is marked skipped (no counter calls a
   * number nobody holds; one already called is left as it is). A call's ticket still called by it waits again,
   * first in its line (no counter screen showed it; the displays will announce it again). Each id is remembered,
   * so a request that reaches the server only now is refused. Withdrawing twice is harmless.
   */
  async function withdrawTickets(unitId: string, requestIds: readonly string[]): Promise<number> {
    const at = now();
    return db.transaction(async (sql) => {
      let withdrawn = 0;
      for (const requestId of [...new Set(requestIds)].sort()) {
        await lockRequest(sql, unitId, requestId);
        await sql.query('INSERT INTO ticket_withdrawals (unit_id, request_id, at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [unitId, requestId, at]);
        const issued = await sql.query(`UPDATE tickets SET state = 'skipped' WHERE unit_id = $1 AND request_id = $2 AND state = 'waiting' RETURNING id`, [unitId, requestId]);
        const called = await sql.query(
          `UPDATE tickets SET state = 'waiting', counter_id = NULL, called_at = NULL, call_request_id = NULL
           WHERE unit_id = $1 AND call_request_id = $2 AND state = 'called' RETURNING id`,
          [unitId, requestId],
        );
        withdrawn += issued.length + called.length;
      }
      return withdrawn;
    });
  }

  /**
   * Finishes the counter's current ticket (served) and calls the next: one transferred to this counter, or one
   * waiting in its fields (all when none) and not transferred elsewhere; priority first, then the oldest. A row
   * lock with SKIP LOCKED gives each ticket to one counter.
   */
  async function callNext(unitId: string, counterId: string, fieldCodes: readonly string[], requestId?: string): Promise<Result<ServerTicket | null, Failure>> {
    const at = now();
    const day = dayOf(at);
    return db.transaction(async (sql) => {
      if (requestId !== undefined) {
        if (await withdrawnRequest(sql, unitId, requestId)) return err(syncFailures.ticketWithdrawn());
        const earlier = (await sql.query('SELECT * FROM tickets WHERE unit_id = $1 AND call_request_id = $2', [unitId, requestId]))[0];
        if (earlier !== undefined) return ok(await calledTicket(sql, earlier));
      }
      await sql.query(`UPDATE tickets SET state = 'served' WHERE unit_id = $1 AND day = $2 AND state = 'called' AND counter_id = $3`, [unitId, day, counterId]);
      const next = await sql.query(
        `SELECT id FROM tickets WHERE unit_id = $1 AND day = $2 AND state = 'waiting'
           AND (counter_id = $4 OR (counter_id IS NULL AND (cardinality($3::text[]) = 0 OR field_code = ANY($3::text[]))))
         ORDER BY priority DESC, issued_at, number LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [unitId, day, [...fieldCodes], counterId],
      );
      const id = next[0]?.id;
      if (id === undefined) return ok(null);
      const rows = await sql.query(`UPDATE tickets SET state = 'called', counter_id = $2, called_at = $3, call_request_id = $4 WHERE id = $1 RETURNING *`, [
        id,
        counterId,
        at,
        requestId ?? null,
      ]);
      const row = rows[0];
      return ok(row === undefined ? null : await calledTicket(sql, row));
    });
  }

  /** Only here does the citizen leave the server: to the counter now serving them (toTicket never adds it). */
  async function calledTicket(sql: Sql, row: Row): Promise<ServerTicket> {
    const ticket = toTicket(row, await seriesOf(sql, String(row.unit_id), String(row.field_code)));
    return typeof row.citizen_id === 'string' ? { ...ticket, citizenId: row.citizen_id } : ticket;
  }

  /**
   * Settles a called ticket: skipped (the citizen did not come), or handed to another counter, which calls it
   * before the others (as on a kiosk: it becomes priority, waiting for that counter only).
   */
  async function settleTicket(unitId: string, id: string, action: { kind: 'skip' } | { kind: 'transfer'; toCounter: string }): Promise<Result<ServerTicket, Failure>> {
    return db.transaction(async (sql) => {
      const rows =
        action.kind === 'skip'
          ? await sql.query(`UPDATE tickets SET state = 'skipped' WHERE id = $1 AND unit_id = $2 AND state = 'called' RETURNING *`, [id, unitId])
          : await sql.query(
              `UPDATE tickets SET state = 'waiting', counter_id = $3, priority = true, called_at = NULL WHERE id = $1 AND unit_id = $2 AND state = 'called' RETURNING *`,
              [id, unitId, action.toCounter],
            );
      const ticket = await ticketOf(sql, rows[0]);
      return ticket === null ? err(syncFailures.notFound(`called ticket ${id}`)) : ok(ticket);
    });
  }

  /** What a display and a waiting estimate need: waiting per field, service times, the last calls. */
  async function queueSummary(unitId: string, day: string = dayOf(now())): Promise<QueueSummary> {
    const at = now();
    return db.transaction(async (sql) => {
      const counts = await sql.query(
        `SELECT field_code, count(*) FILTER (WHERE state = 'waiting') AS waiting, count(*) FILTER (WHERE state = 'waiting' AND priority) AS priority_waiting
         FROM tickets WHERE unit_id = $1 AND day = $2 GROUP BY field_code ORDER BY field_code`,
        [unitId, day],
      );
      const calls = await callsOf(sql, unitId, day);
      const times = timesOf(calls, at);
      const series = new Map<string, number>();
      for (const field of new Set(counts.map((c) => String(c.field_code)))) series.set(field, await seriesOf(sql, unitId, field));
      const seriesFor = (field: string): number => series.get(field) ?? 0;
      return {
        unitId,
        day,
        at,
        fields: counts.map((c) => {
          const field = String(c.field_code);
          const time = times.get(field);
          return {
            fieldCode: field,
            series: seriesFor(field),
            waiting: int(c.waiting),
            priorityWaiting: int(c.priority_waiting),
            serviceMs: time?.serviceMs ?? null,
            samples: time?.samples ?? 0,
            counters: time?.counters ?? 0,
          };
        }),
        recentCalls: calls.slice(0, maxRecentCalls).map((c) => ({
          id: String(c.id),
          fieldCode: String(c.field_code),
          series: seriesFor(String(c.field_code)),
          number: int(c.number),
          label: labelOf(c, seriesFor(String(c.field_code))),
          counterId: String(c.counter_id),
          calledAt: int(c.called_at),
          state: c.state === 'served' || c.state === 'skipped' ? c.state : 'called',
        })),
      };
    });
  }

  return { issueTicket, handOverTickets, withdrawTickets, callNext, settleTicket, queueSummary };
}

export type CenterQueue = ReturnType<typeof createCenterQueue>;
