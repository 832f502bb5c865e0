import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portrait, portraits } from '../hardware/biometric/test-faces';
import { KioskPage } from './pages/kiosk-page';
import { launchChromiumWithCamera } from './support/browser';
import { writeFaceVideo } from './support/fake-camera';
import { connectHostApi } from './support/host-api';
import { startBuiltWebHost, type WebHostProcess } from './support/web-host-process';

let host: WebHostProcess;
let browser: Browser;
let videoDir: string;
let chipPhoto: string;

beforeAll(async () => {
  host = await startBuiltWebHost();
  videoDir = await mkdtemp(join(tmpdir(), 'motcua-camera-'));
  const face = await portrait(portraits.a);
  chipPhoto = `data:image/jpeg;base64,${Buffer.from(face).toString('base64')}`;
  // The camera films the same person as the chip photo (a real photograph shipped by @vladmandic/face-api).
  await writeFaceVideo(join(videoDir, 'face.y4m'), face);
  browser = await launchChromiumWithCamera(join(videoDir, 'face.y4m'));
});
afterAll(async () => {
  await browser?.close();
  await host?.stop();
  await rm(videoDir, { recursive: true, force: true });
});

describe('identify the citizen from the chip ID card at the counter', () => {
  it('tap, read with the CAN: the form fills, the chip photo and the authenticity show; the camera face matches', async () => {
    const page = await browser.newPage();
    const kiosk = new KioskPage(page);
    await kiosk.open(host.url);
    await kiosk.openReceive();
    await expect.poll(() => page.getByTestId('card-state').textContent()).toMatch(/Đặt thẻ/);
    const hostApi = connectHostApi(host.url);
    const tapped = await hostApi.call('card.simulate', { action: 'insert', faceImage: chipPhoto });
    if (!tapped.ok) throw new Error(tapped.error.messageEn);
    await expect.poll(() => page.getByTestId('card-state').textContent()).toMatch(/đã đặt/);
    await kiosk.field('card-can').fill(tapped.value.can ?? '');
    await page.getByTestId('card-read').click();
    await page.getByTestId('chip-result').waitFor({ timeout: 30_000 });
    expect(await kiosk.field('idNumber').inputValue()).toMatch(/^\d{12}$/);
    expect((await kiosk.field('fullName').inputValue()).length).toBeGreaterThan(3);
    expect(await page.getByTestId('chip-photo').getAttribute('src')).toMatch(/^data:image\/jpeg;base64,/);
    expect(await page.getByTestId('passive-auth').textContent()).toMatch(/hợp lệ|chưa cấu hình/);
    await page.getByTestId('face-verify').click();
    const face = page.getByTestId('face-result');
    await face.waitFor({ timeout: 60_000 });
    expect(await face.getAttribute('data-decision')).toBe('match');
    // The card leaves the reader: what was read from it leaves the screen, the typed form stays.
    await hostApi.call('card.simulate', { action: 'remove' });
    await expect.poll(() => page.getByTestId('chip-result').count()).toBe(0);
    expect((await kiosk.field('fullName').inputValue()).length).toBeGreaterThan(3);
    hostApi.close();
    await page.close();
  });
});
