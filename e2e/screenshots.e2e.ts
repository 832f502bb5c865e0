import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { KioskPage } from './pages/kiosk-page';
import { launchChromium } from './support/browser';
import { connectHostApi } from './support/host-api';
import { startBuiltWebHost } from './support/web-host-process';

/**
 * `npm run screenshots`: walks the main screens of a fresh kiosk (the built web host, Debian Chromium) and saves
 * them under docs/screenshots/, linked from the README. Run after `npm run build`.
 */
const out = join(import.meta.dirname, '..', 'docs', 'screenshots');
await mkdir(out, { recursive: true });
const host = await startBuiltWebHost();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  const kiosk = new KioskPage(page);
  await page.goto(host.url);
  await page.getByRole('heading', { name: /Tạo tài khoản/ }).waitFor();
  await page.screenshot({ path: join(out, '01-first-supervisor.png') });
  await kiosk.signIn({ username: 'giamsat', displayName: 'Nguyễn Thị Giám Sát', secret: 'motcua2026' });
  await kiosk.receiveSimpleFile('nhan cha me con', '1.001022');
  await page.getByTestId('print-state').and(page.locator('[data-state="done"]')).waitFor();
  await page.screenshot({ path: join(out, '03-received.png') });
  await page.getByRole('button', { name: /Tiếp nhận hồ sơ tiếp theo/ }).click();
  await kiosk.field('idNumber').fill('079203001234');
  await kiosk.field('fullName').fill('Trần Thị Bình');
  await kiosk.field('address').fill('Phường Sài Gòn, TP. Hồ Chí Minh');
  await kiosk.chooseProcedure('ket hon', '1.000894');
  await page.screenshot({ path: join(out, '02-receive.png'), fullPage: true });
  await kiosk.confirmReceipt();
  await page.keyboard.press('F5');
  await page.getByTestId('record-list').getByRole('button').first().click();
  await page.screenshot({ path: join(out, '04-track.png'), fullPage: true });
  await page.keyboard.press('F1');
  await page.screenshot({ path: join(out, '05-overview.png') });
  await page.keyboard.press('F2');
  await page.getByTestId('procedure-search').fill('chung thuc');
  await page.screenshot({ path: join(out, '06-procedures.png') });
  await page.keyboard.press('F3');
  await page.getByTestId('calendar-received').fill('2026-02-12T10:00');
  await page.screenshot({ path: join(out, '07-due-date.png') });
  await page.keyboard.press('F9');
  await page.screenshot({ path: join(out, '08-settings.png'), fullPage: true });
  await page.keyboard.press('F6');
  await page.getByRole('button', { name: 'Hộ tịch', exact: true }).click();
  await page.getByRole('button', { name: 'Hộ tịch', exact: true }).click();
  const display = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  await display.goto(`${host.url}#/display`);
  await display.getByTestId('queue-display').waitFor();
  await page.getByTestId('call-next').click();
  await page.getByTestId('call-next').click();
  await display.getByTestId('display-history').getByText('1001').waitFor();
  await page.screenshot({ path: join(out, '09-queue.png') });
  await display.screenshot({ path: join(out, '10-queue-display.png') });
} finally {
  await browser.close();
  await host.stop();
}

// The self-service point: its own host in self-service mode.
const selfService = await startBuiltWebHost({ MOTCUA_KIOSK_MODE: 'self-service' });
const ssBrowser = await launchChromium();
try {
  const page = await ssBrowser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(selfService.url);
  await page.getByTestId('self-service').and(page.locator('[data-step="start"]')).waitFor();
  await page.screenshot({ path: join(out, '11-self-service-start.png') });
  const hostApi = connectHostApi(selfService.url);
  const tapped = await hostApi.call('card.simulate', { action: 'insert' });
  await page.getByTestId('ss-can').waitFor();
  for (const digit of (tapped.ok ? (tapped.value.can ?? '') : '').slice(0, 4)) await page.getByTestId(`ss-key-${digit}`).click();
  await page.screenshot({ path: join(out, '12-self-service-can.png') });
  for (const digit of (tapped.ok ? (tapped.value.can ?? '') : '').slice(4)) await page.getByTestId(`ss-key-${digit}`).click();
  await page.getByTestId('ss-key-OK').click();
  await page.getByTestId('ss-ask-officer').click();
  await page.getByTestId('ss-take-ticket').click();
  await page.getByTestId('ss-priority-no').click();
  await page.getByRole('button', { name: 'Hộ tịch' }).click();
  await page.getByTestId('ss-ticket-number').waitFor();
  await page.screenshot({ path: join(out, '13-self-service-ticket.png') });
  await hostApi.call('card.simulate', { action: 'remove' });
  await page.getByTestId('ss-rate').click();
  await page.getByRole('button', { name: 'Thái độ của cán bộ: Hài lòng' }).click();
  await page.getByTestId('ss-overall-satisfied').click();
  await page.screenshot({ path: join(out, '14-self-service-rating.png'), fullPage: true });
  hostApi.close();
} finally {
  await ssBrowser.close();
  await selfService.stop();
}
