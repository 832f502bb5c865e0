import type { Slip } from '../slip-schema';
import type { SlipBlock } from './blocks';
import { keptDocumentsBlocks } from './kept-documents';
import { queueTicketBlocks } from './queue-ticket';
import { receiptBlocks } from './receipt';
import { refusalBlocks } from './refusal';
import { supplementRequestBlocks } from './supplement-request';
import { testPageBlocks } from './test-page';

export type { Align, SlipBlock, TableColumn, TextRun, TextSize } from './blocks';
export { field, paragraph, rule, space } from './blocks';
export { REPRINT_MARK } from './header';
export { TEST_PAGE_QR_TEXT, VIETNAMESE_SAMPLE_LINES } from './test-page';

/** The content of any slip, ready for the renderer. */
export function slipBlocks(slip: Slip): readonly SlipBlock[] {
  switch (slip.kind) {
    case 'receipt':
      return receiptBlocks(slip);
    case 'queue-ticket':
      return queueTicketBlocks(slip);
    case 'supplement-request':
      return supplementRequestBlocks(slip);
    case 'refusal':
      return refusalBlocks(slip);
    case 'kept-documents':
      return keptDocumentsBlocks(slip);
    case 'test-page':
      return testPageBlocks(slip);
  }
}
