import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { formatTicketNumber } from '../src-shared/domain/queue/ticket';
import { mondayMorning } from '../src-shared/domain/records/fixtures.testing';
import { createCenterClient } from '../src-shared/sync/center-client';
import type { HttpResponse, Transport } from '../src-shared/sync/http';
import { openOrThrow, uniqueDbName } from '../src-renderer/src/store/fixtures.testing';
import { createTicketsRepository } from '../src-renderer/src/store/tickets-repository';
import { createCenterQueue } from '../src-renderer/src/queue/center-queue';
import { enrollVia, injectTransport, nextUnit, useHarness } from '../sync-server/harness.testing';

const minute = 60_000;

/**
 * The kiosk's queue against the real sync server in process (PGlite): Center numbers while it answers, the
 * kiosk's own numbers the moment it does not (the line cut, a 5xx), every ticket kept in the kiosk's Dexie.
 */
describe('the kiosk’s queue: the Center while it answers, its own otherwise', () => {
  let clock = mondayMorning;
  const h = useHarness('pglite', { now: () => clock });

  /**
   * What the line does to the next calls: pass them, drop them (no answer), answer 503 as a proxy would, or carry
   * them to the server and lose the answer (it came after the kiosk's deadline).
   */
  type Line = 'up' | 'cut' | '503' | 'answer-lost';

  async function kiosk(unit: string, name: string) {
    const enrolled = await enrollVia(h.app, unit, name);
    const db = await openOrThrow(uniqueDbName());
    const line: { state: Line } = { state: 'up' };
    const server = injectTransport(() => h.app);
    const transport: Transport = async (url, request): Promise<HttpResponse> => {
      if (line.state === 'cut') throw new Error('connect ECONNREFUSED');
      if (line.state === '503') return { status: 503, headers: { get: () => null }, json: async () => ({}) };
      if (line.state === 'answer-lost') {
        await server(url, request);
        throw new Error('no answer within 2500 ms');
      }
      return server(url, request);
    };
    const local = createTicketsRepository(db, { now: () => clock, newId: () => randomUUID(), kioskSlot: enrolled.kioskSlot, day: () => '2026-03-02' });
    const queue = createCenterQueue({
      local,
      center: createCenterClient(transport, () => ({ baseUrl: 'http://sync', token: enrolled.token, unitId: unit })),
      now: () => clock,
      fieldName: (code) => ({ 'ho-tich': 'Hộ tịch', 'dat-dai': 'Đất đai' })[code],
      retryAfterMs: minute,
    });
    return { enrolled, db, line, local, queue };
  }

  it('issues Center numbers on every kiosk, calls them from any counter and keeps a copy in each kiosk', async () => {
    const unit = nextUnit();
    const a = await kiosk(unit, 'cq-a');
    const b = await kiosk(unit, 'cq-b');
    const first = await a.queue.issue({ fieldCode: 'ho-tich', fieldName: 'Hộ tịch', priority: false });
    clock += 1000;
    const second = await b.queue.issue({ fieldCode: 'ho-tich', fieldName: 'Hộ tịch', priority: false });
    clock += 1000;
    const land = await b.queue.issue({ fieldCode: 'dat-dai', fieldName: 'Đất đai', priority: false });
    clock = mondayMorning;
    if (!first.ok || !second.ok || !land.ok) throw new Error('issue');
    expect([first.value, second.value, land.value].map((t) => [t.source, formatTicketNumber(t.ticket.number), t.ahead])).toEqual([
      ['center', 'A001', 0],
      ['center', 'A002', 1],
      ['center', 'B001', 0],
    ]);
    // Each issuing kiosk holds its ticket, marked as the Center's, under the server's id.
    expect(await a.db.tickets.get(first.value.ticket.id)).toMatchObject({ source: 'center', number: 10001, state: 'waiting', fieldName: 'Hộ tịch' });
    expect(await b.db.tickets.count()).toBe(2);
    // Copies are history: the kiosk's own queue stays empty, so nothing is called twice.
    expect(await a.local.waiting()).toEqual([]);
    expect(await a.queue.waitingCount([])).toBe(3);
    expect(await a.queue.waitingCount(['dat-dai'])).toBe(1);

    // Counter 2 on kiosk B calls the ticket kiosk A issued; then the land ticket: A001 is served at B.
    const called = await b.queue.callNext('2', ['ho-tich']);
    expect(called.ok && [called.value.source, called.value.ticket?.id]).toEqual(['center', first.value.ticket.id]);
    expect(await b.queue.current('2')).toMatchObject({ id: first.value.ticket.id, state: 'called', counterId: '2', fieldName: 'Hộ tịch' });
    const next = await b.queue.callNext('2', []);
    expect(next.ok && next.value.ticket && formatTicketNumber(next.value.ticket.number)).toBe('A002');
    expect((await b.db.tickets.get(first.value.ticket.id))?.state).toBe('served');
    const summary = await a.queue.summary();
    expect(summary?.recentCalls.map((c) => [c.label, c.counterId, c.state])).toEqual([
      ['A002', '2', 'called'],
      ['A001', '2', 'served'],
    ]);
  });

  it('falls back to the kiosk’s own numbers when the line is cut or the server fails, and comes back', async () => {
    const unit = nextUnit();
    const a = await kiosk(unit, 'cq-c');
    const slot = a.enrolled.kioskSlot;
    const centerTicket = await a.queue.issue({ fieldCode: 'ho-tich', fieldName: 'Hộ tịch', priority: false });
    expect(centerTicket.ok && centerTicket.value.source).toBe('center');

    a.line.state = 'cut';
    const cut = await a.queue.issue({ fieldCode: 'ho-tich', fieldName: 'Hộ tịch', priority: false });
    expect(cut.ok && [cut.value.source, cut.value.ticket.number, cut.value.ahead]).toEqual(['local', slot * 1000 + 1, 0]);
    expect(a.queue.state()).toEqual({ configured: true, reachable: false });
    // After its rest the Center is asked again; a 503 is no better.
    a.line.state = '503';
    clock += minute + 1;
    const failing = await a.queue.issue({ fieldCode: 'ho-tich', fieldName: 'Hộ tịch', priority: true });
    expect(failing.ok && [failing.value.source, failing.value.ticket.number, failing.value.ahead]).toEqual(['local', slot * 1000 + 2, 0]);
    expect(await a.db.tickets.get(failing.ok ? failing.value.ticket.id : '')).toMatchObject({ state: 'waiting', priority: true });
    // Resting again: not even asked, so the counter does not wait for it.
    a.line.state = 'up';
    expect(await a.queue.summary()).toBeUndefined();
    a.line.state = '503';
    // Calls go on from the kiosk's own queue: its priority ticket first.
    const offline = await a.queue.callNext('1', []);
    expect(offline.ok && [offline.value.source, offline.value.ticket?.number]).toEqual(['local', slot * 1000 + 2]);

    // The line is back (after the rest): first the tickets only this kiosk knows, then the Center's again.
    a.line.state = 'up';
    clock += minute + 1;
    const leftover = await a.queue.callNext('1', []);
    expect(leftover.ok && [leftover.value.source, leftover.value.ticket?.number]).toEqual(['local', slot * 1000 + 1]);
    const back = await a.queue.callNext('1', []);
    expect(back.ok && [back.value.source, back.value.ticket && formatTicketNumber(back.value.ticket.number)]).toEqual(['center', 'A001']);
    expect(a.queue.state()).toEqual({ configured: true, reachable: true });
    const after = await a.queue.issue({ fieldCode: 'ho-tich', fieldName: 'Hộ tịch', priority: false });
    expect(after.ok && after.value.source).toBe('center');
    clock = mondayMorning;
  });

  it('takes back a Center ticket whose answer came too late, and hands the kiosk’s own ticket over to the Center', async () => {
    const unit = nextUnit();
    const point = await kiosk(unit, 'cq-w');
    const counter = await kiosk(unit, 'cq-x');
    const hoTich = { fieldCode: 'ho-tich', fieldName: 'Hộ tịch', priority: false };
    const own = point.enrolled.kioskSlot * 1000 + 1;
    point.line.state = 'answer-lost';
    const given = await point.queue.issue({ ...hoTich, citizenId: '001099012345' });
    expect(given.ok && [given.value.source, given.value.ticket.number]).toEqual(['local', own]);
    expect(await point.local.pendingWithdrawals()).toHaveLength(1);
    // Meanwhile the Center holds a waiting ticket nobody has, and no counter of the Center sees the citizen's.
    expect((await counter.queue.summary())?.fields.map((f) => [f.fieldCode, f.waiting])).toEqual([['ho-tich', 1]]);

    // The line is back: the next ticket comes from the Center; behind it the point hands its own ticket over (it
    // keeps its printed number) and takes the stray one back.
    point.line.state = 'up';
    clock += minute + 1;
    const next = await point.queue.issue(hoTich);
    expect(next.ok && [next.value.source, formatTicketNumber(next.value.ticket.number)]).toEqual(['center', 'A002']);
    await point.queue.settledWithCenter();
    expect([await point.local.pendingWithdrawals(), await point.local.waiting()]).toEqual([[], []]);
    expect((await counter.queue.summary())?.fields.map((f) => [f.fieldCode, f.waiting])).toEqual([['ho-tich', 2]]);

    // Any counter calls the handed-over ticket first (it is the oldest), under the number the citizen holds, with
    // the citizen's ID when the point had identified them; then A002; never the stray A001.
    const first = await counter.queue.callNext('2', []);
    expect(first.ok && first.value.ticket && [first.value.source, formatTicketNumber(first.value.ticket.number), first.value.ticket.citizenId]).toEqual([
      'center',
      formatTicketNumber(own),
      '001099012345',
    ]);
    const summary = await counter.queue.summary();
    expect(summary?.recentCalls.map((c) => [c.label, c.counterId])).toEqual([[formatTicketNumber(own), '2']]);
    const second = await counter.queue.callNext('2', []);
    expect(second.ok && second.value.ticket && formatTicketNumber(second.value.ticket.number)).toBe('A002');
    const nothing = await counter.queue.callNext('2', []);
    expect(nothing.ok && nothing.value.ticket).toBeUndefined();
    // Handing over again changes nothing: the Center has it once.
    expect(await point.queue.summary()).toBeDefined();
    await point.queue.settledWithCenter();
    expect((await counter.queue.summary())?.fields.map((f) => [f.fieldCode, f.waiting])).toEqual([['ho-tich', 0]]);
    clock = mondayMorning;
  });

  it('puts back in line a Center ticket called to a counter whose answer came too late', async () => {
    const unit = nextUnit();
    const point = await kiosk(unit, 'cq-u');
    const counter = await kiosk(unit, 'cq-v');
    const other = await kiosk(unit, 'cq-t');
    const issued = await point.queue.issue({ fieldCode: 'ho-tich', fieldName: 'Hộ tịch', priority: false });
    if (!issued.ok) throw new Error('issue');
    // Counter 1 calls: the Center calls the ticket to it, but the answer is lost; the counter shows nothing.
    counter.line.state = 'answer-lost';
    const lost = await counter.queue.callNext('1', []);
    expect(lost.ok && lost.value.ticket).toBeUndefined();
    expect(await counter.local.pendingWithdrawals()).toHaveLength(1);
    // Back: the call is withdrawn behind the next answer, and the ticket waits again for whoever calls next.
    counter.line.state = 'up';
    clock += minute + 1;
    expect(await counter.queue.summary()).toBeDefined();
    await counter.queue.settledWithCenter();
    expect(await counter.local.pendingWithdrawals()).toEqual([]);
    const again = await other.queue.callNext('2', []);
    expect(again.ok && again.value.ticket?.id).toBe(issued.value.ticket.id);
    clock = mondayMorning;
  });

  it('withdraws a ticket the counter called itself while handing it over, and refuses another kiosk’s numbers', async () => {
    const unit = nextUnit();
    const a = await kiosk(unit, 'cq-y');
    const b = await kiosk(unit, 'cq-z');
    a.line.state = 'cut';
    const offline = await a.queue.issue({ fieldCode: 'ho-tich', fieldName: 'Hộ tịch', priority: true });
    if (!offline.ok) throw new Error('issue');
    // The hand-over reaches the Center, but the counter calls the ticket itself before the answer is applied.
    a.line.state = 'up';
    const center = createCenterClient(injectTransport(() => h.app), () => ({ baseUrl: 'http://sync', token: a.enrolled.token, unitId: unit }));
    const ticket = offline.value.ticket;
    const handed = await center.handOverTickets([{ id: ticket.id, fieldCode: ticket.fieldCode, priority: true, number: ticket.number, issuedAt: ticket.issuedAt }]);
    expect(handed?.ok && handed.value).toEqual({ handedOver: [ticket.id], refused: [] });
    clock += minute + 1;
    const calledHere = await a.queue.callNext('1', []);
    expect(calledHere.ok && calledHere.value.source).toBe('local');
    const marked = await a.local.markHandedOver([ticket.id]);
    expect(marked.ok && marked.value).toEqual([ticket.id]);
    await a.local.rememberWithdrawal(ticket.id);
    expect(await a.queue.summary()).toBeDefined();
    await a.queue.settledWithCenter();
    const none = await b.queue.callNext('3', []);
    expect(none.ok && none.value.ticket).toBeUndefined();

    // A kiosk may hand over only numbers of its own slot.
    const other = createCenterClient(injectTransport(() => h.app), () => ({ baseUrl: 'http://sync', token: b.enrolled.token, unitId: unit }));
    const stolen = await other.handOverTickets([{ id: randomUUID(), fieldCode: 'ho-tich', priority: false, number: a.enrolled.kioskSlot * 1000 + 7, issuedAt: clock }]);
    expect(stolen?.ok && stolen.value.refused.length).toBe(1);
    clock = mondayMorning;
  });

  it('skips and transfers Center tickets on the Center; without it a skip stays local and a transfer is refused', async () => {
    const unit = nextUnit();
    const a = await kiosk(unit, 'cq-d');
    const b = await kiosk(unit, 'cq-e');
    for (let i = 0; i < 3; i += 1) await a.queue.issue({ fieldCode: 'ho-tich', fieldName: 'Hộ tịch', priority: false });
    const absent = await a.queue.callNext('1', []);
    if (!absent.ok || absent.value.ticket === undefined) throw new Error('call');
    const skipped = await a.queue.settle(absent.value.ticket.id, { kind: 'skip' });
    expect(skipped.ok && skipped.value.state).toBe('skipped');
    expect((await a.queue.summary())?.recentCalls[0]?.state).toBe('skipped');

    const moving = await a.queue.callNext('1', []);
    if (!moving.ok || moving.value.ticket === undefined) throw new Error('call');
    const moved = await a.queue.settle(moving.value.ticket.id, { kind: 'transfer', toCounter: '3' });
    expect(moved.ok && [moved.value.state, moved.value.counterId]).toEqual(['waiting', '3']);
    // Counter 3, on the other kiosk, gets it before the ticket that has waited as long.
    const atThree = await b.queue.callNext('3', []);
    expect(atThree.ok && atThree.value.ticket?.id).toBe(moving.value.ticket.id);

    const last = await a.queue.callNext('1', []);
    if (!last.ok || last.value.ticket === undefined) throw new Error('call');
    a.line.state = 'cut';
    const refused = await a.queue.settle(last.value.ticket.id, { kind: 'transfer', toCounter: '3' });
    expect(!refused.ok && [refused.error.code, refused.error.message.length > 0, refused.error.messageEn.length > 0]).toEqual(['queue.transfer-needs-center', true, true]);
    const skippedHere = await a.queue.settle(last.value.ticket.id, { kind: 'skip' });
    expect(skippedHere.ok && skippedHere.value.state).toBe('skipped');
    expect((await a.db.tickets.get(last.value.ticket.id))?.state).toBe('skipped');
  });

  it('carries the citizen a self-service point identified to the counter that calls the ticket, and to no one else', async () => {
    const unit = nextUnit();
    const point = await kiosk(unit, 'cq-p');
    const counter = await kiosk(unit, 'cq-q');
    const citizenId = '001099012345';
    const identified = await point.queue.issue({ fieldCode: 'ho-tich', fieldName: 'Hộ tịch', priority: false, citizenId });
    const askedOfficer = await point.queue.issue({ fieldCode: 'ho-tich', fieldName: 'Hộ tịch', priority: false });
    if (!identified.ok || !askedOfficer.ok) throw new Error('issue');
    expect(identified.value.source).toBe('center');
    // The point's own copy (it printed the ticket) does not keep the ID number: the Center holds it for the counter.
    expect(identified.value.ticket).not.toHaveProperty('citizenId');
    expect(await point.db.tickets.get(identified.value.ticket.id)).not.toHaveProperty('citizenId');

    const called = await counter.queue.callNext('2', []);
    expect(called.ok && [called.value.ticket?.id, called.value.ticket?.citizenId]).toEqual([identified.value.ticket.id, citizenId]);
    // Kept with the counter's copy, so the queue screen still offers the file after a reload.
    expect(await counter.queue.current('2')).toMatchObject({ id: identified.value.ticket.id, state: 'called', citizenId });
    const summary = await point.queue.summary();
    expect(JSON.stringify(summary)).not.toContain(citizenId);

    const next = await counter.queue.callNext('2', []);
    expect(next.ok && next.value.ticket?.id).toBe(askedOfficer.value.ticket.id);
    expect(await counter.queue.current('2')).not.toHaveProperty('citizenId');

    // With the Center unreachable the point's own ticket carries the citizen, for a counter calling from this kiosk.
    point.line.state = 'cut';
    const offline = await point.queue.issue({ fieldCode: 'ho-tich', fieldName: 'Hộ tịch', priority: false, citizenId });
    expect(offline.ok && offline.value.source).toBe('local');
    const calledHere = await point.queue.callNext('1', []);
    expect(calledHere.ok && [calledHere.value.source, calledHere.value.ticket?.citizenId]).toEqual(['local', citizenId]);
  });

  it('estimates the wait from the Center’s calls', async () => {
    const unit = nextUnit();
    const a = await kiosk(unit, 'cq-f');
    try {
      for (let i = 0; i < 6; i += 1) await a.queue.issue({ fieldCode: 'ho-tich', fieldName: 'Hộ tịch', priority: false });
      for (const m of [0, 5, 10]) {
        clock = mondayMorning + m * minute;
        await a.queue.callNext('1', []);
      }
      const issued = await a.queue.issue({ fieldCode: 'ho-tich', fieldName: 'Hộ tịch', priority: false });
      // 3 waiting ahead × 5 minutes at the one active counter.
      expect(issued.ok && [issued.value.ahead, issued.value.waitMinutes]).toEqual([3, 15]);
    } finally {
      clock = mondayMorning;
    }
  });
});
