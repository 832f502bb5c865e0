import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware, Table } from 'dexie';
import { FailureError } from '../../../src-shared/result';
import { storeFailures } from './errors';
import type { AuditRow } from './schema';

export async function appendAudit(audit: Table<AuditRow, string>, entry: AuditRow): Promise<void> {
  await audit.add(entry);
}

/**
 * Enforces the audit log's append-only rule below every API (put, update, delete, clear, modify all reach the
 * DBCore as mutate requests), so no future code path can rewrite history by accident.
 */
export const auditAppendOnly: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'motcua-audit-append-only',
  create: (down) => ({
    ...down,
    table: (name: string): DBCoreTable => {
      const table = down.table(name);
      if (name !== 'audit') return table;
      return {
        ...table,
        mutate: (req: DBCoreMutateRequest) =>
          req.type === 'add' ? table.mutate(req) : Promise.reject(new FailureError(storeFailures.auditAppendOnly())),
      };
    },
  }),
};
