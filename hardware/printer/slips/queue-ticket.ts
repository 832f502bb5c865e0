import type { QueueTicket } from '../slip-schema';
import { field, paragraph, rule, space, type SlipBlock } from './blocks';
import { formatSlipTime } from './format';
import { withReprintMark } from './header';

/** The number is what a citizen reads from across the room, so it dominates the ticket. */
export function queueTicketBlocks(ticket: QueueTicket): readonly SlipBlock[] {
  const body: SlipBlock[] = [
    paragraph(ticket.centerName.toUpperCase(), { align: 'center', bold: true }),
    rule(),
    paragraph('SỐ THỨ TỰ', { size: 'large', align: 'center', bold: true }),
    paragraph(ticket.ticketNumber, { size: 'display', align: 'center', bold: true }),
    field('Lĩnh vực', ticket.fieldName),
    field('Mời đến quầy', ticket.counter, { size: 'large', boldValue: true }),
    field('Thời gian lấy số', formatSlipTime(ticket.issuedAt)),
    field('Số người đang chờ trước', String(ticket.peopleAhead)),
    space(),
    paragraph('Vui lòng chờ đến khi số của bạn được gọi.', { size: 'small', align: 'center' }),
  ];
  return withReprintMark(ticket.reprint, body);
}
