import { parseCsv } from '../../text/csv';
import { textErrorCodes } from '../../text/errors';
import { catalogueCsvColumns, csvFieldOf, rowToProcedureInput } from './csv-layout';
import { catalogueErrorCodes, catalogueFailures } from './errors';
import { formatPath, issueFromFailure, issuesFromZod, type ImportIssue, type ImportReport } from './import-report';
import { catalogueFileSchema, procedureSchema, type Procedure } from './procedure';
import { versionKey, versionsOverlap } from './versions';

/**
 * Imports a province's catalogue. Each row is checked on its own, every problem is reported with its row
 * and field, and the good procedures are returned even when others fail: an officer fixing a spreadsheet
 * wants the whole list of mistakes at once.
 */
export function importCatalogue(text: string, format: 'json' | 'csv'): ImportReport {
  return format === 'json' ? importCatalogueJson(text) : importCatalogueCsv(text);
}

type Candidate = { readonly row: number; readonly procedure: Procedure; readonly line?: number };

/** Drops a later row that repeats a procedure already in force over an overlapping period. */
function keepFirstVersions(candidates: readonly Candidate[], errors: ImportIssue[]): Procedure[] {
  const kept: Candidate[] = [];
  for (const candidate of candidates) {
    const clash = kept.find(
      (other) => versionKey(other.procedure) === versionKey(candidate.procedure) && versionsOverlap(other.procedure, candidate.procedure),
    );
    if (clash === undefined) {
      kept.push(candidate);
    } else {
      const issue = issueFromFailure(catalogueFailures.duplicateCode(candidate.procedure.nationalCode, clash.row), candidate.row);
      errors.push(candidate.line === undefined ? issue : { ...issue, line: candidate.line });
    }
  }
  return kept.map((candidate) => candidate.procedure);
}

/** A catalogue file (`{ format: "motcua.catalogue", formatVersion: 1, title, procedures: [...] }`) or a bare array. */
export function importCatalogueJson(text: string): ImportReport {
  const errors: ImportIssue[] = [];
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { procedures: [], errors: [issueFromFailure(catalogueFailures.invalidJson(detail), 0)], warnings: [] };
  }

  let items: readonly unknown[];
  if (Array.isArray(data)) {
    items = data;
  } else {
    const file = catalogueFileSchema.safeParse(data, { reportInput: true });
    if (!file.success) {
      const detail = file.error.issues.map((issue) => formatPath(issue.path) || issue.code).join(', ');
      return { procedures: [], errors: [issueFromFailure(catalogueFailures.fileFormat(detail), 0)], warnings: [] };
    }
    items = file.data.procedures;
  }

  const candidates: Candidate[] = [];
  items.forEach((item, index) => {
    const row = index + 1;
    const parsed = procedureSchema.safeParse(item, { reportInput: true });
    if (parsed.success) candidates.push({ row, procedure: parsed.data });
    else errors.push(...issuesFromZod(parsed.error.issues, row));
  });
  const procedures = keepFirstVersions(candidates, errors);
  return { procedures, errors, warnings: [] };
}

const knownColumns = new Set(catalogueCsvColumns.map((column) => column.name));

/** The CSV layout of csv-layout.ts; rows are numbered as a spreadsheet shows them (header = row 1). */
export function importCatalogueCsv(text: string): ImportReport {
  const errors: ImportIssue[] = [];
  const warnings: ImportIssue[] = [];
  const { records, problems } = parseCsv(text);

  const rowOfLine = (line: number): number => {
    let row = 0;
    records.forEach((record, index) => {
      if (record.line <= line) row = index + 1;
    });
    return row;
  };
  for (const problem of problems) {
    const issue: ImportIssue = {
      row: rowOfLine(problem.line),
      field: '',
      code: catalogueErrorCodes.csvSyntax,
      message: problem.message,
      messageEn: problem.messageEn,
      line: problem.line,
    };
    // An unclosed quote swallows the rest of the file: the rows after it are lost, so it is an error.
    (problem.code === textErrorCodes.csvUnterminatedQuote ? errors : warnings).push(issue);
  }

  const [headerRecord, ...dataRecords] = records;
  if (headerRecord === undefined) return { procedures: [], errors, warnings };
  const header = headerRecord.fields.map((name) => name.trim().toLowerCase());
  for (const name of header) {
    if (name !== '' && !knownColumns.has(name)) warnings.push(issueFromFailure(catalogueFailures.csvUnknownColumn(name), 1));
  }
  const missing = catalogueCsvColumns.filter((column) => column.required && !header.includes(column.name));
  if (missing.length > 0) {
    errors.push(...missing.map((column) => issueFromFailure(catalogueFailures.csvMissingColumn(column.name), 1)));
    return { procedures: [], errors, warnings };
  }

  const candidates: Candidate[] = [];
  dataRecords.forEach((record, index) => {
    const row = index + 2;
    if (record.fields.every((cell) => cell.trim() === '')) return;
    const cells = new Map(header.map((name, i) => [name, record.fields[i] ?? '']));
    const { input, cellProblems } = rowToProcedureInput(cells);
    const at = (issue: ImportIssue): ImportIssue => ({ ...issue, line: record.line });
    for (const { column, problem } of cellProblems) {
      errors.push(at(issueFromFailure(catalogueFailures.csvBadCell(column, problem.vi, problem.en), row)));
    }
    const parsed = procedureSchema.safeParse(input, { reportInput: true });
    if (!parsed.success) {
      // A cell already reported as unreadable is not reported again as missing.
      const failedColumns = new Set(cellProblems.map((problem) => problem.column));
      const issues = issuesFromZod(parsed.error.issues, row, csvFieldOf).filter((issue) => !failedColumns.has(issue.field));
      errors.push(...issues.map(at));
    } else if (cellProblems.length === 0) {
      candidates.push({ row, procedure: parsed.data, line: record.line });
    }
  });
  const procedures = keepFirstVersions(candidates, errors);
  return { procedures, errors, warnings };
}
