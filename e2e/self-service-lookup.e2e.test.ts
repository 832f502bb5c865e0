import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { KioskPage } from './pages/kiosk-page';
import { launchChromium, launchChromiumWithCamera } from './support/browser';
import { writeFaceVideo } from './support/fake-camera';
import { startBuiltWebHost, type WebHostProcess } from './support/web-host-process';

/**
 * "Look up a file" at the self-service point. A file is received at a counter and a supplement is requested, in a
 * counter host; the self-service host then gets that kiosk's local store, as a sync pull would bring it (both hosts
 * run with the same default Center; the store is carried over with Playwright's storage state, IndexedDB included,
 * moved to the self-service host's origin). The citizen types the code or shows the receipt's QR to the camera.
 */
let counterHost: WebHostProcess;
let pointHost: WebHostProcess;
let browser: Browser;
let videoDir: string;
let storeOfCounter: Awaited<ReturnType<BrowserContext['storageState']>>;
let code = '';

const citizen = { name: 'Nguyễn Văn A', id: '001099012345', address: 'Phường Hoàn Kiếm, Hà Nội' };

beforeAll(async () => {
  [counterHost, pointHost] = await Promise.all([startBuiltWebHost(), startBuiltWebHost({ MOTCUA_KIOSK_MODE: 'self-service' })]);
  browser = await launchChromium();
  videoDir = await mkdtemp(join(tmpdir(), 'motcua-lookup-camera-'));

  const counter = await browser.newContext();
  const page = await counter.newPage();
  const kiosk = new KioskPage(page);
  await kiosk.open(counterHost.url);
  code = await kiosk.receiveSimpleFile('nhan cha me con', '1.001022');
  const detail = await kiosk.openRecord(code);
  await kiosk.moveTo(/Đang xử lý/);
  await detail.locator('h2', { hasText: 'Đang xử lý' }).waitFor();
  await kiosk.moveTo(/Yêu cầu bổ sung/, 'Giấy chứng sinh bản chính; Tờ khai có chữ ký của cha và mẹ');
  await detail.locator('h2', { hasText: 'Yêu cầu bổ sung giấy tờ' }).waitFor();
  const state = await counter.storageState({ indexedDB: true });
  const from = new URL(counterHost.url).origin;
  const to = new URL(pointHost.url).origin;
  storeOfCounter = { cookies: [], origins: state.origins.filter((o) => o.origin === from).map((o) => ({ ...o, origin: to, localStorage: [] })) };
  await counter.close();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([counterHost?.stop(), pointHost?.stop()]);
  await rm(videoDir, { recursive: true, force: true });
});

async function pointPage(on: Browser = browser): Promise<Page> {
  const context = await on.newContext({ storageState: storeOfCounter, viewport: { width: 1280, height: 1100 } });
  const page = await context.newPage();
  await page.goto(pointHost.url);
  await expect.poll(() => page.getByTestId('self-service').getAttribute('data-step')).toBe('start');
  return page;
}

/** The 10 digits after the unit: the receipt's day (yyMMdd) and number (NNNN). */
async function typeCode(page: Page, digits: string): Promise<void> {
  for (const digit of digits) await page.getByTestId(`ss-code-key-${digit}`).click();
  await page.getByTestId('ss-code-key-OK').click();
}

const digitsOf = (recordCode: string): string => recordCode.split('-').slice(-2).join('');

