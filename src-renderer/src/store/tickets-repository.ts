import { pickNext, ticketNumber, type Ticket } from '../../../src-shared/domain/queue/ticket';
import { err, failure, FailureError, ok, type Failure, type Result } from '../../../src-shared/result';
import { toFailure } from './failures';
import type { MotCuaDb, TicketRow } from './schema';

export type TicketsDeps = { readonly now: () => number; readonly newId: () => string; readonly kioskSlot: number; readonly day: (at: number) => string };

const exhausted = (): Failure =>
  failure('queue.exhausted', 'Máy đã phát hết 999 số thứ tự hôm nay.', 'This kiosk has issued all 999 ticket numbers for today.');
const notFound = (): Failure => failure('queue.not-found', 'Không tìm thấy số thứ tự này.', 'No such ticket.');

/** Queue tickets of this kiosk: issued, called and finished in read-write transactions, so two windows never clash. */
export function createTicketsRepository(db: MotCuaDb, deps: TicketsDeps) {
  const run = async <T>(body: () => Promise<T>, table: MotCuaDb['tickets'] | MotCuaDb['settings'] = db.tickets): Promise<Result<T, Failure>> => {
    try {
      return ok(await db.transaction('rw', table, body));
    } catch (error) {
      return err(toFailure(error, 'write'));
    }
  };
  const today = () => deps.day(deps.now());
  const ticketsToday = async (): Promise<TicketRow[]> => db.tickets.where('[day+number]').between([today(), 0], [today(), Infinity]).toArray();
  // A Center ticket's copy here is history: the Center decides who is next, so this kiosk never calls it itself.
  const waitingToday = async () => (await ticketsToday()).filter((t) => t.state === 'waiting' && t.source !== 'center');
  // A copy whose number another Center ticket now holds (the server's database was replaced) is stale: it goes.
  const putCenter = async (ticket: TicketRow) => {
    const clash = await db.tickets.where('[day+number]').equals([ticket.day, ticket.number]).first();
    if (clash !== undefined && clash.id !== ticket.id && clash.source === 'center') await db.tickets.delete(clash.id);
    await db.tickets.put({ ...ticket, source: 'center' });
  };
  // Issue and call requests the Center did not answer in time (center-queue.ts), until it has taken them back.
  const withdrawalsKey = 'queue.ticketWithdrawals';
  type PendingWithdrawal = { readonly requestId: string; readonly day: string };
  const pendingToday = async (): Promise<PendingWithdrawal[]> => {
    const row = await db.settings.get(withdrawalsKey);
    const list = Array.isArray(row?.value) ? (row.value as PendingWithdrawal[]) : [];
    // Another day's waiting tickets are never called: only today's requests still matter.
    return list.filter((w) => w.day === today());
  };
  const finishCalled = async (counterId: string, at: number) => {
    for (const called of (await ticketsToday()).filter((t) => t.state === 'called' && t.counterId === counterId)) {
      await db.tickets.put({ ...called, state: 'served', finishedAt: at });
    }
  };

  return {
    issue: (input: { fieldCode: string; fieldName: string; priority: boolean; citizenId?: string }): Promise<Result<TicketRow, Failure>> =>
      run(async () => {
        const day = today();
        const base = deps.kioskSlot * 1000;
        const last = await db.tickets.where('[day+number]').between([day, base], [day, base + 1000], true, false).last();
        const number = ticketNumber(deps.kioskSlot, last === undefined ? 1 : last.number - base + 1);
        if (number === undefined) throw new FailureError(exhausted());
        const ticket: TicketRow = { id: deps.newId(), day, number, issuedAt: deps.now(), state: 'waiting', ...input };
        await db.tickets.add(ticket);
        return ticket;
      }),

    /** This kiosk's own waiting tickets of today (not the copies of Center tickets). */
    waiting: async (): Promise<TicketRow[]> => waitingToday(),

    /** Every ticket of today, both kinds: the calls in it feed the local waiting estimate. */
    today: async (): Promise<TicketRow[]> => ticketsToday(),

    get: async (id: string): Promise<TicketRow | undefined> => db.tickets.get(id),

    /** Remembers an issue or call request the Center may have carried out after the kiosk stopped waiting for it. */
    rememberWithdrawal: (requestId: string): Promise<Result<void, Failure>> =>
      run(async () => {
        const list = [...(await pendingToday()), { requestId, day: today() }].slice(-100);
        await db.settings.put({ key: withdrawalsKey, value: list });
      }, db.settings),

    /**
     * The Center took these of this kiosk's own tickets: each still waiting becomes a copy of the Center's (called
     * by whichever counter the Center gives it to, never by this kiosk's own queue). Answers the ids that were
     * called or settled here meanwhile: the Center must withdraw those.
     */
    markHandedOver: (ids: readonly string[]): Promise<Result<string[], Failure>> =>
      run(async () => {
        const calledMeanwhile: string[] = [];
        for (const row of await db.tickets.bulkGet([...ids])) {
          if (row === undefined || row.source === 'center') continue;
          if (row.state === 'waiting') await db.tickets.put({ ...row, source: 'center' });
          else calledMeanwhile.push(row.id);
        }
        return calledMeanwhile;
      }),

    /** Today's requests still to withdraw, oldest first. */
    pendingWithdrawals: async (): Promise<string[]> => (await pendingToday()).map((w) => w.requestId),

    /** The Center has taken these back. */
    forgetWithdrawals: (requestIds: readonly string[]): Promise<Result<void, Failure>> =>
      run(async () => {
        const done = new Set(requestIds);
        await db.settings.put({ key: withdrawalsKey, value: (await pendingToday()).filter((w) => !done.has(w.requestId)) });
      }, db.settings),

    /** Keeps the copy of a Center ticket as the server last answered it (issued, skipped, transferred). */
    recordCenter: (ticket: TicketRow): Promise<Result<TicketRow, Failure>> =>
      run(async () => {
        await putCenter(ticket);
        return ticket;
      }),

    /** The Center called `called` (or nobody) to this counter: the counter's previous ticket is served. */
    recordCenterCall: (counterId: string, called: TicketRow | undefined): Promise<Result<TicketRow | undefined, Failure>> =>
      run(async () => {
        await finishCalled(counterId, deps.now());
        if (called !== undefined) await putCenter(called);
        return called;
      }),

    /** The ticket now called at this counter, if any. */
    current: async (counterId: string): Promise<TicketRow | undefined> =>
      (await ticketsToday()).filter((t) => t.state === 'called' && t.counterId === counterId).sort((a, b) => (b.calledAt ?? 0) - (a.calledAt ?? 0))[0],

    /** Finishes the counter's current ticket (served) and calls the next one of its fields. */
    callNext: (counterId: string, fieldCodes: readonly string[]): Promise<Result<TicketRow | undefined, Failure>> =>
      run(async () => {
        const now = deps.now();
        await finishCalled(counterId, now);
        const next = pickNext(await waitingToday(), fieldCodes, counterId);
        if (!next) return undefined;
        const called: TicketRow = { ...next, state: 'called', counterId, calledAt: now };
        await db.tickets.put(called);
        return called;
      }),

    /** Skip (the citizen is not there) or hand the ticket to another counter, which will call it next. */
    settle: (id: string, action: { kind: 'skip' } | { kind: 'transfer'; toCounter: string }): Promise<Result<Ticket, Failure>> =>
      run(async () => {
        const ticket = await db.tickets.get(id);
        if (!ticket) throw new FailureError(notFound());
        const next: TicketRow =
          action.kind === 'skip'
            ? { ...ticket, state: 'skipped', finishedAt: deps.now() }
            : { ...ticket, state: 'waiting', counterId: action.toCounter, priority: true, issuedAt: ticket.issuedAt };
        await db.tickets.put(next);
        return next;
      }),
  };
}

export type TicketsRepository = ReturnType<typeof createTicketsRepository>;
