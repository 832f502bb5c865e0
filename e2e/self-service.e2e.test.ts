import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import QRCode from 'qrcode';
import { syntheticPerson } from '../hardware/simulators/virtual-cccd/person';
import { launchChromiumWithCamera } from './support/browser';
import { writeFaceVideo } from './support/fake-camera';
import { connectHostApi } from './support/host-api';
import { useKioskInChromium } from './support/kiosk-in-chromium';

const served = useKioskInChromium({ env: { MOTCUA_KIOSK_MODE: 'self-service' }, camera: true });

/** Opens the point, takes away any card left on the reader, taps the simulated card: the point asks for the CAN. */
async function tapCardOnFreshPoint(page: Page) {
  await page.goto(served.host.url);
  const kiosk = page.getByTestId('self-service');
  const hostApi = connectHostApi(served.host.url);
  await hostApi.call('card.simulate', { action: 'remove' });
  await expect.poll(() => kiosk.getAttribute('data-step')).toBe('start');
  await hostApi.call('card.simulate', { action: 'insert' });
  await expect.poll(() => kiosk.getAttribute('data-step')).toBe('can');
  return { kiosk, hostApi };
}

async function typeCan(page: Page, can: string): Promise<void> {
  for (const digit of can) await page.getByTestId(`ss-key-${digit}`).click();
  await page.getByTestId('ss-key-OK').click();
}

