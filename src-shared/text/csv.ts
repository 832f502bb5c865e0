import { csvFailures, type TextFailure } from './errors';

/** One record with the physical line it starts on (1-based), so an importer can point at it. */
export type CsvRecord = { readonly line: number; readonly fields: readonly string[] };

/** A repaired quoting mistake, with the physical line it was found on. */
export type CsvProblem = TextFailure & { readonly line: number };

/** Parsing never stops: malformed quoting is repaired leniently and reported as a problem. */
export type CsvParseResult = { readonly records: readonly CsvRecord[]; readonly problems: readonly CsvProblem[] };

export type CsvOptions = { readonly delimiter?: string };

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

/**
 * RFC 4180 CSV: quoted cells with "" for a quote, CRLF, LF or CR line ends, a UTF-8 BOM (Excel writes one)
 * removed. Lines that are entirely empty are skipped, since spreadsheets leave them at the end of files.
 */
export function parseCsv(text: string, options: CsvOptions = {}): CsvParseResult {
  const delimiter = (options.delimiter ?? ',').charCodeAt(0);
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  const length = input.length;

  let line = 1;
  let recordLine = 1;
  let fields: string[] = [];
  let anyQuoted = false;
  let i = 0;

  const endRecord = (): void => {
    const blank = fields.length === 1 && fields[0] === '' && !anyQuoted;
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
    anyQuoted = false;
  };
  /** Consumes a line end at i, if any; returns whether one was there. */
  const consumeLineEnd = (): boolean => {
    const code = input.charCodeAt(i);
    if (code === CR) {
      i += input.charCodeAt(i + 1) === LF ? 2 : 1;
    } else if (code === LF) {
      i += 1;
    } else {
      return false;
    }
    line++;
    return true;
  };

  if (length === 0) return { records, problems };

  while (i <= length) {
    // At the start of a field.
    if (input.charCodeAt(i) === QUOTE) {
      anyQuoted = true;
      const openedOn = line;
      let value = '';
      let start = ++i;
      let closed = false;
      while (i < length) {
        const code = input.charCodeAt(i);
        if (code === QUOTE) {
          if (input.charCodeAt(i + 1) === QUOTE) {
            value += input.slice(start, i + 1);
            i += 2;
            start = i;
            continue;
          }
          value += input.slice(start, i);
          i++;
          closed = true;
          break;
        }
        if (code === LF || (code === CR && input.charCodeAt(i + 1) !== LF)) line++;
        i++;
      }
      if (!closed) {
        value += input.slice(start, i);
        problems.push({ ...csvFailures.unterminatedQuote(openedOn), line: openedOn });
      }
      // Lenient: text between the closing quote and the next delimiter is kept.
      const tailStart = i;
      while (i < length && input.charCodeAt(i) !== delimiter && input.charCodeAt(i) !== CR && input.charCodeAt(i) !== LF) i++;
      if (i > tailStart) {
        problems.push({ ...csvFailures.textAfterClosingQuote(line), line });
        value += input.slice(tailStart, i);
      }
      fields.push(value);
    } else {
      const start = i;
      let sawQuote = false;
      while (i < length) {
        const code = input.charCodeAt(i);
        if (code === delimiter || code === CR || code === LF) break;
        if (code === QUOTE) sawQuote = true;
        i++;
      }
      if (sawQuote) problems.push({ ...csvFailures.quoteInUnquotedField(line), line });
      fields.push(input.slice(start, i));
    }

    if (i >= length) {
      endRecord();
      break;
    }
    if (input.charCodeAt(i) === delimiter) {
      i++;
      continue;
    }
    consumeLineEnd();
    endRecord();
    recordLine = line;
    if (i >= length) break;
  }
  return { records, problems };
}

export type CsvFormatOptions = CsvOptions & {
  /** CRLF by default, as RFC 4180 and Excel expect. */
  readonly eol?: string;
  /** Prefix a UTF-8 BOM so Excel opens Vietnamese text as UTF-8 instead of a legacy code page. */
  readonly bom?: boolean;
};

export function formatCsv(rows: readonly (readonly string[])[], options: CsvFormatOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const eol = options.eol ?? '\r\n';
  const needsQuotes = (value: string): boolean =>
    value.includes(delimiter) || value.includes('"') || value.includes('\n') || value.includes('\r');
  const body = rows
    .map((row) =>
      // A lone empty cell is quoted so the record does not read back as a skipped blank line.
      row.length <= 1 && (row[0] ?? '') === ''
        ? '""'
        : row.map((value) => (needsQuotes(value) ? `"${value.replaceAll('"', '""')}"` : value)).join(delimiter),
    )
    .join(eol);
  return (options.bom === true ? '\uFEFF' : '') + (rows.length > 0 ? body + eol : '');
}
