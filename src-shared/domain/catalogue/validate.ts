import { catalogueFailures, type CatalogueFailure } from './errors';
import type { Procedure } from './procedure';
import { versionKey, versionsOverlap } from './versions';

/** A problem of a whole catalogue (each procedure is already schema-valid); `index` is its position. */
export type CatalogueIssue = CatalogueFailure & {
  readonly severity: 'error' | 'warning';
  readonly index: number;
  readonly procedureCode: string;
};

/**
 * Checks what no single procedure can: two versions of one procedure in force at once (an error: the counter
 * would not know which rules apply). Warns about entries still marked for verification and entries without
 * required documents, which the counter cannot check a file against.
 */
export function validateCatalogue(procedures: readonly Procedure[]): CatalogueIssue[] {
  const issues: CatalogueIssue[] = [];
  const add = (severity: CatalogueIssue['severity'], index: number, procedure: Procedure, failure: CatalogueFailure): void => {
    issues.push({ ...failure, severity, index, procedureCode: procedure.localCode ?? procedure.nationalCode });
  };
  const seen = new Map<string, number[]>();
  procedures.forEach((procedure, index) => {
    const key = versionKey(procedure);
    const earlier = seen.get(key) ?? [];
    if (earlier.some((other) => versionsOverlap(procedures[other] ?? procedure, procedure))) {
      add('error', index, procedure, catalogueFailures.overlappingVersions(procedure.nationalCode));
    }
    seen.set(key, [...earlier, index]);
    if (procedure.verify) add('warning', index, procedure, catalogueFailures.needsVerification(procedure.nationalCode));
    if (procedure.documents.length === 0) add('warning', index, procedure, catalogueFailures.noDocuments(procedure.nationalCode));
  });
  return issues;
}
