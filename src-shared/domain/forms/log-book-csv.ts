import { formatCsv } from '../../text/csv';
import type { LogBook, LogBookRow } from './log-book';

export const logBookCsvColumns = [
  'STT',
  'Mã hồ sơ',
  'Trích yếu (thủ tục)',
  'Số bộ hồ sơ',
  'Chủ hồ sơ',
  'Địa chỉ',
  'Số điện thoại',
  'Lĩnh vực',
  'Ngày nhận',
  'Hẹn trả',
  'Ngày trả kết quả',
  'Cán bộ tiếp nhận',
] as const;

/** One log book row as the cells of its columns (logBookCsvColumns), for the CSV and the printed table alike. */
export function logBookCells(row: LogBookRow): string[] {
  return [
    String(row.index),
    row.recordCode,
    row.summary,
    String(row.setsCount),
    row.owner,
    row.address,
    row.phone,
    row.area,
    row.receivedAt.short,
    row.dueAt.short,
    row.returnedAt?.short ?? '',
    row.receivingOfficer,
  ];
}

/**
 * A spreadsheet opens a cell starting with =, +, -, @ (or a tab / carriage return) as a formula, and names and
 * addresses come from citizens and the online portal. Such cells get a leading apostrophe, as OWASP advises;
 * plain signed numbers ("+84 912 345 678") stay as they are so phone numbers read normally.
 */
export function neutralizeFormula(cell: string): string {
  if (!/^[=+\-@\t\r]/.test(cell)) return cell;
  if (/^[+-][\d\s().]*$/.test(cell)) return cell;
  return `'${cell}`;
}

/** Form 07 as CSV: UTF-8 with a BOM and CRLF, so Excel shows the Vietnamese text as it is. */
export function logBookCsv(book: LogBook): string {
  const rows = book.rows.map(logBookCells);
  return formatCsv([[...logBookCsvColumns], ...rows.map((cells) => cells.map(neutralizeFormula))], { bom: true });
}
