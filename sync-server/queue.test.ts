import { describe, expect, it } from 'vitest';
import { mondayMorning } from '../src-shared/domain/records/fixtures.testing';
import { createCenterClient } from '../src-shared/sync/center-client';
import { callNextResponseSchema, issuedTicketSchema, queueSummarySchema, serverTicketSchema, type ServerTicket } from '../src-shared/sync/protocol';
import { bearer, enrollVia, injectTransport, nextUnit, postgresSkipped, storageKinds, useHarness } from './harness.testing';

const minute = 60_000;

/** The Center-wide queue on both storages: numbers, calls, skip/transfer, the summary a display reads, access. */
describe.each(storageKinds)('Center queue on %s', (kind) => {
  let clock = mondayMorning;
  const h = useHarness(kind, { now: () => clock });

  const skip = postgresSkipped(kind);
  const auth = bearer;

  async function center(unit: string, kioskId: string) {
    const enrolled = await enrollVia(h.app, unit, kioskId);
    const inject = (method: 'GET' | 'POST', url: string, payload?: object) =>
      h.app.inject({ method, url: `/v1/centers/${unit}${url}`, headers: auth(enrolled.token), ...(payload === undefined ? {} : { payload }) });
    return {
      enrolled,
      issue: async (fieldCode: string, priority = false) => issuedTicketSchema.parse((await inject('POST', '/tickets', { fieldCode, priority })).json()),
      next: async (counterId: string, fieldCodes: string[] = []) => callNextResponseSchema.parse((await inject('POST', '/tickets/next', { counterId, fieldCodes })).json()).ticket,
      skip: (id: string) => inject('POST', `/tickets/${id}/skip`, {}),
      transfer: (id: string, toCounter: string) => inject('POST', `/tickets/${id}/transfer`, { toCounter }),
      summary: async (query = '') => queueSummarySchema.parse((await inject('GET', `/queue${query}`)).json()),
      issueAs: (requestId: string, fieldCode = 'ho-tich') => inject('POST', '/tickets', { fieldCode, requestId }),
      withdraw: (requestIds: string[]) => inject('POST', '/tickets/withdrawals', { requestIds }),
      handOver: (tickets: object[]) => inject('POST', '/tickets/handovers', { tickets }),
      callAs: (requestId: string, counterId: string) => inject('POST', '/tickets/next', { counterId, fieldCodes: [], requestId }),
    };
  }

  it.skipIf(skip)('answers a repeated call with the same ticket, and puts a call its kiosk gave up on back in line', async () => {
    const unit = nextUnit();
    const a = await center(unit, `qa-${unit}`);
    const b = await center(unit, `qb-${unit}`);
    const first = await a.issue('ho-tich');
    const second = await a.issue('ho-tich');
    const [c1, c2, c3] = ['0195f1c2-0000-4000-8000-0000000000c1', '0195f1c2-0000-4000-8000-0000000000c2', '0195f1c2-0000-4000-8000-0000000000c3'];
    const called = callNextResponseSchema.parse((await a.callAs(c1, 'q1')).json()).ticket;
    expect(called?.id).toBe(first.id);
    // The same call again (its answer was lost): the same ticket, nothing else called or finished.
    expect(callNextResponseSchema.parse((await a.callAs(c1, 'q1')).json()).ticket?.id).toBe(first.id);
    expect((await a.summary()).fields[0]?.waiting).toBe(1);

    // Counter q1 gave up on c1 (it went on with its own queue): the first ticket waits again, first in line, and
    // the next counter to call gets it.
    expect((await a.withdraw([c1])).json()).toEqual({ withdrawn: 1 });
    expect((await a.summary()).fields[0]?.waiting).toBe(2);
    expect((await b.next('q2'))?.id).toBe(first.id);
    // A call that arrives after its withdrawal is refused; a withdrawal of a call already finished changes nothing.
    await a.withdraw([c2]);
    const late = await a.callAs(c2, 'q1');
    expect([late.statusCode, late.json<{ error: { code: string } }>().error.code]).toEqual([409, 'sync.ticket-withdrawn']);
    expect(callNextResponseSchema.parse((await a.callAs(c3, 'q1')).json()).ticket?.id).toBe(second.id);
    await b.next('q1');
    expect((await a.withdraw([c3])).json()).toEqual({ withdrawn: 0 });
  });

  it.skipIf(skip)('takes a kiosk’s outage tickets into the queue under their printed numbers, once, and only its own of today', async () => {
    const unit = nextUnit();
    const a = await center(unit, `qa-${unit}`);
    const b = await center(unit, `qb-${unit}`);
    const slot = a.enrolled.kioskSlot;
    const ids = ['0195f1c2-0000-4000-8000-0000000000a1', '0195f1c2-0000-4000-8000-0000000000a2', '0195f1c2-0000-4000-8000-0000000000a3', '0195f1c2-0000-4000-8000-0000000000a4'];
    const centerFirst = await a.issue('ho-tich');
    const own = (id: string, n: number, extra: object = {}) => ({ id, fieldCode: 'ho-tich', priority: false, number: slot * 1000 + n, issuedAt: clock - 10 * minute + n, ...extra });
    const otherSlot = ((slot + 1) % 10) * 1000 + 1;
    const answer = await a.handOver([own(ids[0] ?? '', 1), own(ids[1] ?? '', 2, { priority: true }), { ...own(ids[2] ?? '', 3), number: otherSlot }, own(ids[3] ?? '', 4, { issuedAt: clock - 24 * 60 * minute })]);
    expect(answer.json()).toEqual({ handedOver: [ids[0], ids[1]], refused: [ids[2], ids[3]] });
    // Again (the answer was lost): the same ids, nothing doubled.
    expect((await a.handOver([own(ids[0] ?? '', 1)])).json()).toEqual({ handedOver: [ids[0]], refused: [] });
    expect((await a.summary()).fields.map((f) => [f.fieldCode, f.waiting, f.priorityWaiting])).toEqual([['ho-tich', 3, 1]]);
    // The Center's own numbering goes on undisturbed; a counter calls priority first, then the oldest.
    expect((await a.issue('ho-tich')).number).toBe(2);
    const calls = [await b.next('q1'), await b.next('q1'), await b.next('q1')];
    const label = (n: number) => String(slot * 1000 + n).padStart(4, '0');
    expect(calls.map((t) => [t?.label, t?.kioskNumber])).toEqual([
      [label(2), true],
      [label(1), true],
      [centerFirst.label, false],
    ]);
    // The displays read the printed number of a handed-over ticket.
    expect((await a.summary()).recentCalls.map((c) => c.label).sort()).toEqual([label(1), label(2), centerFirst.label].sort());
    // A withdrawn id is never taken.
    const late = '0195f1c2-0000-4000-8000-0000000000a5';
    await a.withdraw([late]);
    expect((await a.handOver([own(late, 5)])).json()).toEqual({ handedOver: [], refused: [late] });
  });

  it.skipIf(skip)('answers a repeated request with the same ticket, and withdraws a request its kiosk gave up on, even one arriving late', async () => {
    const unit = nextUnit();
    const a = await center(unit, `qa-${unit}`);
    const b = await center(unit, `qb-${unit}`);
    const [r1, r2, r3, r4] = ['0195f1c2-0000-4000-8000-000000000001', '0195f1c2-0000-4000-8000-000000000002', '0195f1c2-0000-4000-8000-000000000003', '0195f1c2-0000-4000-8000-000000000004'];
    const first = issuedTicketSchema.parse((await a.issueAs(r1)).json());
    // The same request again (its answer was lost): the same ticket, no number used up.
    const again = issuedTicketSchema.parse((await a.issueAs(r1)).json());
    expect([again.id, again.number]).toEqual([first.id, 1]);
    const second = issuedTicketSchema.parse((await a.issueAs(r2)).json());
    expect([second.number, second.ahead]).toEqual([2, 1]);

    // The kiosk gave up on r2 (it issued its own ticket): r2's ticket is no longer waiting; r3 never arrived, yet
    // stays refused when it comes late; withdrawing twice changes nothing.
    expect((await a.withdraw([r2, r3])).json()).toEqual({ withdrawn: 1 });
    expect((await a.withdraw([r2, r3])).json()).toEqual({ withdrawn: 0 });
    const late = await a.issueAs(r3);
    expect([late.statusCode, late.json<{ error: { code: string } }>().error.code]).toEqual([409, 'sync.ticket-withdrawn']);
    expect((await a.summary()).fields.map((f) => [f.fieldCode, f.waiting])).toEqual([['ho-tich', 1]]);
    // No counter calls the withdrawn number: the first, then nothing.
    expect((await b.next('q1'))?.number).toBe(1);
    expect(await b.next('q2')).toBeNull();

    // A withdrawal of a ticket a counter already called leaves it called.
    const called = issuedTicketSchema.parse((await a.issueAs(r4)).json());
    expect((await b.next('q2'))?.id).toBe(called.id);
    expect((await a.withdraw([r4])).json()).toEqual({ withdrawn: 0 });
    expect((await a.summary()).recentCalls.find((c) => c.id === called.id)?.state).toBe('called');

    // Only the Center's kiosks withdraw; a malformed id is refused.
    const stranger = await center(nextUnit(), `qs-${unit}`);
    expect((await h.app.inject({ method: 'POST', url: `/v1/centers/${unit}/tickets/withdrawals`, headers: auth(stranger.enrolled.token), payload: { requestIds: [r1] } })).statusCode).toBe(403);
    expect((await a.withdraw(['not-a-uuid'])).statusCode).toBe(400);
  });

  it.skipIf(skip)('gives two kiosks issuing at once distinct numbers, and each field its own letter', async () => {
    const unit = nextUnit();
    const a = await center(unit, `qa-${unit}`);
    const b = await center(unit, `qb-${unit}`);
    const issued = await Promise.all(
      Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? a : b).issue(i % 3 === 0 ? 'dat-dai' : 'ho-tich')),
    );
    const numbersOf = (field: string) => issued.filter((t) => t.fieldCode === field).map((t) => t.number).sort((x, y) => x - y);
    expect(numbersOf('ho-tich')).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));
    expect(numbersOf('dat-dai')).toEqual(Array.from({ length: 8 }, (_, i) => i + 1));
    // Two fields, two letters (A and B, in whichever order their first tickets came), one per field.
    const letters = new Map(issued.map((t) => [t.fieldCode, t.series]));
    expect(new Set(letters.values())).toEqual(new Set([0, 1]));
    expect(issued.every((t) => t.series === letters.get(t.fieldCode))).toBe(true);
    expect(new Set(issued.map((t) => t.label)).size).toBe(24);
    const hoTich = issued.find((t) => t.fieldCode === 'ho-tich' && t.number === 7);
    expect(hoTich?.label).toBe(`${letters.get('ho-tich') === 0 ? 'A' : 'B'}007`);

    // The next day numbers start again; the letters stay, so the signs at the counters stay true.
    clock += 24 * 60 * minute;
    try {
      const tomorrow = await a.issue('dat-dai');
      expect([tomorrow.number, tomorrow.series, tomorrow.day]).toEqual([1, letters.get('dat-dai'), '2026-03-03']);
      expect((await a.issue('cu-tru')).series).toBe(2);
    } finally {
      clock = mondayMorning;
    }
  });

  it.skipIf(skip)('never gives one ticket to two counters calling at once, and finishes each counter’s previous ticket', async () => {
    const unit = nextUnit();
    const a = await center(unit, `qa-${unit}`);
    const b = await center(unit, `qb-${unit}`);
    for (let i = 0; i < 20; i += 1) await a.issue('ho-tich');
    const rounds: (ServerTicket | null)[] = [];
    for (let round = 0; round < 5; round += 1) {
      rounds.push(...(await Promise.all([a.next('1'), b.next('2'), a.next('3'), b.next('4')])));
    }
    const ids = rounds.flatMap((t) => (t === null ? [] : [t.id]));
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
    expect(await Promise.all([a.next('1'), b.next('2'), a.next('3'), b.next('4')])).toEqual([null, null, null, null]);
    // Every counter's last ticket was finished by its next call, even one that found nobody waiting.
    const states = await h.db.query(`SELECT state, count(*) AS n FROM tickets WHERE unit_id = $1 GROUP BY state`, [unit]);
    expect(Object.fromEntries(states.map((r) => [String(r.state), Number(r.n)]))).toEqual({ served: 20 });
  });

  it.skipIf(skip)('calls priority first and then the oldest, only of the counter’s fields', async () => {
    const unit = nextUnit();
    const a = await center(unit, `qa-${unit}`);
    const first = await a.issue('ho-tich');
    clock += minute;
    await a.issue('dat-dai');
    clock += minute;
    const urgent = await a.issue('ho-tich', true);
    clock = mondayMorning;
    expect((await a.next('1', ['ho-tich']))?.id).toBe(urgent.id);
    expect((await a.next('1', ['ho-tich']))?.id).toBe(first.id);
    expect(await a.next('1', ['ho-tich'])).toBeNull();
    expect((await a.next('2', ['dat-dai', 'cu-tru']))?.fieldCode).toBe('dat-dai');
  });

  it.skipIf(skip)('skips an absent citizen and transfers a ticket to another counter, which calls it before the others', async () => {
    const unit = nextUnit();
    const a = await center(unit, `qa-${unit}`);
    const absent = await a.issue('ho-tich');
    const moved = await a.issue('ho-tich');
    const other = await a.issue('ho-tich');
    expect((await a.next('1'))?.id).toBe(absent.id);
    const skipped = serverTicketSchema.parse((await a.skip(absent.id)).json());
    expect(skipped.state).toBe('skipped');
    // Only a called ticket can be settled: skipping it twice, or a waiting one, is refused.
    expect((await a.skip(absent.id)).statusCode).toBe(404);
    expect((await a.skip(other.id)).statusCode).toBe(404);
    expect((await a.next('1'))?.id).toBe(moved.id);
    const transferred = serverTicketSchema.parse((await a.transfer(moved.id, '3')).json());
    expect([transferred.state, transferred.counterId, transferred.priority, transferred.calledAt]).toEqual(['waiting', '3', true, null]);
    // Counter 2 serves the field but not the transferred ticket; counter 3 gets it even though it serves another field.
    expect((await a.next('2', ['ho-tich']))?.id).toBe(other.id);
    expect(await a.next('2', ['ho-tich'])).toBeNull();
    expect((await a.next('3', ['dat-dai']))?.id).toBe(moved.id);
    expect((await a.transfer(absent.id, '3')).statusCode).toBe(404);
    expect((await a.transfer(moved.id, 'quầy 3')).statusCode).toBe(400);
  });

  it.skipIf(skip)('summarises waiting per field (priority counted), the last calls newest first and the service time', async () => {
    const unit = nextUnit();
    const a = await center(unit, `qa-${unit}`);
    const at = (minutes: number) => {
      clock = mondayMorning + minutes * minute;
    };
    try {
      for (let i = 0; i < 14; i += 1) await a.issue('ho-tich', i % 5 === 0);
      await a.issue('dat-dai');
      // Counter 1 calls ho-tich every 4 minutes, counter 2 every 6: gaps 4, 4, 4, 6, 6, 6 → median 5 minutes.
      for (const [counter, minutes] of [['1', [10, 14, 18, 22]], ['2', [11, 17, 23, 29]]] as const) {
        for (const m of minutes) {
          at(m);
          await a.next(counter, ['ho-tich']);
        }
      }
      at(30);
      const summary = await a.summary();
      expect(summary).toMatchObject({ unitId: unit, day: '2026-03-02', at: mondayMorning + 30 * minute });
      const hoTich = summary.fields.find((f) => f.fieldCode === 'ho-tich');
      // 14 issued, priority ones 0, 5, 10 called first; 8 called → 6 waiting, none of them priority.
      expect(hoTich).toMatchObject({ waiting: 6, priorityWaiting: 0, serviceMs: 5 * minute, samples: 6, counters: 2 });
      expect(summary.fields.find((f) => f.fieldCode === 'dat-dai')).toMatchObject({ waiting: 1, priorityWaiting: 0, serviceMs: null, samples: 0, counters: 0 });
      expect(summary.recentCalls.map((c) => c.calledAt)).toEqual([29, 23, 22, 18, 17, 14, 11, 10].map((m) => mondayMorning + m * minute));
      expect(summary.recentCalls[0]).toMatchObject({ counterId: '2', state: 'called', fieldCode: 'ho-tich', label: `A${String(summary.recentCalls[0]?.number).padStart(3, '0')}` });
      expect(summary.recentCalls.filter((c) => c.state === 'served')).toHaveLength(6);

      // A new ticket has the 6 waiting ahead of it: 6 × 5 min over 2 counters = 15 min; a priority one, nobody.
      const issued = await a.issue('ho-tich');
      expect([issued.ahead, issued.estimatedWaitMs]).toEqual([6, 15 * minute]);
      const urgent = await a.issue('ho-tich', true);
      expect([urgent.ahead, urgent.estimatedWaitMs]).toEqual([0, 0]);
      const after = await a.summary();
      expect(after.fields.find((f) => f.fieldCode === 'ho-tich')).toMatchObject({ waiting: 8, priorityWaiting: 1 });

      // At most ten recent calls; another day's queue on request; an earlier day is empty.
      for (let m = 31; m < 37; m += 1) {
        at(m);
        await a.next('1', ['ho-tich']);
      }
      expect((await a.summary()).recentCalls).toHaveLength(10);
      expect((await a.summary('?day=2026-03-01')).fields).toEqual([]);
      expect((await h.app.inject({ method: 'GET', url: `/v1/centers/${unit}/queue?day=2-3-2026`, headers: auth(a.enrolled.token) })).statusCode).toBe(400);
    } finally {
      clock = mondayMorning;
    }
  });

  it.skipIf(skip)('keeps the citizen a self-service point identified and hands it only to the counter that calls the ticket', async () => {
    const unit = nextUnit();
    const point = await center(unit, `qp-${unit}`);
    const counter = await center(unit, `qc-${unit}`);
    const citizenId = '001099012345';
    const raw = (payload: object) => h.app.inject({ method: 'POST', url: `/v1/centers/${unit}/tickets`, headers: auth(point.enrolled.token), payload });
    const issuedReply = await raw({ fieldCode: 'ho-tich', priority: false, citizenId });
    expect(issuedReply.statusCode).toBe(200);
    // The issue answer is the point's (printed, shown): the ID number is not in it.
    expect(issuedReply.body).not.toContain(citizenId);
    const identified = issuedTicketSchema.parse(issuedReply.json());
    const plain = await point.issue('ho-tich');
    expect((await raw({ fieldCode: 'ho-tich', citizenId: '0010990123' })).statusCode).toBe(400);
    const stored = await h.db.query('SELECT id, citizen_id FROM tickets WHERE unit_id = $1 ORDER BY number', [unit]);
    expect(stored.map((r) => [String(r.id), r.citizen_id])).toEqual([
      [identified.id, citizenId],
      [plain.id, null],
    ]);

    // Transferred on, the ticket still carries the citizen to the counter that finally calls it.
    const firstCall = await counter.next('1');
    expect([firstCall?.id, firstCall?.citizenId]).toEqual([identified.id, citizenId]);
    const summaryUrl = `/v1/centers/${unit}/queue`;
    const moved = await counter.transfer(identified.id, '2');
    expect(moved.body).not.toContain(citizenId);
    const called = await counter.next('2');
    expect([called?.id, called?.citizenId]).toEqual([identified.id, citizenId]);
    const other = await counter.next('3');
    expect(other?.id).toBe(plain.id);
    expect(other).not.toHaveProperty('citizenId');

    // The display's summary (read by kiosks, the admin, the province) never carries it.
    for (const token of [point.enrolled.token, h.adminTokenFor(unit), h.provinceToken]) {
      const summary = await h.app.inject({ method: 'GET', url: summaryUrl, headers: auth(token) });
      expect(summary.statusCode).toBe(200);
      expect(summary.body).not.toContain(citizenId);
      expect(queueSummarySchema.parse(summary.json()).recentCalls.map((c) => c.id)).toContain(identified.id);
    }
    expect((await counter.skip(identified.id)).body).not.toContain(citizenId);

    // The typed client sends it and reads it back from call-next.
    const client = createCenterClient(injectTransport(() => h.app), () => ({ baseUrl: 'http://sync', token: point.enrolled.token, unitId: unit }));
    const viaClient = await client.issueTicket({ fieldCode: 'dat-dai', priority: true, citizenId });
    expect(viaClient?.ok && viaClient.value.citizenId).toBeUndefined();
    const next = await client.callNext('4', ['dat-dai']);
    expect(next?.ok && next.value?.citizenId).toBe(citizenId);
  });

  it.skipIf(skip)('refuses another Center’s kiosks, lets the admin and the province read, and the typed client works', async () => {
    const unit = nextUnit();
    const stranger = nextUnit();
    const a = await center(unit, `qa-${unit}`);
    const s = await center(stranger, `qs-${stranger}`);
    const ticket = await a.issue('ho-tich');
    await a.next('1');
    const foreign = (method: 'GET' | 'POST', url: string, token: string, payload?: object) =>
      h.app.inject({ method, url: `/v1/centers/${unit}${url}`, headers: auth(token), ...(payload === undefined ? {} : { payload }) }).then((r) => r.statusCode);
    const token = s.enrolled.token;
    expect(await foreign('GET', '/queue', token)).toBe(403);
    expect(await foreign('POST', '/tickets', token, { fieldCode: 'ho-tich' })).toBe(403);
    expect(await foreign('POST', '/tickets/next', token, { counterId: '1', fieldCodes: [] })).toBe(403);
    expect(await foreign('POST', `/tickets/${ticket.id}/skip`, token, {})).toBe(403);
    expect(await foreign('POST', `/tickets/${ticket.id}/transfer`, token, { toCounter: '2' })).toBe(403);
    // The stranger's own queue knows nothing of it, and a ticket id of another unit cannot be settled there.
    expect((await s.summary()).recentCalls).toEqual([]);
    expect((await s.skip(ticket.id)).statusCode).toBe(404);
    expect((await h.app.inject({ method: 'GET', url: `/v1/centers/${unit}/queue` })).statusCode).toBe(401);
    expect(await foreign('GET', '/queue', h.adminTokenFor(unit))).toBe(200);
    expect(await foreign('GET', '/queue', h.adminTokenFor(stranger))).toBe(403);
    expect(await foreign('GET', '/queue', h.provinceToken)).toBe(200);
    // Only kiosks hand out and call tickets, not the admin or the province.
    expect(await foreign('POST', '/tickets/next', h.provinceToken, { counterId: '1', fieldCodes: [] })).toBe(403);

    const client = createCenterClient(injectTransport(() => h.app), () => ({ baseUrl: 'http://sync', token: a.enrolled.token, unitId: unit }));
    const summary = await client.queue();
    expect(summary?.ok && summary.value.recentCalls.map((c) => c.id)).toEqual([ticket.id]);
    const skipped = await client.skipTicket(ticket.id);
    expect(skipped?.ok && skipped.value.state).toBe('skipped');
    const again = await client.transferTicket(ticket.id, '2');
    expect(again?.ok === false && again.error.code).toBe('sync.not-found');
  });
});