describe('the citizens’ self-service point (MOTCUA_KIOSK_MODE=self-service)', () => {
  it('tap the card, type the CAN, face confirmed, take a priority ticket: printed, QR shown; the next citizen sees nothing of it', async () => {
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(served.host.url);
    const kiosk = page.getByTestId('self-service');
    await expect.poll(() => kiosk.getAttribute('data-step')).toBe('start');
    // No sign-in, no officer screen.
    expect(await page.getByRole('button', { name: /Đăng nhập|Tiếp nhận hồ sơ/ }).count()).toBe(0);
    const hostApi = connectHostApi(served.host.url);
    const tapped = await hostApi.call('card.simulate', { action: 'insert', faceImage: served.chipPhoto });
    if (!tapped.ok) throw new Error(tapped.error.messageEn);
    const started = Date.now();
    await expect.poll(() => kiosk.getAttribute('data-step')).toBe('can');
    await typeCan(page, tapped.value.can ?? '');
    await expect.poll(() => kiosk.getAttribute('data-step'), { timeout: 30_000 }).toBe('identified');
    const name = (await page.getByTestId('ss-name').textContent()) ?? '';
    expect(name).toMatch(/Xin chào \S+/);
    await page.getByTestId('ss-face').click();
    await expect.poll(() => page.getByTestId('ss-face-result').getAttribute('data-decision'), { timeout: 60_000 }).toBe('match');
    // The menu follows a confirmed face after a short pause (1.2 s) so the citizen sees the confirmation.
    await expect.poll(() => kiosk.getAttribute('data-step'), { timeout: 10_000 }).toBe('menu');
    await page.getByTestId('ss-take-ticket').click();
    await page.getByTestId('ss-priority-yes').click();
    await page.getByRole('button', { name: 'Hộ tịch' }).click();
    await expect.poll(() => page.getByTestId('ss-ticket-number').textContent()).toMatch(/^\d{4}$/);
    expect(await page.getByRole('img', { name: /QR/ }).getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    // Touches: 6 digits + OK, face check, take a ticket, priority, field = 11 (plus the card tap).
    process.stdout.write(`[usability] ticket with card and face: 11 touches, ${Date.now() - started} ms\n`);
    const printer = await hostApi.call('printer.status', {});
    expect(printer.ok && printer.value.jobs.some((job) => job.slip.kind === 'queue-ticket')).toBe(true);

    // The card leaves: the session ends, the next citizen sees the start screen with no trace of the last one.
    await hostApi.call('card.simulate', { action: 'remove' });
    await expect.poll(() => kiosk.getAttribute('data-step')).toBe('start');
    expect(await page.content()).not.toContain(name.replace('Xin chào ', ''));
    hostApi.close();
    await page.close();
  });

  it('ends a session left alone for a minute, with a visible countdown', async () => {
    const page = await served.browser.newPage();
    await page.clock.install();
    await page.goto(served.host.url);
    const kiosk = page.getByTestId('self-service');
    const hostApi = connectHostApi(served.host.url);
    await hostApi.call('card.simulate', { action: 'remove' });
    await hostApi.call('card.simulate', { action: 'insert' });
    await expect.poll(() => kiosk.getAttribute('data-step')).toBe('can');
    await page.getByTestId('ss-key-1').click();
    await page.clock.fastForward(45_000);
    await expect.poll(() => page.getByTestId('countdown').textContent()).toMatch(/^1\d s$/);
    await page.clock.fastForward(20_000);
    await expect.poll(() => kiosk.getAttribute('data-step')).toBe('start');
    expect(await page.getByTestId('ss-can').count()).toBe(0);
    await hostApi.call('card.simulate', { action: 'remove' });
    hostApi.close();
    await page.close();
  });

  it('rate the service any time: faces per criterion, an overall verdict, stored in the local store', async () => {
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 1400 } });
    await page.goto(served.host.url);
    const started = Date.now();
    // Reading aids: larger type and high contrast, reachable by touch.
    await page.getByTestId('ss-larger').click();
    expect(await page.getByTestId('ss-root').getAttribute('data-scale')).toBe('1.25');
    await page.getByTestId('ss-contrast').click();
    expect(await page.getByTestId('ss-root').getAttribute('class')).toContain('high-contrast');
    await page.getByTestId('ss-rate').click();
    await page.getByRole('button', { name: 'Thái độ của cán bộ: Hài lòng' }).click();
    await page.getByRole('button', { name: 'Tổng thời gian giải quyết so với quy định: Bình thường' }).click();
    expect(await page.getByTestId('ss-rating-send').isDisabled()).toBe(true);
    await page.getByTestId('ss-overall-very-satisfied').click();
    await page.getByTestId('ss-rating-send').click();
    await page.getByTestId('ss-rating-saved').waitFor();
    process.stdout.write(`[usability] rating: 5 touches (plus 2 for the reading aids), ${Date.now() - started} ms\n`);
    const stored = await page.evaluate(
      () =>
        new Promise<unknown[]>((resolve, reject) => {
          const open = indexedDB.open('motcua');
          open.onerror = () => reject(new Error('open'));
          open.onsuccess = () => {
            const request = open.result.transaction('ratings').objectStore('ratings').getAll();
            request.onsuccess = () => resolve(request.result as unknown[]);
            request.onerror = () => reject(new Error('read'));
          };
        }),
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ channel: 'self-service', overall: 'very-satisfied', scores: { attitude: 2, 'total-time': 1 } });
    await expect.poll(() => page.getByTestId('self-service').getAttribute('data-step'), { timeout: 10_000 }).toBe('start');
    await page.close();
  });

  it('reads the CAN from the QR on the card’s front through the camera, then the chip', async () => {
    // The camera films the front of the simulated citizen's card: its QR (ID|old ID|name|birth|sex|address|issued).
    const qrText = `${syntheticPerson.citizenId}|123456789|Nguyễn Văn A|15011999|Nam|Hà Nội|01022021`;
    const qrPng = new Uint8Array(await QRCode.toBuffer(qrText, { width: 360, margin: 4 }));
    await writeFaceVideo(join(served.videoDir, 'card-front.y4m'), qrPng, 10);
    const qrBrowser = await launchChromiumWithCamera(join(served.videoDir, 'card-front.y4m'));
    try {
      const page = await qrBrowser.newPage({ viewport: { width: 1280, height: 900 } });
      const { kiosk, hostApi } = await tapCardOnFreshPoint(page);
      await page.getByTestId('ss-qr').click();
      await expect.poll(() => kiosk.getAttribute('data-step'), { timeout: 30_000 }).toBe('identified');
      expect(await page.getByTestId('ss-name').textContent()).toMatch(/Xin chào/);
      await hostApi.call('card.simulate', { action: 'remove' });
      hostApi.close();
    } finally {
      await qrBrowser.close();
    }
  });

  it('reads the CAN from the card’s QR held under the barcode scanner (a keyboard wedge), then the chip', async () => {
    const page = await served.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const { kiosk, hostApi } = await tapCardOnFreshPoint(page);
    // The scanner types the QR's text in one fast burst ended by Enter (ASCII here: wedge scanners drop Vietnamese letters).
    await page.keyboard.type(`${syntheticPerson.citizenId}|123456789|Nguyen Van A|15011999|Nam|Ha Noi|01022021`, { delay: 5 });
    await page.keyboard.press('Enter');
    // On failure, say what the point showed the citizen (a scan cut short shows the QR as unreadable).
    const stepAndProblem = async () => `${await kiosk.getAttribute('data-step')} ${(await page.locator('.ss-problem').allTextContents()).join(' ')}`.trim();
    await expect.poll(stepAndProblem, { timeout: 30_000 }).toBe('identified');
    await hostApi.call('card.simulate', { action: 'remove' });
    hostApi.close();
    await page.close();
  });

  it('the host refuses the officers’ functions to anyone at this point', async () => {
    const hostApi = connectHostApi(served.host.url);
    const settings = await hostApi.call('settings.set', { language: 'en' });
    expect(!settings.ok && settings.error.code).toBe('api.not-in-self-service');
    const bundle = await hostApi.call('devices.supportBundle', {});
    expect(!bundle.ok && bundle.error.code).toBe('api.not-in-self-service');
    hostApi.close();
  });
});
