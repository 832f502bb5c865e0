import type { ProcessedPage } from './pipeline';

/**
 * What the officer must know before the citizen leaves the counter. Errors mean "scan again"; warnings mean
 * "look at the preview". Each issue says which page (1-based, as the officer counts), in both languages.
 */
export type QualityIssueCode = 'low-resolution' | 'blank-document' | 'near-blank-page' | 'page-count-mismatch' | 'skew-not-corrected' | 'orientation-uncertain' | 'ocr-low-confidence' | 'damaged-page';

export type QualityIssue = {
  readonly code: QualityIssueCode;
  readonly severity: 'error' | 'warning';
  readonly page?: number;
  readonly message: string;
  readonly messageEn: string;
};

export type QualityReport = { readonly passed: boolean; readonly issues: readonly QualityIssue[] };

export type QualityInput = {
  readonly pages: readonly ProcessedPage[];
  readonly kept: readonly ProcessedPage[];
  readonly dpi: number;
  readonly minDpi: number;
  readonly expectedPages?: number;
  readonly blankInkRatio: number;
  readonly ocrConfidence: ReadonlyMap<number, number>;
  readonly damagedPages: readonly number[];
};

/** Skew left after straightening that a reader notices; the pipeline aims well below it. */
export const MAX_RESIDUAL_SKEW = 0.5;

export function qualityReport(input: QualityInput): QualityReport {
  const issues: QualityIssue[] = [];
  const add = (issue: QualityIssue) => issues.push(issue);
  if (input.dpi < input.minDpi)
    add({ code: 'low-resolution', severity: 'error', message: `Độ phân giải ${input.dpi} dpi thấp hơn mức tối thiểu ${input.minDpi} dpi; hãy quét lại.`, messageEn: `Resolution ${input.dpi} dpi is below the minimum ${input.minDpi} dpi; scan again.` });
  if (input.pages.length > 0 && input.kept.length === 0)
    add({ code: 'blank-document', severity: 'error', message: 'Tất cả các trang đều trắng; kiểm tra giấy tờ đã đặt đúng mặt.', messageEn: 'Every page is blank; check the papers face the right way.' });
  for (const page of input.kept) {
    const n = input.kept.indexOf(page) + 1;
    if (input.blankInkRatio > 0 && page.blank.inkRatio < input.blankInkRatio * 3)
      add({ code: 'near-blank-page', severity: 'warning', page: n, message: `Trang ${n} gần như trắng; kiểm tra bản xem trước.`, messageEn: `Page ${n} is almost blank; check the preview.` });
    if (Math.abs(page.skew.residual) >= MAX_RESIDUAL_SKEW)
      add({ code: 'skew-not-corrected', severity: 'warning', page: n, message: `Trang ${n} vẫn còn nghiêng ${page.skew.residual.toFixed(1)}°; nên quét lại trang này.`, messageEn: `Page ${n} is still skewed by ${page.skew.residual.toFixed(1)}°; rescan it.` });
    if (page.content === 'text' && page.orientation.confidence === 'uncertain')
      add({ code: 'orientation-uncertain', severity: 'warning', page: n, message: `Không chắc trang ${n} đã đúng chiều; kiểm tra bản xem trước.`, messageEn: `Unsure whether page ${n} is upright; check the preview.` });
    const confidence = input.ocrConfidence.get(page.index);
    if (confidence !== undefined && confidence < 60)
      add({ code: 'ocr-low-confidence', severity: 'warning', page: n, message: `Chữ trên trang ${n} khó đọc (độ tin cậy ${Math.round(confidence)}%); kiểm tra bản quét.`, messageEn: `Text on page ${n} is hard to read (confidence ${Math.round(confidence)}%); check the scan.` });
  }
  if (input.expectedPages !== undefined && input.kept.length !== input.expectedPages)
    add({ code: 'page-count-mismatch', severity: 'warning', message: `Có ${input.kept.length} trang, giấy tờ này cần ${input.expectedPages} trang.`, messageEn: `${input.kept.length} page(s) scanned; this document needs ${input.expectedPages}.` });
  for (const index of input.damagedPages)
    add({ code: 'damaged-page', severity: 'error', message: `Tệp ảnh trang quét số ${index + 1} bị hỏng trên đĩa; hãy quét lại.`, messageEn: `Scanned page file ${index + 1} is damaged on disk; scan again.` });
  return { passed: !issues.some((i) => i.severity === 'error'), issues };
}
