import type { Database } from './database';

/**
 * The schema, one entry per version, applied in order in one transaction under an advisory lock, so several
 * server instances starting together against one PostgreSQL migrate once. Never edit a released entry.
 */
const steps: readonly string[] = [
  `
  CREATE TABLE server_meta (key text PRIMARY KEY, value text NOT NULL);
  -- One row per Center (unit electronic ID): its revision counter, locked FOR UPDATE by every write.
  CREATE TABLE partitions (
    unit_id text PRIMARY KEY,
    rev bigint NOT NULL DEFAULT 0,
    horizon_rev bigint NOT NULL DEFAULT 0
  );
  CREATE TABLE kiosks (
    kiosk_id text PRIMARY KEY,
    unit_id text NOT NULL REFERENCES partitions(unit_id),
    slot int NOT NULL,
    token_hash text NOT NULL UNIQUE,
    last_mutation_id bigint NOT NULL DEFAULT 0,
    enrolled_at bigint NOT NULL,
    last_contact_at bigint,
    pending_count int NOT NULL DEFAULT 0,
    oldest_pending_at bigint,
    UNIQUE (unit_id, slot)
  );
  CREATE TABLE enrollment_codes (
    code_hash text PRIMARY KEY,
    unit_id text NOT NULL REFERENCES partitions(unit_id),
    expires_at bigint NOT NULL,
    used_at bigint
  );
  CREATE TABLE records (
    id text PRIMARY KEY,
    unit_id text NOT NULL REFERENCES partitions(unit_id),
    code text NOT NULL,
    rev bigint NOT NULL,
    version int NOT NULL,
    data jsonb NOT NULL,
    UNIQUE (unit_id, code)
  );
  CREATE INDEX records_by_rev ON records (unit_id, rev);
  -- Every mutation ever processed, applied or failed: (kiosk, id) once, which proves exactly-once.
  CREATE TABLE mutations (
    kiosk_id text NOT NULL,
    mutation_id bigint NOT NULL,
    status text NOT NULL,
    kind text NOT NULL,
    entity_id text NOT NULL,
    error jsonb,
    payload jsonb,
    processed_at bigint NOT NULL,
    PRIMARY KEY (kiosk_id, mutation_id)
  );
  CREATE TABLE blobs (hash text PRIMARY KEY, size bigint NOT NULL DEFAULT 0, complete boolean NOT NULL DEFAULT false, created_at bigint NOT NULL);
  CREATE TABLE blob_chunks (hash text NOT NULL, "offset" bigint NOT NULL, data bytea NOT NULL, PRIMARY KEY (hash, "offset"));
  CREATE TABLE ticket_counters (unit_id text NOT NULL, day text NOT NULL, field_code text NOT NULL, last_number int NOT NULL, PRIMARY KEY (unit_id, day, field_code));
  CREATE TABLE tickets (
    id text PRIMARY KEY,
    unit_id text NOT NULL,
    day text NOT NULL,
    field_code text NOT NULL,
    number int NOT NULL,
    priority boolean NOT NULL,
    state text NOT NULL,
    counter_id text,
    issued_at bigint NOT NULL,
    called_at bigint,
    UNIQUE (unit_id, day, field_code, number)
  );
  CREATE INDEX tickets_waiting ON tickets (unit_id, day, state);
  CREATE TABLE code_block_days (unit_id text NOT NULL, day text NOT NULL, next_number int NOT NULL, PRIMARY KEY (unit_id, day));
  CREATE TABLE code_blocks (unit_id text NOT NULL, day text NOT NULL, first int NOT NULL, last int NOT NULL, kiosk_id text NOT NULL, leased_at bigint NOT NULL, PRIMARY KEY (unit_id, day, first));
  `,
  `
  -- Citizens' ratings (rating.submit mutations), kept once per (unit, rating id); never pulled by kiosks.
  CREATE TABLE ratings (
    unit_id text NOT NULL REFERENCES partitions(unit_id),
    id text NOT NULL,
    kiosk_id text NOT NULL,
    at bigint NOT NULL,
    record_code text,
    overall text NOT NULL,
    data jsonb NOT NULL,
    received_at bigint NOT NULL,
    PRIMARY KEY (unit_id, id)
  );
  CREATE INDEX ratings_by_time ON ratings (unit_id, at);
  `,
  `
  -- Citizens' documents kept at a self-service point (citizen-documents.keep), once per (unit, id); a counter of the
  -- unit finds them by the citizen's ID number. Never pulled by kiosks.
  CREATE TABLE citizen_documents (
    unit_id text NOT NULL REFERENCES partitions(unit_id),
    id text NOT NULL,
    citizen_id text NOT NULL,
    kiosk_id text NOT NULL,
    kept_at bigint NOT NULL,
    pdf_hash text NOT NULL,
    data jsonb NOT NULL,
    received_at bigint NOT NULL,
    PRIMARY KEY (unit_id, id)
  );
  CREATE INDEX citizen_documents_by_citizen ON citizen_documents (unit_id, citizen_id, received_at);
  -- The citizen's copy links: only the token's SHA-256, and when it stops working.
  CREATE TABLE document_copies (
    token_hash text PRIMARY KEY,
    unit_id text NOT NULL,
    citizen_id text NOT NULL,
    document_ids jsonb NOT NULL,
    created_at bigint NOT NULL,
    expires_at bigint NOT NULL
  );
  `,
  `
  -- The citizen a self-service point identified (chip + face) before issuing the ticket: handed only to the counter
  -- that calls it, so the officer opens the citizen's file without identifying them again. Null for every other ticket.
  ALTER TABLE tickets ADD COLUMN citizen_id text;
  `,
  `
  -- The kiosk's id of an issue request: a repeated request gets the ticket already issued. A request the kiosk gave
  -- up on (no answer in time: it issued its own ticket instead) is withdrawn, and stays refused if it arrives later.
  ALTER TABLE tickets ADD COLUMN request_id text;
  CREATE UNIQUE INDEX tickets_by_request ON tickets (unit_id, request_id);
  CREATE TABLE ticket_withdrawals (unit_id text NOT NULL, request_id text NOT NULL, at bigint NOT NULL, PRIMARY KEY (unit_id, request_id));
  `,
  `
  -- A ticket a kiosk issued on its own while the Center was unreachable, handed over when it answered again: it keeps
  -- the number printed on it (the kiosk's slot × 1000 + n), so the citizen hears the number they hold. Those numbers
  -- are unique per day across fields (the slot is the first digit); the Center's own stay unique per field.
  ALTER TABLE tickets ADD COLUMN kiosk_number boolean NOT NULL DEFAULT false;
  ALTER TABLE tickets DROP CONSTRAINT tickets_unit_id_day_field_code_number_key;
  CREATE UNIQUE INDEX tickets_center_number ON tickets (unit_id, day, field_code, number) WHERE NOT kiosk_number;
  CREATE UNIQUE INDEX tickets_kiosk_number ON tickets (unit_id, day, number) WHERE kiosk_number;
  `,
  `
  -- The kiosk's id of the call-next request that called the ticket: a repeated request answers the same ticket, and
  -- a call its kiosk gave up on (no answer in time) is undone — the ticket waits again, first in its line.
  ALTER TABLE tickets ADD COLUMN call_request_id text;
  CREATE UNIQUE INDEX tickets_by_call_request ON tickets (unit_id, call_request_id);
  `,
];

export const schemaVersion = steps.length;

export async function migrate(db: Database, newEpoch: () => string): Promise<{ readonly epoch: string; readonly from: number }> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(7270001)');
    await tx.query('CREATE TABLE IF NOT EXISTS schema_version (version int NOT NULL)');
    const rows = await tx.query<{ version: number }>('SELECT version FROM schema_version');
    const from = rows[0]?.version ?? 0;
    if (from > steps.length) throw new Error(`database schema ${from} is newer than this server (${steps.length})`);
    for (let v = from; v < steps.length; v += 1) await tx.exec(steps[v] ?? '');
    if (rows.length === 0) await tx.query('INSERT INTO schema_version (version) VALUES ($1)', [steps.length]);
    else await tx.query('UPDATE schema_version SET version = $1', [steps.length]);
    // The epoch names this database's revision history: a kiosk holding another epoch's checkpoint refetches.
    await tx.query(`INSERT INTO server_meta (key, value) VALUES ('epoch', $1) ON CONFLICT (key) DO NOTHING`, [newEpoch()]);
    const epoch = await tx.query<{ value: string }>(`SELECT value FROM server_meta WHERE key = 'epoch'`);
    return { epoch: epoch[0]?.value ?? '', from };
  });
}
