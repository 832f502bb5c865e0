import { centerTicketNumber, peopleAhead, pickNext, type Ticket } from '../../../src-shared/domain/queue/ticket';
import { createIdGenerator } from '../../../src-shared/domain/records/ids';
import { estimatedWaitMs, serviceTimes, waitMinutes } from '../../../src-shared/domain/queue/wait-estimate';
import { createLogger } from '../../../src-shared/log';
import { err, failure, ok, type Failure, type Result } from '../../../src-shared/result';
import type { CenterClient } from '../../../src-shared/sync/center-client';
import { syncErrorCodes } from '../../../src-shared/sync/errors';
import type { QueueSummary, ServerTicket } from '../../../src-shared/sync/protocol';
import type { TicketRow } from '../store/schema';
import type { TicketsRepository } from '../store/tickets-repository';

const log = createLogger('renderer/queue');

export type QueueSource = 'center' | 'local';

export type IssuedTicket = {
  readonly ticket: Ticket;
  readonly source: QueueSource;
  /** People ahead when it was issued (of its field; a priority ticket counts only priority ones). */
  readonly ahead: number;
  /** Whole minutes, when there is anything to estimate from. */
  readonly waitMinutes: number | undefined;
};

/** `ticket.citizenId`: the citizen the self-service point identified before issuing it, when it did. */
export type NextTicket = { readonly ticket: TicketRow | undefined; readonly source: QueueSource };

export type SettleAction = { readonly kind: 'skip' } | { readonly kind: 'transfer'; readonly toCounter: string };

export type CenterQueueDeps = {
  readonly local: TicketsRepository;
  /** Undefined when the kiosk is not enrolled: the queue is this kiosk's alone, exactly as before sync. */
  readonly center: CenterClient | undefined;
  readonly now: () => number;
  /** The field's name for a Center ticket issued elsewhere (this kiosk's catalogue); the code when unknown. */
  readonly fieldName?: (fieldCode: string) => string | undefined;
  /** After the Center did not answer, it is left alone this long, so each ticket does not wait for the timeout. */
  readonly retryAfterMs?: number;
  /** The id of one issue or call request (a UUID); a UUIDv7 from `crypto.getRandomValues` unless given. */
  readonly newRequestId?: () => string;
};

export const queueFailures = {
  transferNeedsCenter: (): Failure =>
    failure(
      'queue.transfer-needs-center',
      'Không chuyển được số của hàng đợi chung khi mất kết nối máy chủ Trung tâm. Hãy mời công dân sang quầy kia.',
      'A Center ticket cannot be transferred while the Center server is unreachable. Send the citizen to the other counter.',
    ),
};

/** No answer, or an answer that is not the server's: the LAN or the server is down, not a refusal. */
const unreachableCodes: ReadonlySet<string> = new Set([syncErrorCodes.network, syncErrorCodes.timeout, syncErrorCodes.serverError, syncErrorCodes.badResponse]);

/** The copy is for history and the current ticket: a failed copy must not take the ticket from the citizen. */
const keep = (saved: Result<unknown, Failure>): void => {
  if (!saved.ok) log.warn('Center ticket not copied locally', { code: saved.error.code });
};

/** Hands this kiosk's own waiting tickets (issued while the Center was unreachable) over to the Center's queue. */
async function handOverOwn(local: TicketsRepository, center: CenterClient): Promise<void> {
  const own = (await local.waiting()).slice(0, 100);
  if (own.length === 0) return;
  const answer = await center.handOverTickets(
    own.map((t) => ({ id: t.id, fieldCode: t.fieldCode, priority: t.priority, number: t.number, issuedAt: t.issuedAt, ...(t.citizenId === undefined ? {} : { citizenId: t.citizenId }) })),
  );
  if (answer?.ok !== true) return;
  const marked = await local.markHandedOver(answer.value.handedOver);
  if (!marked.ok) return keep(marked);
  // Called here while the hand-over was on its way: the Center must not call it again.
  for (const id of marked.value) keep(await local.rememberWithdrawal(id));
  log.info('own tickets handed over to the Center', { handedOver: answer.value.handedOver.length, refused: answer.value.refused.length });
}

/** Takes back, on the Center, the issue and call requests this kiosk gave up on (and tickets it called meanwhile). */
async function withdrawGivenUp(local: TicketsRepository, center: CenterClient): Promise<void> {
  const pending = (await local.pendingWithdrawals()).slice(0, 100);
  if (pending.length === 0) return;
  const answer = await center.withdrawTickets(pending);
  if (answer?.ok !== true) return;
  keep(await local.forgetWithdrawals(pending));
  log.info('ticket requests withdrawn', { requests: pending.length, withdrawn: answer.value.withdrawn });
}

