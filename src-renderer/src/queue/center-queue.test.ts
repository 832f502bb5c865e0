import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { createCenterClient } from '../../../src-shared/sync/center-client';
import type { HttpRequest, HttpResponse, Transport } from '../../../src-shared/sync/http';
import { openOrThrow, uniqueDbName } from '../store/fixtures.testing';
import type { MotCuaDb } from '../store/schema';
import { createTicketsRepository } from '../store/tickets-repository';
import { createCenterQueue } from './center-queue';
import { withDeadline } from './queue-service';

/** The chooser without a server (the real one runs in tests/center-queue.test.ts): not enrolled, silent, refusing. */
let db: MotCuaDb | undefined;
afterEach(() => db?.close());

const minute = 60_000;

async function setup(transport?: Transport) {
  db = await openOrThrow(uniqueDbName());
  let clock = Date.UTC(2026, 2, 2, 1, 0);
  let id = 0;
  const local = createTicketsRepository(db, { now: () => clock, newId: () => `t-${++id}`, kioskSlot: 2, day: () => '2026-03-02' });
  const asked: string[] = [];
  const recording: Transport | undefined =
    transport === undefined
      ? undefined
      : (url: string, request: HttpRequest) => {
          asked.push(`${request.method} ${url}`);
          return transport(url, request);
        };
  const queue = createCenterQueue({
    local,
    center: recording === undefined ? undefined : createCenterClient(recording, () => ({ baseUrl: 'http://sync', token: 'x'.repeat(40), unitId: '000.00.00.H99' })),
    now: () => clock,
  });
  return { queue, local, asked, advance: (ms: number) => (clock += ms) };
}

const answer = (status: number, body: unknown): HttpResponse => ({ status, headers: { get: () => null }, json: async () => body });
const issueInput = { fieldCode: 'ho-tich', fieldName: 'Hộ tịch', priority: false };

describe('the kiosk’s queue without a Center', () => {
  it('is this kiosk’s queue exactly as before when the kiosk is not enrolled', async () => {
    const { queue, advance } = await setup();
    const first = await queue.issue(issueInput);
    const second = await queue.issue(issueInput);
    expect([first, second].map((r) => r.ok && [r.value.source, r.value.ticket.number, r.value.ahead, r.value.waitMinutes])).toEqual([
      ['local', 2001, 0, undefined],
      ['local', 2002, 1, undefined],
    ]);
    expect(queue.state()).toEqual({ configured: false, reachable: undefined });
    expect(await queue.summary()).toBeUndefined();
    expect(await queue.waitingCount([])).toBe(2);
    const called = await queue.callNext('1', []);
    expect(called.ok && [called.value.source, called.value.ticket?.number]).toEqual(['local', 2001]);
    advance(4 * minute);
    await queue.callNext('1', []);
    // Two calls four minutes apart at counter 1: a new ticket with one ahead waits about four minutes.
    await queue.issue(issueInput);
    const third = await queue.issue(issueInput);
    expect(third.ok && [third.value.ahead, third.value.waitMinutes]).toEqual([1, 4]);
    expect(await queue.current('1')).toMatchObject({ number: 2002, state: 'called' });
  });

  it('gives up on a Center that does not answer within the deadline and issues a local ticket', async () => {
    const silent: Transport = () => new Promise<HttpResponse>(() => undefined);
    const { queue, asked } = await setup(withDeadline(silent, 5));
    const issued = await queue.issue(issueInput);
    expect(issued.ok && [issued.value.source, issued.value.ticket.number]).toEqual(['local', 2001]);
    expect(asked).toEqual(['POST http://sync/v1/centers/000.00.00.H99/tickets']);
    expect(queue.state().reachable).toBe(false);
    // Resting: the next ticket does not wait for the Center at all.
    await queue.issue(issueInput);
    expect(asked).toHaveLength(1);
  });

  it('uses the local queue on a refusal too, but keeps asking: a refusal is not an outage', async () => {
    const refusing: Transport = async () => answer(401, { error: { code: 'sync.unauthorized', message: 'Sai mã', messageEn: 'Wrong credential' } });
    const { queue, asked } = await setup(refusing);
    const issued = await queue.issue(issueInput);
    expect(issued.ok && issued.value.source).toBe('local');
    const called = await queue.callNext('1', ['ho-tich']);
    // The local ticket is this kiosk's own: it is called without asking the Center.
    expect(called.ok && [called.value.source, called.value.ticket?.number]).toEqual(['local', 2001]);
    await queue.callNext('1', ['ho-tich']);
    expect(asked).toEqual(['POST http://sync/v1/centers/000.00.00.H99/tickets', 'POST http://sync/v1/centers/000.00.00.H99/tickets/next']);
    expect(queue.state().reachable).toBeUndefined();
  });

  it('never takes a ticket from the citizen for a malformed answer', async () => {
    const garbled: Transport = async () => answer(200, { number: 'seven' });
    const { queue } = await setup(garbled);
    const issued = await queue.issue({ ...issueInput, priority: true });
    expect(issued.ok && [issued.value.source, issued.value.ticket.number, issued.value.ticket.priority]).toEqual(['local', 2001, true]);
    expect(queue.state().reachable).toBe(false);
  });
});
