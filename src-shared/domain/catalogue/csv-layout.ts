import { formatCsv } from '../../text/csv';
import {
  formatProcessingTimeCell,
  parseBooleanCell,
  parseJsonArrayCell,
  parseListCell,
  parseNonBoundaryCell,
  parseProcessingTimeCell,
  type CellResult,
} from './csv-cells';
import { formatPath } from './import-report';
import type { Procedure } from './procedure';

/**
 * The catalogue's CSV layout: one procedure per row, one column per top-level field; documents and fees are
 * JSON arrays in their cell (the same shape as the JSON catalogue), lists are one item per line in the cell.
 * docs/CATALOGUE.md documents it for the provinces' staff.
 */
type Column = {
  readonly name: string;
  readonly required: boolean;
  /** Where the parsed value goes in the procedure object. */
  readonly target: readonly [string] | readonly [string, string];
  readonly parse: (cell: string) => CellResult<unknown>;
  readonly format: (procedure: Procedure) => string;
};

const asText = (cell: string): CellResult<unknown> => ({ ok: true, value: cell.trim() });
const asList = (cell: string): CellResult<unknown> => ({ ok: true, value: parseListCell(cell) });
const lines = (items: readonly string[]): string => items.join('\n');
const json = (value: unknown): string => JSON.stringify(value);

export const catalogueCsvColumns: readonly Column[] = [
  { name: 'national_code', required: true, target: ['nationalCode'], parse: asText, format: (p) => p.nationalCode },
  { name: 'local_code', required: false, target: ['localCode'], parse: asText, format: (p) => p.localCode ?? '' },
  { name: 'name', required: true, target: ['name'], parse: asText, format: (p) => p.name },
  { name: 'name_en', required: false, target: ['nameEn'], parse: asText, format: (p) => p.nameEn ?? '' },
  { name: 'field_code', required: true, target: ['field', 'code'], parse: asText, format: (p) => p.field.code },
  { name: 'field_name', required: true, target: ['field', 'name'], parse: asText, format: (p) => p.field.name },
  { name: 'level', required: false, target: ['level'], parse: asText, format: (p) => p.level },
  { name: 'competent_agency', required: false, target: ['competentAgency'], parse: asText, format: (p) => p.competentAgency ?? '' },
  {
    name: 'processing_time',
    required: true,
    target: ['processingTime'],
    parse: parseProcessingTimeCell,
    format: (p) => formatProcessingTimeCell(p.processingTime),
  },
  { name: 'fees', required: false, target: ['fees'], parse: parseJsonArrayCell, format: (p) => json(p.fees) },
  { name: 'fee_exemptions', required: false, target: ['feeExemptions'], parse: asList, format: (p) => lines(p.feeExemptions) },
  { name: 'documents', required: false, target: ['documents'], parse: parseJsonArrayCell, format: (p) => json(p.documents) },
  { name: 'results', required: true, target: ['results'], parse: asList, format: (p) => lines(p.results) },
  {
    name: 'non_boundary',
    required: false,
    target: ['nonBoundary'],
    parse: parseNonBoundaryCell,
    format: (p) => (typeof p.nonBoundary === 'boolean' ? (p.nonBoundary ? 'yes' : 'no') : p.nonBoundary.join('; ')),
  },
  { name: 'effective_from', required: true, target: ['effectiveFrom'], parse: asText, format: (p) => p.effectiveFrom },
  { name: 'effective_to', required: false, target: ['effectiveTo'], parse: asText, format: (p) => p.effectiveTo ?? '' },
  { name: 'legal_basis', required: false, target: ['legalBasis'], parse: asList, format: (p) => lines(p.legalBasis) },
  { name: 'source_document', required: true, target: ['source', 'document'], parse: asText, format: (p) => p.source.document },
  { name: 'source_url', required: false, target: ['source', 'url'], parse: asText, format: (p) => p.source.url ?? '' },
  { name: 'source_retrieved_on', required: false, target: ['source', 'retrievedOn'], parse: asText, format: (p) => p.source.retrievedOn ?? '' },
  { name: 'verify', required: false, target: ['verify'], parse: parseBooleanCell, format: (p) => (p.verify ? 'yes' : 'no') },
  { name: 'verify_notes', required: false, target: ['verifyNotes'], parse: asText, format: (p) => p.verifyNotes ?? '' },
  { name: 'notes', required: false, target: ['notes'], parse: asText, format: (p) => p.notes ?? '' },
];

const columnByTarget = new Map(catalogueCsvColumns.map((column) => [column.target.join('.'), column.name]));

/** Maps a schema path to the CSV column that holds it (plus the path inside a JSON cell). */
export function csvFieldOf(path: readonly PropertyKey[]): string {
  const [first, second] = path;
  const nested = columnByTarget.get(`${String(first)}.${String(second)}`);
  if (nested !== undefined) return nested;
  const column = columnByTarget.get(String(first));
  if (column !== undefined) return column + formatPath(path.slice(1)).replace(/^(?=[^[])/u, '.');
  // A whole group missing (e.g. no source at all) is reported on its first column.
  return catalogueCsvColumns.find((c) => c.target[0] === first)?.name ?? formatPath(path);
}

export type RowConversion = {
  readonly input: Record<string, unknown>;
  /** Columns whose cell could not be read, with why. */
  readonly cellProblems: ReadonlyArray<{ readonly column: string; readonly problem: { readonly vi: string; readonly en: string } }>;
};

/** Builds the procedure object a row describes; empty cells are left out so the schema's defaults apply. */
export function rowToProcedureInput(cells: ReadonlyMap<string, string>): RowConversion {
  const input: Record<string, unknown> = {};
  const cellProblems: RowConversion['cellProblems'][number][] = [];
  for (const column of catalogueCsvColumns) {
    const cell = cells.get(column.name) ?? '';
    if (cell.trim() === '') continue;
    const parsed = column.parse(cell);
    if (!parsed.ok) {
      cellProblems.push({ column: column.name, problem: parsed.error });
      continue;
    }
    const [key, subKey] = column.target;
    if (subKey === undefined) {
      input[key] = parsed.value;
    } else {
      const group = input[key];
      input[key] = { ...(typeof group === 'object' && group !== null ? group : {}), [subKey]: parsed.value };
    }
  }
  return { input, cellProblems };
}

/** Writes procedures in the import layout, e.g. to hand the sample catalogue to a province as a spreadsheet. */
export function exportCatalogueCsv(procedures: readonly Procedure[]): string {
  const header = catalogueCsvColumns.map((column) => column.name);
  const rows = procedures.map((procedure) => catalogueCsvColumns.map((column) => column.format(procedure)));
  return formatCsv([header, ...rows], { bom: true });
}
