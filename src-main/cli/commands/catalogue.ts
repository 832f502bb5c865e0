import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { importCatalogue, validateCatalogue } from '../../../src-shared/domain/catalogue';
import { err, failure, ok } from '../../../src-shared/result';
import type { CliCommand } from '../command';

const usage = 'motcua catalogue check <danh-muc.csv|danh-muc.json>';

/**
 * `motcua catalogue check`: a technician checks a province's catalogue file before loading it at the counter;
 * every bad row is reported with its field, in Vietnamese and English, and the good rows are counted.
 */
export const catalogueCheckCommand: CliCommand = {
  path: ['catalogue', 'check'],
  summary: 'Kiểm tra tệp danh mục thủ tục (CSV/JSON) / Check a procedure catalogue file',
  usage,
  async run(argv) {
    const [file, ...rest] = argv;
    if (file === undefined || rest.length > 0) return err(failure('cli.usage', 'Cần đúng một tệp danh mục.', 'Give exactly one catalogue file.'));
    const format = extname(file).toLowerCase() === '.csv' ? 'csv' : 'json';
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (cause: unknown) {
      const detail = cause instanceof Error ? cause.message : String(cause);
      return err(failure('catalogue.unreadable-file', `Không đọc được tệp ${file}: ${detail}`, `Cannot read ${file}: ${detail}`));
    }
    const report = importCatalogue(text, format);
    // Rows that parse can still clash as a whole catalogue (e.g. one code twice): checked too.
    const problems = validateCatalogue(report.procedures);
    const rowLine = (e: { row: number; line?: number; field: string; message: string; messageEn: string }) =>
      `  dòng/row ${e.row}${e.line === undefined ? '' : ` (line ${e.line})`} [${e.field}]: ${e.message} / ${e.messageEn}`;
    const catalogueLine = (p: { procedureCode: string; message: string; messageEn: string }) => `  ${p.procedureCode}: ${p.message} / ${p.messageEn}`;
    const errorCount = report.errors.length + problems.filter((p) => p.severity === 'error').length;
    const json = { file, format, procedures: report.procedures.length, errors: report.errors, warnings: report.warnings, catalogueIssues: problems };
    const lines = [
      `${file}: ${report.procedures.length} thủ tục hợp lệ / valid procedures, ${errorCount} lỗi / errors`,
      ...report.errors.map(rowLine),
      ...problems.filter((p) => p.severity === 'error').map(catalogueLine),
      ...report.warnings.map((w) => `${rowLine(w)} (cảnh báo / warning)`),
      ...problems.filter((p) => p.severity === 'warning').map((p) => `${catalogueLine(p)} (cảnh báo / warning)`),
    ];
    if (errorCount > 0) {
      return err(failure('catalogue.invalid-rows', lines.join('\n'), `${errorCount} problem(s) in ${file} (listed above).`));
    }
    return ok({ json, text: lines.join('\n') });
  },
};
