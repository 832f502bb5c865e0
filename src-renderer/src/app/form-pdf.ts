import type { Settings } from '../../../src-shared/api/settings';
import { receiptSlip, type CenterProfile, type FormContent } from '../../../src-shared/domain/forms';
import type { AdministrativeRecord } from '../../../src-shared/domain/records';
import { err, failure, ok, type Failure, type Result } from '../../../src-shared/result';
import boldFontUrl from '../../../assets/fonts/NotoSans-Bold.ttf?url';
import regularFontUrl from '../../../assets/fonts/NotoSans-Regular.ttf?url';

/** What the forms print about this Center, from the kiosk settings. */
export function centerProfileOf(settings: Settings): CenterProfile {
  return {
    unitId: settings.centerUnitId,
    unitName: settings.centerName,
    place: settings.centerPlace,
    ...(settings.centerSuperiorName ? { superiorName: settings.centerSuperiorName } : {}),
    ...(settings.centerPhone ? { phone: settings.centerPhone } : {}),
  };
}

async function fontBytes(url: string): Promise<Uint8Array> {
  return new Uint8Array(await (await fetch(url)).arrayBuffer());
}

/** Any of forms 01–07 as a PDF. The PDF code and the fonts (~3 MB) load on first use, not with the first screen. */
export async function formPdf(content: FormContent, reprint = false): Promise<Result<Blob, Failure>> {
  try {
    const [{ renderFormPdf }, regular, bold] = await Promise.all([import('../forms'), fontBytes(regularFontUrl), fontBytes(boldFontUrl)]);
    const pdf = await renderFormPdf(content, { fonts: { regular, bold }, reprint });
    if (!pdf.ok) return pdf;
    return ok(new Blob([pdf.value.slice().buffer], { type: 'application/pdf' }));
  } catch (cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    return err(failure('forms.render-failed', `Không tạo được tệp PDF: ${detail}`, `Could not make the PDF: ${detail}`));
  }
}

/** Form 01, the receipt and appointment slip, as the citizen's PDF copy. */
export async function receiptPdf(record: AdministrativeRecord, settings: Settings, reprint = false): Promise<Result<Blob, Failure>> {
  const content = receiptSlip(record, centerProfileOf(settings));
  return content.ok ? formPdf(content.value, reprint) : content;
}
