import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KioskPage } from './pages/kiosk-page';
import { launchChromium } from './support/browser';
import { startBuiltSyncServer, type SyncServerProcess } from './support/sync-server-process';
import { startBuiltWebHost, type WebHostProcess } from './support/web-host-process';

const unit = '000.00.15.H55';
let server: SyncServerProcess;
let hosts: WebHostProcess[] = [];
let browser: Browser;

beforeAll(async () => {
  server = await startBuiltSyncServer([unit]);
  hosts = [await startBuiltWebHost(), await startBuiltWebHost()];
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  for (const host of hosts) await host.stop();
  await server?.close();
});

/**
 * Two counters of one Center, each its own web host and browser profile, joined by the real sync server process:
 * enrolled by code in Settings, a file received on one appears on the other, and a file received while the server
 * is down waits in the outbox (the badge says so) and arrives when it is back. Every call goes through the host
 * relay, so this also proves the page never needs the server in its CSP.
 */
describe('two counters of one Center through the sync server', () => {
  it('enrolls both, carries files between them, and survives the server going away and coming back', { timeout: 300_000 }, async () => {
    const counters: KioskPage[] = [];
    for (const host of hosts) {
      const context = await browser.newContext();
      const kiosk = new KioskPage(await context.newPage());
      await kiosk.open(host.url);
      const panel = await kiosk.enrollWithSyncServer(server.url, await server.enrollmentCode(unit));
      await expect.poll(() => panel.getByRole('status').textContent(), { timeout: 20_000 }).toMatch(new RegExp(`Đã đăng ký: đơn vị ${unit.replace(/\./g, '\\.')}`));
      await expect.poll(() => kiosk.syncBadge().textContent(), { timeout: 30_000 }).toMatch(/Đã kết nối/);
      counters.push(kiosk);
    }
    const [a, b] = counters;
    if (a === undefined || b === undefined) throw new Error('two counters');

    // Two windows side by side, as two counters: the officer works in the one in front.
    await a.bringToFront();
    const first = await a.receiveSimpleFile('khai tu', '1.000656');
    expect(first.startsWith(`${unit}-`)).toBe(true);
    await expect.poll(() => a.syncBadge().textContent(), { timeout: 30_000 }).toMatch(/Đã gửi hết/);
    await b.bringToFront();
    const atB = await b.openRecord(first);
    await expect.poll(() => atB.textContent(), { timeout: 30_000 }).toContain('Được tiếp nhận');

    // The line to the server drops: the counter goes on, the file waits in the outbox and the badge says so.
    await server.stop();
    await a.bringToFront();
    await a.openRecord(first);
    const second = await a.receiveSimpleFile('nhan cha me con', '1.001022');
    await expect.poll(() => a.syncBadge().textContent(), { timeout: 60_000 }).toMatch(/Mất kết nối/);
    await expect.poll(() => a.syncBadge().textContent()).toMatch(/1 chờ gửi/);
    // A citizen takes a ticket at A meanwhile: A's own number (four digits), since the Center cannot be asked.
    const issued = await a.issueTicket('Hộ tịch');
    await expect.poll(() => issued.textContent(), { timeout: 15_000 }).toMatch(/\b\d{4}\b/);
    const outageTicket = /\b(\d{4})\b/.exec((await issued.textContent()) ?? '')?.[1] ?? '';
    expect(outageTicket).toMatch(/^\d{4}$/);

    await server.start();
    await expect.poll(() => a.syncBadge().textContent(), { timeout: 90_000 }).toMatch(/Đã gửi hết/);
    // Counter B was retrying with backoff while the server was away (a step of at most 60 s): it catches up by then.
    await b.bringToFront();
    const secondAtB = await b.openRecord(second, 90_000);
    await expect.poll(() => secondAtB.textContent(), { timeout: 30_000 }).toContain('Được tiếp nhận');

    // A handed its outage ticket over to the Center after its first good sync round: counter B calls it, under
    // the number the citizen holds.
    await expect.poll(async () => (await b.callNextTicket()).textContent(), { timeout: 30_000, interval: 1000 }).toMatch(new RegExp(`^${outageTicket}`));
  });
});