/**
 * What a kiosk settles with the Center once it answers again: its own tickets of the outage go to the Center's
 * queue (any counter calls them, the oldest first, under the number printed on them: a self-service point has no
 * counter of its own to call them), then the issue and call requests it gave up on are taken back — each may have
 * been carried out after the kiosk stopped waiting, leaving a number nobody holds or a call no screen showed. What
 * fails stays for the next time.
 * Run after any answer of the Center (createCenterQueue) and after each successful sync round (sync-service).
 */
export async function settleOutageTickets(local: TicketsRepository, center: CenterClient): Promise<void> {
  try {
    await handOverOwn(local, center);
    await withdrawGivenUp(local, center);
  } catch (error) {
    log.warn('settling with the Center failed', { error: error instanceof Error ? error.message : String(error) });
  }
}

type Asked<T> = { readonly kind: 'off' } | { readonly kind: 'failed'; readonly failure: Failure } | { readonly kind: 'ok'; readonly value: T };

/**
 * The counter's and the self-service point's queue: the Center's while it answers (one numbering and one order
 * for every counter), this kiosk's own tickets when it does not or when the kiosk is not enrolled. A ticket is
 * always issued and a counter can always call: any failure of the Center means the local queue, never an error.
 */
export function createCenterQueue(deps: CenterQueueDeps) {
  const { local, center, now } = deps;
  const retryAfterMs = deps.retryAfterMs ?? 15_000;
  // getRandomValues, unlike randomUUID, works on a page served over plain HTTP on the LAN too.
  const newRequestId = deps.newRequestId ?? createIdGenerator({ now: () => Date.now(), fillRandom: (bytes) => crypto.getRandomValues(bytes) });
  let downUntil = 0;
  let reachable: boolean | undefined;
  let settling: Promise<void> = Promise.resolve();
  let settlingBusy = false;

  /** Once the Center answers again, in the background (see settleOutageTickets). */
  function settleWithCenter(): void {
    if (center === undefined || settlingBusy) return;
    settlingBusy = true;
    settling = settleOutageTickets(local, center).finally(() => {
      settlingBusy = false;
    });
  }

  async function ask<T>(question: (client: CenterClient) => Promise<Result<T, Failure> | null>): Promise<Asked<T>> {
    if (center === undefined || now() < downUntil) return { kind: 'off' };
    const answer = await question(center);
    if (answer === null) return { kind: 'off' };
    if (answer.ok) {
      reachable = true;
      downUntil = 0;
      settleWithCenter();
      return { kind: 'ok', value: answer.value };
    }
    if (unreachableCodes.has(answer.error.code)) {
      reachable = false;
      downUntil = now() + retryAfterMs;
    }
    log.warn('Center queue failed; local queue used', { code: answer.error.code });
    return { kind: 'failed', failure: answer.error };
  }

  function fromCenter(ticket: ServerTicket, fieldName: string | undefined): TicketRow | undefined {
    // A handed-over ticket keeps the kiosk number printed on it; the Center's own are letter and number.
    const number = ticket.kioskNumber ? ticket.number : centerTicketNumber(ticket.series, ticket.number);
    if (number === undefined) return undefined;
    return {
      id: ticket.id,
      day: ticket.day,
      number,
      issuedAt: ticket.issuedAt,
      fieldCode: ticket.fieldCode,
      fieldName: fieldName ?? deps.fieldName?.(ticket.fieldCode) ?? ticket.fieldCode,
      priority: ticket.priority,
      state: ticket.state,
      ...(ticket.counterId === null ? {} : { counterId: ticket.counterId }),
      ...(ticket.calledAt === null ? {} : { calledAt: ticket.calledAt }),
      ...(ticket.citizenId === undefined ? {} : { citizenId: ticket.citizenId }),
      source: 'center',
    };
  }

  /** The Center's queue now; undefined when not enrolled or unreachable (callers show this kiosk's queue). */
  async function summary(): Promise<QueueSummary | undefined> {
    const asked = await ask((c) => c.queue());
    return asked.kind === 'ok' ? asked.value : undefined;
  }

  async function localEstimate(ahead: number, fieldCode: string): Promise<number | undefined> {
    const calls = (await local.today()).flatMap((t) => (t.calledAt !== undefined && t.counterId !== undefined ? [{ counterId: t.counterId, fieldCode: t.fieldCode, calledAt: t.calledAt }] : []));
    return waitMinutes(estimatedWaitMs(ahead, serviceTimes(calls, now()).get(fieldCode)));
  }

  return {
    /** Whether the kiosk is enrolled, and whether the Center answered the last time it was asked (unknown before). */
    state: (): { readonly configured: boolean; readonly reachable: boolean | undefined } => ({ configured: center !== undefined, reachable }),

    /**
     * `citizenId`: only from the self-service point, once the face matched the chip (never for an "ask an officer"
     * ticket). It goes to the Center, which hands it to the counter that calls the ticket, or stays on this kiosk's
     * own ticket; it is never printed, shown or logged.
     */
    async issue(input: { readonly fieldCode: string; readonly fieldName: string; readonly priority: boolean; readonly citizenId?: string }): Promise<Result<IssuedTicket, Failure>> {
      const requestId = newRequestId();
      const { fieldCode, priority, citizenId } = input;
      const asked = await ask((c) => c.issueTicket({ fieldCode, priority, requestId, ...(citizenId === undefined ? {} : { citizenId }) }));
      if (asked.kind === 'ok') {
        const row = fromCenter(asked.value, input.fieldName);
        if (row !== undefined) {
          keep(await local.recordCenter(row));
          return ok({ ticket: row, source: 'center', ahead: asked.value.ahead, waitMinutes: waitMinutes(asked.value.estimatedWaitMs) });
        }
        log.error('Center ticket number out of range; local ticket issued', { number: asked.value.number });
        keep(await local.rememberWithdrawal(requestId));
      }
      // No answer in time is not "no ticket": the Center may have issued it anyway. The citizen gets this kiosk's
      // ticket, and the Center's is withdrawn once it answers again.
      if (asked.kind === 'failed' && unreachableCodes.has(asked.failure.code)) keep(await local.rememberWithdrawal(requestId));
      const ahead = peopleAhead(await local.waiting(), input.fieldCode, input.priority);
      const issued = await local.issue(input);
      if (!issued.ok) return issued;
      return ok({ ticket: issued.value, source: 'local', ahead, waitMinutes: await localEstimate(ahead, input.fieldCode) });
    },

    /**
     * Finishes the counter's ticket and calls the next. Tickets this kiosk issued on its own while the Center was
     * unreachable go first: no other counter can see them, and they are older than anything issued since.
     */
    async callNext(counterId: string, fieldCodes: readonly string[]): Promise<Result<NextTicket, Failure>> {
      const leftover = pickNext(await local.waiting(), fieldCodes, counterId);
      if (leftover === undefined) {
        const requestId = newRequestId();
        const asked = await ask((c) => c.callNext(counterId, fieldCodes, requestId));
        if (asked.kind === 'ok') {
          const row = asked.value === null ? undefined : fromCenter(asked.value, undefined);
          keep(await local.recordCenterCall(counterId, row));
          return ok({ ticket: row, source: 'center' });
        }
        // The Center may have called a ticket to this counter after the kiosk stopped waiting: no screen here shows
        // it, so it is put back in its line once the Center answers again.
        if (asked.kind === 'failed' && unreachableCodes.has(asked.failure.code)) keep(await local.rememberWithdrawal(requestId));
      }
      const called = await local.callNext(counterId, fieldCodes);
      return called.ok ? ok({ ticket: called.value, source: 'local' }) : called;
    },

    /**
     * Skip or transfer the counter's ticket. A Center ticket is settled on the Center; when it cannot be reached a
     * skip still happens here (the counter moves on; the Center marks the ticket served at this counter's next
     * call), but a transfer cannot: the other counter would never see it.
     */
    async settle(id: string, action: SettleAction): Promise<Result<Ticket, Failure>> {
      const row = await local.get(id);
      if (row?.source !== 'center') return local.settle(id, action);
      const asked = await ask((c) => (action.kind === 'skip' ? c.skipTicket(id) : c.transferTicket(id, action.toCounter)));
      if (asked.kind === 'ok') {
        const settled = fromCenter(asked.value, row.fieldName);
        if (settled !== undefined) {
          const copy: TicketRow = settled.state === 'skipped' ? { ...settled, finishedAt: now() } : settled;
          keep(await local.recordCenter(copy));
          return ok(copy);
        }
      }
      if (action.kind === 'skip') return local.settle(id, action);
      return err(asked.kind === 'failed' && !unreachableCodes.has(asked.failure.code) ? asked.failure : queueFailures.transferNeedsCenter());
    },

    summary,

    /** Resolves when the background hand-over and withdrawals (if they run) have finished. */
    settledWithCenter: (): Promise<void> => settling,

    /** The ticket now called at this counter, of either queue (the Center's are copied here when called). */
    current: (counterId: string): Promise<TicketRow | undefined> => local.current(counterId),

    /** This kiosk's own waiting tickets, plus those of the Center this counter may call while it answers. */
    async waitingCount(fieldCodes: readonly string[]): Promise<number> {
      const own = (await local.waiting()).length;
      const shared = await summary();
      return own + (shared === undefined ? 0 : centerWaiting(shared, fieldCodes));
    },
  };
}

export type CenterQueue = ReturnType<typeof createCenterQueue>;

/** Waiting tickets a counter serving these fields can call (all fields when none), from the Center's summary. */
export function centerWaiting(summary: QueueSummary, fieldCodes: readonly string[]): number {
  const served = new Set(fieldCodes);
  return summary.fields.filter((f) => served.size === 0 || served.has(f.fieldCode)).reduce((sum, f) => sum + f.waiting, 0);
}
