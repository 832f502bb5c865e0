import { err, ok, type Result } from '../../../src-shared/result';
import { formFailures, recordCodeOf, type FormContent, type FormFailure } from '../../../src-shared/domain/forms';
import { closeFormDocument, openFormDocument, type FormFonts, type Reprint } from './document';
import { drawReceiptSlip } from './form-01';
import { drawSupplementRequest } from './form-02';
import { drawRefusal } from './form-03';
import { drawApologyExtension } from './form-04';
import { drawStopNotice } from './form-05';
import { drawControlSlip } from './form-06';
import { drawLogBook } from './form-07';
import type { Paper, PageFlow } from './page-flow';

export type RenderFormOptions = {
  readonly fonts: FormFonts;
  /** Form 01 only: the A5 slip many Centers print; every other form is A4 (07 in landscape). */
  readonly paper?: 'A4' | 'A5';
  /** A copy printed again later: every page says "BẢN IN LẠI" (with the time of this printing, if given). */
  readonly reprint?: boolean | Reprint;
};

function paperOf(content: FormContent, requested: 'A4' | 'A5' | undefined): Paper {
  switch (content.form) {
    case '01':
      return requested ?? 'A4';
    case '07':
      return 'A4-landscape';
    case '02':
    case '03':
    case '04':
    case '05':
    case '06':
      return 'A4';
  }
}

function draw(flow: PageFlow, content: FormContent): void {
  switch (content.form) {
    case '01':
      return drawReceiptSlip(flow, content);
    case '02':
      return drawSupplementRequest(flow, content);
    case '03':
      return drawRefusal(flow, content);
    case '04':
      return drawApologyExtension(flow, content);
    case '05':
      return drawStopNotice(flow, content);
    case '06':
      return drawControlSlip(flow, content);
    case '07':
      return drawLogBook(flow, content);
  }
}

function subjectOf(content: FormContent): string {
  const code = recordCodeOf(content);
  if (code !== undefined) return code;
  return content.form === '07' ? `${content.header.title} ${content.period.text}` : content.header.title;
}

const sentenceCase = (title: string): string => {
  const lower = title.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
};

/**
 * The form as PDF bytes. Fails (never throws) when the font bytes are not a font pdf-lib can embed: the
 * kiosk shows the bilingual message instead of a blank print.
 */
export async function renderFormPdf(content: FormContent, options: RenderFormOptions): Promise<Result<Uint8Array, FormFailure>> {
  const reprint: Reprint | undefined = options.reprint === true ? {} : options.reprint === false ? undefined : options.reprint;
  try {
    const { doc, flow } = await openFormDocument(options.fonts, paperOf(content, options.paper));
    draw(flow, content);
    const subject = subjectOf(content);
    const bytes = await closeFormDocument(
      doc,
      flow,
      {
        title: `${content.header.formLabel}: ${sentenceCase(content.header.title)} – ${subject}`,
        subject,
        author: content.header.issuer.unitName,
        keywords: [content.header.formLabel, subject, 'Thông tư 03/2025/TT-VPCP'],
        formLabel: content.header.formLabel,
        date: reprint?.printedAt ?? content.header.issuedAt.at,
      },
      reprint,
    );
    return ok(bytes);
  } catch (error: unknown) {
    return err(formFailures.renderFailed(content.form, error instanceof Error ? error.message : String(error)));
  }
}
