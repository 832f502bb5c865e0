import { describe, expect, it } from 'vitest';
import { KioskPage } from './pages/kiosk-page';
import { connectHostApi } from './support/host-api';
import { useKioskInChromium } from './support/kiosk-in-chromium';

const served = useKioskInChromium({ camera: true });

describe('identify the citizen from the chip ID card at the counter', () => {
  it('tap, read with the CAN: the form fills, the chip photo and the authenticity show; the camera face matches', async () => {
    const page = await served.browser.newPage();
    const kiosk = new KioskPage(page);
    await kiosk.open(served.host.url);
    await kiosk.openReceive();
    await expect.poll(() => page.getByTestId('card-state').textContent()).toMatch(/Đặt thẻ/);
    const hostApi = connectHostApi(served.host.url);
    const tapped = await hostApi.call('card.simulate', { action: 'insert', faceImage: served.chipPhoto });
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
