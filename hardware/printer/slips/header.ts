import { paragraph, rule, space, type SlipBlock } from './blocks';

export const REPRINT_MARK = 'BẢN IN LẠI / REPRINT';

/** The reprint mark goes first and last: a torn-off half still shows it. */
export function withReprintMark(reprint: boolean, body: readonly SlipBlock[]): readonly SlipBlock[] {
  if (!reprint) return body;
  const banner: SlipBlock = { kind: 'banner', text: REPRINT_MARK };
  return [banner, space(), ...body, space(), banner];
}

/** Center name and the form's title, centred: every slip opens the same way so officers recognise it at a glance. */
export function slipHeader(centerName: string, title: string, formNumber?: string): readonly SlipBlock[] {
  return [
    paragraph(centerName.toUpperCase(), { align: 'center', bold: true }),
    rule(),
    paragraph(title, { size: 'large', align: 'center', bold: true }),
    ...(formNumber === undefined ? [] : [paragraph(`Mẫu số ${formNumber}`, { size: 'small', align: 'center' })]),
    space(),
  ];
}
