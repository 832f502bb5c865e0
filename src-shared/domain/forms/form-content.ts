import type { ApologyExtension } from './apology-extension';
import type { ControlSlip } from './control-slip';
import type { LogBook } from './log-book';
import type { ReceiptSlip } from './receipt-slip';
import type { Refusal } from './refusal';
import type { StopNotice } from './stop-notice';
import type { SupplementRequest } from './supplement-request';

/** The content of any of the seven forms, told apart by its number. */
export type FormContent = ReceiptSlip | SupplementRequest | Refusal | ApologyExtension | StopNotice | ControlSlip | LogBook;

/** The record code a form is about; the log book covers many records and has none. */
export function recordCodeOf(content: FormContent): string | undefined {
  switch (content.form) {
    case '01':
    case '02':
    case '03':
    case '04':
    case '05':
    case '06':
      return content.recordCode;
    case '07':
      return undefined;
  }
}
