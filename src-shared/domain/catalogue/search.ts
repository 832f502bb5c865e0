import { compareVietnamese } from '../../text/collation';
import { matchesQuery, parseQuery, searchKey, type SearchQuery } from '../../text/search-key';
import type { Procedure } from './procedure';

/**
 * In-memory procedure search for the counter's picker: a catalogue holds a few hundred to a few thousand
 * procedures, so a linear scan over precomputed keys answers each keystroke well under a millisecond.
 */
type Entry = {
  readonly procedure: Procedure;
  readonly nameKey: string;
  readonly nameEnKey: string;
  readonly fieldKey: string;
};

export type CatalogueIndex = { readonly entries: readonly Entry[] };

export type ProcedureHit = {
  readonly procedure: Procedure;
  readonly score: number;
  readonly matchedBy: 'code' | 'name' | 'english-name' | 'field';
};

export type ProcedureSearchOptions = {
  readonly limit?: number;
  /** Only procedures of this field (lĩnh vực) code. */
  readonly fieldCode?: string;
};

export function indexCatalogue(procedures: readonly Procedure[]): CatalogueIndex {
  return {
    entries: procedures.map((procedure) => ({
      procedure,
      nameKey: searchKey(procedure.name),
      nameEnKey: searchKey(procedure.nameEn ?? ''),
      fieldKey: searchKey(procedure.field.name),
    })),
  };
}

// Scores order the kinds of match; within a kind, ties fall back to Vietnamese collation of the names.
const SCORE = {
  exactCode: 1000,
  codePrefix: 900,
  codeDigits: 850,
  exactName: 100,
  namePrefix: 80,
  namePhrase: 60,
  nameWords: 40,
  englishName: 30,
  field: 10,
} as const;

const looksLikeCode = /^\d[\d.]*(?:\.[a-z]\d{0,2})?$/iu;

function codeScore(procedure: Procedure, query: string): number {
  if (!looksLikeCode.test(query)) return 0;
  const upper = query.toUpperCase();
  const codes = procedure.localCode === undefined ? [procedure.nationalCode] : [procedure.nationalCode, procedure.localCode];
  if (codes.includes(upper)) return SCORE.exactCode;
  if (codes.some((code) => code.startsWith(upper))) return SCORE.codePrefix;
  // Officers often type only the six digits after "1." or "2.".
  if (/^\d{3,6}$/u.test(query) && procedure.nationalCode.slice(2).startsWith(query)) return SCORE.codeDigits;
  return 0;
}

function nameScore(key: string, query: SearchQuery, queryKey: string): number {
  if (!matchesQuery(key, query)) return 0;
  // Each query word typed in full (not just a prefix) adds a point: "hon" ranks "kết hôn" above "hông".
  const words = key.split(' ');
  const wholeWords = query.tokens.filter((token) => words.includes(token)).length;
  if (key === queryKey) return SCORE.exactName + wholeWords;
  if (key.startsWith(queryKey + ' ')) return SCORE.namePrefix + wholeWords;
  if (key.startsWith(queryKey) || key.includes(' ' + queryKey)) return SCORE.namePhrase + wholeWords;
  return SCORE.nameWords + wholeWords;
}

function scoreEntry(entry: Entry, rawQuery: string, query: SearchQuery, queryKey: string): Omit<ProcedureHit, 'procedure'> | undefined {
  const byCode = codeScore(entry.procedure, rawQuery);
  if (byCode > 0) return { score: byCode, matchedBy: 'code' };
  const byName = nameScore(entry.nameKey, query, queryKey);
  if (byName > 0) return { score: byName, matchedBy: 'name' };
  if (entry.nameEnKey !== '' && matchesQuery(entry.nameEnKey, query)) return { score: SCORE.englishName, matchedBy: 'english-name' };
  if (matchesQuery(entry.fieldKey, query)) return { score: SCORE.field, matchedBy: 'field' };
  return undefined;
}

/**
 * Finds procedures by code prefix ("1.0011", "2.000815.000.00.00.H55", "001193") or by name words in any
 * order, ignoring diacritics, case and tone placement; also by English name and by field name ("hộ tịch"
 * lists the civil status procedures). Ordered by relevance, then by Vietnamese collation of the name.
 * An empty query lists everything in collation order.
 */
export function searchProcedures(index: CatalogueIndex, rawQuery: string, options: ProcedureSearchOptions = {}): ProcedureHit[] {
  const trimmed = rawQuery.trim();
  const query = parseQuery(trimmed);
  const queryKey = query.tokens.join(' ');
  const hits: ProcedureHit[] = [];
  for (const entry of index.entries) {
    if (options.fieldCode !== undefined && entry.procedure.field.code !== options.fieldCode) continue;
    if (queryKey === '') {
      hits.push({ procedure: entry.procedure, score: 0, matchedBy: 'name' });
      continue;
    }
    const scored = scoreEntry(entry, trimmed, query, queryKey);
    if (scored !== undefined) hits.push({ procedure: entry.procedure, ...scored });
  }
  hits.sort(
    (a, b) =>
      b.score - a.score ||
      compareVietnamese(a.procedure.name, b.procedure.name) ||
      a.procedure.nationalCode.localeCompare(b.procedure.nationalCode) ||
      a.procedure.effectiveFrom.localeCompare(b.procedure.effectiveFrom),
  );
  return options.limit === undefined ? hits : hits.slice(0, options.limit);
}