describe('looking a file up at the self-service point, without a card', () => {
  it('typed day and number: the status in words, what to bring, no personal data; an unknown code says so; finish ends it', async () => {
    const page = await pointPage();
    const kiosk = page.getByTestId('self-service');
    const started = Date.now();
    await page.getByTestId('ss-look-up').click();
    expect(await kiosk.getAttribute('data-step')).toBe('look-up');
    // The unit is this Center's, filled in; the citizen types only the day and the number.
    expect(await page.getByTestId('ss-lookup').textContent()).toContain(code.split('-')[0]);
    await typeCode(page, digitsOf(code));
    const result = page.getByTestId('ss-lookup-result');
    await result.waitFor();
    process.stdout.write(`[usability] look up a file by its typed code: 12 touches, ${Date.now() - started} ms\n`);

    expect(await page.getByTestId('ss-lookup-code').textContent()).toBe(code);
    expect(await result.getAttribute('data-status')).toBe('5');
    expect(await page.getByTestId('ss-lookup-status').textContent()).toContain('Cần bổ sung giấy tờ');
    expect(await page.getByTestId('ss-lookup-missing').locator('li').allTextContents()).toEqual(['Giấy chứng sinh bản chính', 'Tờ khai có chữ ký của cha và mẹ']);
    expect(await page.getByTestId('ss-lookup-received').textContent()).toMatch(/\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}/);
    expect(await page.getByTestId('countdown').count()).toBe(1);
    const shown = (await page.content()).normalize('NFC');
    for (const secret of [citizen.name, citizen.id, citizen.address]) expect(shown).not.toContain(secret);

    // Another code, unknown here: a clear message in both languages, the keypad still there.
    await page.getByTestId('ss-lookup-again').click();
    await typeCode(page, digitsOf(code).slice(0, 6) + '9999');
    const problem = page.getByTestId('ss-lookup-problem');
    await expect.poll(() => problem.getAttribute('data-code')).toBe('lookup.unknown-code');
    expect(await problem.textContent()).toMatch(/Không tìm thấy hồ sơ .*No file .* was found/);

    await page.getByTestId('ss-finish').click();
    await expect.poll(() => kiosk.getAttribute('data-step')).toBe('start');
    expect(await page.content()).not.toContain(code);
    await page.context().close();
  });

  it('after a look-up the file is rated: stored with its code and queued for the sync server in one transaction', async () => {
    const page = await pointPage();
    await page.getByTestId('ss-look-up').click();
    await typeCode(page, digitsOf(code));
    await page.getByTestId('ss-lookup-rate').click();
    await page.getByTestId('ss-overall-satisfied').click();
    await page.getByTestId('ss-rating-send').click();
    await page.getByTestId('ss-rating-saved').waitFor();
    const stored = await page.evaluate(
      () =>
        new Promise<{ ratings: unknown[]; outbox: unknown[] }>((resolve, reject) => {
          const open = indexedDB.open('motcua');
          open.onerror = () => reject(new Error('open'));
          open.onsuccess = () => {
            const tx = open.result.transaction(['ratings', 'outbox']);
            const ratings = tx.objectStore('ratings').getAll();
            const outbox = tx.objectStore('outbox').getAll();
            tx.oncomplete = () => resolve({ ratings: ratings.result as unknown[], outbox: outbox.result as unknown[] });
            tx.onerror = () => reject(new Error('read'));
          };
        }),
    );
    expect(stored.ratings).toEqual([expect.objectContaining({ recordCode: code, overall: 'satisfied', channel: 'self-service' })]);
    expect(stored.outbox).toContainEqual(expect.objectContaining({ kind: 'rating.submit', payload: { rating: stored.ratings[0] } }));
    await page.context().close();
  });

  it('a result left on the screen is wiped after a minute without a touch', async () => {
    const context = await browser.newContext({ storageState: storeOfCounter });
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(pointHost.url);
    await page.getByTestId('ss-look-up').click();
    await typeCode(page, digitsOf(code));
    await page.getByTestId('ss-lookup-result').waitFor();
    await page.clock.fastForward(45_000);
    await expect.poll(() => page.getByTestId('countdown').textContent()).toMatch(/^1\d s$/);
    await page.clock.fastForward(20_000);
    await expect.poll(() => page.getByTestId('self-service').getAttribute('data-step')).toBe('start');
    expect(await page.getByTestId('ss-lookup-result').count()).toBe(0);
    await context.close();
  });

  it('the receipt’s QR shown to the camera finds the file in one touch', async () => {
    const qrPng = new Uint8Array(await QRCode.toBuffer(code, { width: 360, margin: 4 }));
    await writeFaceVideo(join(videoDir, 'receipt.y4m'), qrPng, 10);
    const cameraBrowser = await launchChromiumWithCamera(join(videoDir, 'receipt.y4m'));
    try {
      const page = await pointPage(cameraBrowser);
      const started = Date.now();
      await page.getByTestId('ss-look-up').click();
      await page.getByTestId('ss-lookup-qr').click();
      await page.getByTestId('ss-lookup-result').waitFor({ timeout: 30_000 });
      process.stdout.write(`[usability] look up a file by the receipt's QR: 2 touches, ${Date.now() - started} ms\n`);
      expect(await page.getByTestId('ss-lookup-code').textContent()).toBe(code);
      expect(await page.getByTestId('ss-lookup-missing').locator('li').count()).toBe(2);
    } finally {
      await cameraBrowser.close();
    }
  });
});
