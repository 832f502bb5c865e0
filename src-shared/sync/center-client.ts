import { ok, type Failure, type Result } from '../result';
import type { Transport } from './http';
import { kioskCaller } from './kiosk-call';
import {
  callNextResponseSchema,
  codeBlockSchema,
  handOverTicketsResponseSchema,
  issuedTicketSchema,
  paths,
  queueSummarySchema,
  serverTicketSchema,
  withdrawTicketsResponseSchema,
  type CodeBlock,
  type HandedOverTicket,
  type HandOverTicketsResponse,
  type IssuedTicket,
  type QueueSummary,
  type ServerTicket,
  type WithdrawTicketsResponse,
} from './protocol';
import type { SyncCredentials } from './engine';

export type TicketRequest = { readonly fieldCode: string; readonly priority: boolean; readonly citizenId?: string; readonly requestId?: string };

/**
 * The Center's shared state while the LAN is up (the server is the one authority): queue tickets across counters
 * and record-code blocks for offline use. Callers fall back to the kiosk-slot numbering when these fail.
 */
export function createCenterClient(transport: Transport, credentials: () => SyncCredentials | null) {
  const kioskCall = kioskCaller(transport, credentials);
  const post = (body: unknown) => ({ method: 'POST' as const, body: JSON.stringify(body) });
  return {
    /**
     * `citizenId`: only for a ticket of a citizen the self-service point identified (chip + face). `requestId`: the
     * caller's id for this request, to withdraw it if the answer does not come in time.
     */
    issueTicket: (request: TicketRequest): Promise<Result<IssuedTicket, Failure> | null> => kioskCall(paths.tickets, post(request), issuedTicketSchema),
    /** Hands this kiosk's own waiting tickets (issued during an outage) over to the Center's queue. */
    handOverTickets: (tickets: readonly HandedOverTicket[]): Promise<Result<HandOverTicketsResponse, Failure> | null> =>
      kioskCall(paths.ticketHandovers, post({ tickets }), handOverTicketsResponseSchema),
    /** Withdraws issue requests given up on: their tickets, if issued and still waiting, are never called. */
    withdrawTickets: (requestIds: readonly string[]): Promise<Result<WithdrawTicketsResponse, Failure> | null> =>
      kioskCall(paths.ticketWithdrawals, post({ requestIds }), withdrawTicketsResponseSchema),
    /** `requestId`: the caller's id for this call, to withdraw it if the answer does not come in time. */
    async callNext(counterId: string, fieldCodes: readonly string[], requestId?: string): Promise<Result<ServerTicket | null, Failure> | null> {
      const answer = await kioskCall(paths.callNext, post({ counterId, fieldCodes, ...(requestId === undefined ? {} : { requestId }) }), callNextResponseSchema);
      return answer?.ok === true ? ok(answer.value.ticket) : answer;
    },
    skipTicket: (id: string): Promise<Result<ServerTicket, Failure> | null> => kioskCall((unit) => paths.skipTicket(unit, id), post({}), serverTicketSchema),
    transferTicket: (id: string, toCounter: string): Promise<Result<ServerTicket, Failure> | null> =>
      kioskCall((unit) => paths.transferTicket(unit, id), post({ toCounter }), serverTicketSchema),
    /** Today's queue (UTC+7) unless `day` (`YYYY-MM-DD`) is given. */
    queue: (day?: string): Promise<Result<QueueSummary, Failure> | null> =>
      kioskCall((unit) => paths.queue(unit) + (day === undefined ? '' : `?day=${encodeURIComponent(day)}`), { method: 'GET' }, queueSummarySchema),
    leaseCodeBlock: (day: string, size: number): Promise<Result<CodeBlock, Failure> | null> => kioskCall(paths.codeBlocks, post({ day, size }), codeBlockSchema),
  };
}

export type CenterClient = ReturnType<typeof createCenterClient>;
