/** Administrative forms 01–07 of Circular 03/2025/TT-VPCP as data (docs/FORMS.md). PDF: src-renderer/src/forms. */
export { formErrorCodes, formFailures, type FieldName, type FormErrorCode, type FormFailure } from './errors';
export { centerProfileSchema, parseCenterProfile, unitNameOf, type CenterProfile } from './center';
export {
  placeAndDate,
  printInstant,
  shortDate,
  shortDateTime,
  shortLocalDate,
  vietnameseDate,
  vietnameseDateTime,
  type PrintedInstant,
} from './vietnamese-date';
export { formHeader, formTitles, MOTTO, NATION, SIGN_AND_SEAL_HINT, SIGN_HINT, type FormHeader, type Issuer, type SignatureBlock } from './header';
export type { ChannelBlock, OwnerBlock, ProcedureBlock, SubmitterBlock } from './parties';
export type { AgencyLetterInput } from './agency';
export { receiptSlip, resultDeliveryText, type DocumentRow, type ReceiptSlip } from './receipt-slip';
export { supplementRequest, type DocumentToAdd, type SupplementRequest, type SupplementRequestInput } from './supplement-request';
export { refusal, type Refusal } from './refusal';
export { apologyExtension, type ApologyExtension } from './apology-extension';
export { stopNotice, type StopNotice } from './stop-notice';
export { controlSlip, timelinessLabels, type ControlSlip, type ControlSlipInput, type HandOverRow, type UnitRef } from './control-slip';
export { logBook, type LogBook, type LogBookInput, type LogBookRow } from './log-book';
export { logBookCells, logBookCsv, logBookCsvColumns, neutralizeFormula } from './log-book-csv';
export { recordCodeOf, type FormContent } from './form-content';
