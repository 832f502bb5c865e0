import type { Failure, Result } from '../result';
import { call, jsonHeaders, type CallFailure, type Transport } from './http';
import {
  callNextResponseSchema,
  codeBlockSchema,
  issuedTicketSchema,
  paths,
  queueSummarySchema,
  serverTicketSchema,
  type CodeBlock,
  type IssuedTicket,
  type QueueSummary,
  type ServerTicket,
} from './protocol';
import type { SyncCredentials } from './engine';

/**
 * The Center's shared state while the LAN is up (the server is the one authority): queue tickets across counters
 * and record-code blocks for offline use. Callers fall back to the kiosk-slot numbering when these fail.
 */
const strip = (f: CallFailure): Failure => ({ code: f.code, message: f.message, messageEn: f.messageEn });

export function createCenterClient(transport: Transport, credentials: () => SyncCredentials | null) {
  return {
    /** `citizenId`: only for a ticket of a citizen the self-service point identified (chip + face). */
    async issueTicket(fieldCode: string, priority: boolean, citizenId?: string): Promise<Result<IssuedTicket, Failure> | null> {
      const creds = credentials();
      if (creds === null) return null;
      const body = JSON.stringify({ fieldCode, priority, ...(citizenId === undefined ? {} : { citizenId }) });
      const answer = await call(transport, creds.baseUrl + paths.tickets(creds.unitId), { method: 'POST', headers: jsonHeaders(creds.token), body }, issuedTicketSchema);
      return answer.ok ? answer : { ok: false, error: strip(answer.error) };
    },
    async callNext(counterId: string, fieldCodes: readonly string[]): Promise<Result<ServerTicket | null, Failure> | null> {
      const creds = credentials();
      if (creds === null) return null;
      const answer = await call(transport, creds.baseUrl + paths.callNext(creds.unitId), { method: 'POST', headers: jsonHeaders(creds.token), body: JSON.stringify({ counterId, fieldCodes }) }, callNextResponseSchema);
      return answer.ok ? { ok: true, value: answer.value.ticket } : { ok: false, error: strip(answer.error) };
    },
    async skipTicket(id: string): Promise<Result<ServerTicket, Failure> | null> {
      const creds = credentials();
      if (creds === null) return null;
      const answer = await call(transport, creds.baseUrl + paths.skipTicket(creds.unitId, id), { method: 'POST', headers: jsonHeaders(creds.token), body: '{}' }, serverTicketSchema);
      return answer.ok ? answer : { ok: false, error: strip(answer.error) };
    },
    async transferTicket(id: string, toCounter: string): Promise<Result<ServerTicket, Failure> | null> {
      const creds = credentials();
      if (creds === null) return null;
      const answer = await call(transport, creds.baseUrl + paths.transferTicket(creds.unitId, id), { method: 'POST', headers: jsonHeaders(creds.token), body: JSON.stringify({ toCounter }) }, serverTicketSchema);
      return answer.ok ? answer : { ok: false, error: strip(answer.error) };
    },
    /** Today's queue (UTC+7) unless `day` (`YYYY-MM-DD`) is given. */
    async queue(day?: string): Promise<Result<QueueSummary, Failure> | null> {
      const creds = credentials();
      if (creds === null) return null;
      const query = day === undefined ? '' : `?day=${encodeURIComponent(day)}`;
      const answer = await call(transport, creds.baseUrl + paths.queue(creds.unitId) + query, { method: 'GET', headers: jsonHeaders(creds.token) }, queueSummarySchema);
      return answer.ok ? answer : { ok: false, error: strip(answer.error) };
    },
    async leaseCodeBlock(day: string, size: number): Promise<Result<CodeBlock, Failure> | null> {
      const creds = credentials();
      if (creds === null) return null;
      const answer = await call(transport, creds.baseUrl + paths.codeBlocks(creds.unitId), { method: 'POST', headers: jsonHeaders(creds.token), body: JSON.stringify({ day, size }) }, codeBlockSchema);
      return answer.ok ? answer : { ok: false, error: strip(answer.error) };
    },
  };
}

export type CenterClient = ReturnType<typeof createCenterClient>;
