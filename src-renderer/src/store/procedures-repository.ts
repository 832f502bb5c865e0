import { formatLocalDate, vietnamDateOf } from '../../../src-shared/domain/calendar';
import { proceduresInForceOn, versionKey, type Procedure } from '../../../src-shared/domain/catalogue';
import { createIdGenerator, type Officer } from '../../../src-shared/domain/records';
import { err, ok, type Failure, type Result } from '../../../src-shared/result';
import { compareVietnamese } from '../../../src-shared/text';
import { appendAudit } from './audit';
import { storeFailures } from './errors';
import { toFailure } from './failures';
import type { MotCuaDb, ProcedureRow } from './schema';

/**
 * The local copy of the procedure catalogue: whole catalogue `Procedure`s, one row per version. Search stays
 * with the catalogue module (`indexCatalogue` over `listProcedures`), which matches codes and words anywhere,
 * so the table needs no index beyond its key.
 */

/**
 * `${versionKey}@${effectiveFrom}`. The catalogue's version key (local code, else national code + level) is what
 * it checks versions against, so two entries of one national code at different levels or with different local
 * codes, both valid in one import, cannot collide as they would on `${nationalCode}@${effectiveFrom}`.
 */
export function procedureKey(procedure: Procedure): string {
  return `${versionKey(procedure)}@${procedure.effectiveFrom}`;
}

export function toProcedureRow(procedure: Procedure, updatedAt: number): ProcedureRow {
  return { ...procedure, code: procedureKey(procedure), updatedAt };
}

export function fromProcedureRow(row: ProcedureRow): Procedure {
  const { code: _code, updatedAt: _updatedAt, ...procedure } = row;
  return procedure;
}

/** Who the audit log names when the kiosk itself loads a catalogue (the sample one on a fresh install). */
export const systemActor: Officer = { officerId: 'system', name: 'MotCua' };

export type ReplaceCatalogueOptions = {
  readonly actor?: Officer;
  /** Time-ordered ids for the audit entry; defaults to a generator on `now` and Web Crypto. */
  readonly newId?: () => string;
};

export type CatalogueReplaced = { readonly stored: number; readonly removed: number };

/**
 * Replaces the whole catalogue (a province publishes it whole) in ONE read-write transaction with its audit
 * entry: the counter sees the old catalogue or the new one, never a mix. A few thousand rows fit one bulkAdd.
 */
export async function replaceCatalogue(
  db: MotCuaDb,
  procedures: readonly Procedure[],
  now: number,
  options: ReplaceCatalogueOptions = {},
): Promise<Result<CatalogueReplaced, Failure>> {
  const rows = procedures.map((procedure) => toProcedureRow(procedure, now));
  // Checked before writing: bulkAdd would abort on the duplicate too, but with an engine message naming no row.
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.code)) return err(storeFailures.duplicateProcedure(row.code));
    seen.add(row.code);
  }
  const newId = options.newId ?? createIdGenerator({ now: () => now, fillRandom: (bytes) => crypto.getRandomValues(bytes) });
  try {
    const replaced = await db.transaction('rw', [db.procedures, db.audit], async () => {
      const removed = await db.procedures.count();
      await db.procedures.clear();
      await db.procedures.bulkAdd(rows);
      await appendAudit(db.audit, {
        id: newId(),
        at: now,
        actor: options.actor ?? systemActor,
        action: 'catalogue.replace',
        entity: 'catalogue',
        entityId: 'procedures',
        detail: { stored: rows.length, removed },
      });
      return { stored: rows.length, removed };
    });
    return ok(replaced);
  } catch (error) {
    return err(toFailure(error, 'write'));
  }
}

/**
 * The procedures in force on the Vietnamese day of `now`, in Vietnamese alphabetical order of their names
 * (ties by key, so the order is stable). IndexedDB orders strings by code unit, not by Vietnamese collation,
 * so the sort happens here; the table is small (a province's catalogue, a few thousand rows).
 */
export async function listProcedures(db: MotCuaDb, now: number = Date.now()): Promise<Procedure[]> {
  const today = formatLocalDate(vietnamDateOf(now));
  const rows = await db.procedures.toArray();
  return proceduresInForceOn(rows.map(fromProcedureRow), today).sort(
    (a, b) => compareVietnamese(a.name, b.name) || compareKeys(procedureKey(a), procedureKey(b)),
  );
}

/** Every stored version, in force or not: zero means no catalogue was ever loaded. */
export function procedureCount(db: MotCuaDb): Promise<number> {
  return db.procedures.count();
}

function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
