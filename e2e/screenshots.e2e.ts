import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { portrait, portraits } from '../hardware/biometric/test-faces';
import { renderSlip, type Slip } from '../hardware/printer';
import { toRgba } from '../hardware/printer/render/bitmap';
import { syntheticPerson } from '../hardware/simulators/virtual-cccd/person';
import { KioskPage } from './pages/kiosk-page';
import { launchChromium, launchChromiumWithCamera } from './support/browser';
import { writeFaceVideo } from './support/fake-camera';
import { connectHostApi } from './support/host-api';
import { startBuiltSyncServer } from './support/sync-server-process';
import { startBuiltWebHost } from './support/web-host-process';

/**
 * `npm run screenshots`: walks the main screens of a fresh kiosk (the built web host, Debian Chromium) and saves
 * them under docs/screenshots/, linked from the README and docs/SELF-SERVICE.md. Run after `npm run build`.
 * 01–10 a counter, 11–14 a self-service point alone, 15–25 a self-service point and a counter of one Center
 * joined by the real sync server (the setup of e2e/self-service-digitize.e2e.test.ts).
 */
const out = join(import.meta.dirname, '..', 'docs', 'screenshots');

/** A slip as the 80 mm printer draws it, as a PNG. */
function slipPng(slip: Slip): Buffer {
  const rendered = renderSlip(slip, { paper: '80mm' });
  if (!rendered.ok) throw new Error(rendered.error.messageEn);
  const bitmap = rendered.value;
  const png = new PNG({ width: bitmap.width, height: bitmap.height });
  png.data = Buffer.from(toRgba(bitmap));
  return PNG.sync.write(png);
}
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

// The self-service point and a counter of one Center, joined by the real sync server process, as in
// e2e/self-service-digitize.e2e.test.ts: the point enrolled by a technician with the CLI, the counter in Settings.
const unit = '000.00.15.H55';
const server = await startBuiltSyncServer([unit]);
/** A fresh data folder enrolled by a technician at the terminal: `motcua sync enroll` with a one-time code. */
async function enrolledDataDir(): Promise<string> {
  const dataDir = await mkdtemp(join(tmpdir(), 'motcua-screenshots-'));
  const repoRoot = join(import.meta.dirname, '..');
  const cli = join(repoRoot, 'dist', 'cli', 'motcua.mjs');
  await promisify(execFile)(process.execPath, [cli, 'sync', 'enroll', '--server', server.url, '--code', await server.enrollmentCode(unit), '--data-dir', dataDir], { cwd: repoRoot });
  return dataDir;
}
// The point; a counter (enrolled below in its Settings); the waiting room's screen, a third machine of the Center.
const [pointDir, waitingRoomDir] = [await enrolledDataDir(), await enrolledDataDir()];
const [point, counter, waitingRoom] = await Promise.all([
  startBuiltWebHost({ MOTCUA_KIOSK_MODE: 'self-service' }, { dataDir: pointDir }),
  startBuiltWebHost(),
  startBuiltWebHost({}, { dataDir: waitingRoomDir }),
]);
// The point's camera films the same person as the chip photo (a real photograph from face-api).
const videoDir = await mkdtemp(join(tmpdir(), 'motcua-screenshots-camera-'));
const face = await portrait(portraits.a);
const chipPhoto = `data:image/jpeg;base64,${Buffer.from(face).toString('base64')}`;
await writeFaceVideo(join(videoDir, 'face.y4m'), face);
const cameraBrowser = await launchChromiumWithCamera(join(videoDir, 'face.y4m'));
const counterBrowser = await launchChromium();

const step = (page: Page, name: string) => page.getByTestId('self-service').and(page.locator(`[data-step="${name}"]`));

/** The card tapped on the point's reader (after taking off any card left there) and its CAN typed on the keypad. */
async function tapCardAndTypeCan(page: Page): Promise<void> {
  const hostApi = connectHostApi(point.url);
  await hostApi.call('card.simulate', { action: 'remove' });
  const tapped = await hostApi.call('card.simulate', { action: 'insert', faceImage: chipPhoto });
  hostApi.close();
  if (!tapped.ok) throw new Error(tapped.error.messageEn);
  await page.getByTestId('ss-can').waitFor();
  for (const digit of tapped.value.can ?? '') await page.getByTestId(`ss-key-${digit}`).click();
  await page.getByTestId('ss-key-OK').click();
  await page.getByTestId('ss-name').waitFor({ timeout: 30_000 });
}

async function removeCard(page: Page): Promise<void> {
  const hostApi = connectHostApi(point.url);
  await hostApi.call('card.simulate', { action: 'remove' });
  hostApi.close();
  await step(page, 'start').waitFor();
}

try {
  // At the counter: enrolled, then a file received and a supplement requested (the point finds it by sync pull).
  const officerPage = await counterBrowser.newPage({ viewport: { width: 1366, height: 900 } });
  const officer = new KioskPage(officerPage);
  await officer.open(counter.url);
  const panel = await officer.enrollWithSyncServer(server.url, await server.enrollmentCode(unit));
  await panel.getByRole('status').filter({ hasText: /Đã đăng ký/ }).waitFor({ timeout: 20_000 });
  const code = await officer.receiveSimpleFile('nhan cha me con', '1.001022');
  const detail = await officer.openRecord(code);
  await officer.moveTo(/Đang xử lý/);
  await detail.locator('h2', { hasText: 'Đang xử lý' }).waitFor();
  await officer.moveTo(/Yêu cầu bổ sung/, 'Giấy chứng sinh bản chính; Tờ khai có chữ ký của cha và mẹ');
  await detail.locator('h2', { hasText: 'Yêu cầu bổ sung giấy tờ' }).waitFor();

  // At the point: card, CAN, face check with its score, then the menu of an identified citizen.
  const page = await cameraBrowser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(point.url);
  await step(page, 'start').waitFor();
  await tapCardAndTypeCan(page);
  await page.getByTestId('ss-face').click();
  // The menu follows a match after 1.2 s: the result with its score is on screen until then.
  await page.getByTestId('ss-face-result').and(page.locator('[data-decision="match"]')).waitFor({ timeout: 60_000 });
  await page.screenshot({ path: join(out, '15-self-service-face.png') });
  await step(page, 'menu').waitFor({ timeout: 10_000 });
  await page.screenshot({ path: join(out, '16-self-service-menu.png') });

  // Digitize my documents: the procedure, two documents scanned (the second one page short), kept, a copy by QR.
  await page.getByTestId('ss-digitize').click();
  await page.getByRole('button', { name: 'Hộ tịch' }).click();
  await page.getByRole('button', { name: 'Đăng ký kết hôn' }).waitFor();
  await page.screenshot({ path: join(out, '19-self-service-digitize-procedure.png') });
  await page.getByRole('button', { name: 'Đăng ký kết hôn' }).click();
  const scanned = page.getByTestId('ss-digitize-preview').and(page.locator(':not([data-pages=""])'));
  await page.getByTestId('ss-digitize-scan').click();
  await scanned.waitFor({ timeout: 150_000 });
  await page.screenshot({ path: join(out, '20-self-service-digitize-scan.png'), fullPage: true });
  await page.getByTestId('ss-digitize-next').click();
  await page.getByTestId('ss-pages-5').click();
  await page.getByTestId('ss-digitize-scan').click();
  await scanned.waitFor({ timeout: 150_000 });
  await page.getByTestId('ss-digitize-next').click();
  await page.getByTestId('ss-digitize-summary').waitFor();
  await page.screenshot({ path: join(out, '21-self-service-digitize-summary.png') });
  await page.getByTestId('ss-digitize-keep').click();
  await page.getByTestId('ss-digitize-copy').click();
  await page.getByTestId('ss-copy-qr').waitFor({ timeout: 30_000 });
  await page.getByTestId('ss-print-list').click();
  await page.getByTestId('ss-list-printed').waitFor({ timeout: 15_000 });
  await page.screenshot({ path: join(out, '22-self-service-copy-qr.png') });
  // The printed list as the point's printer draws it (the same renderer feeds the printer).
  const pointApi = connectHostApi(point.url);
  const jobs = await pointApi.call('printer.status', {});
  pointApi.close();
  const list = jobs.ok ? jobs.value.jobs.find((job) => job.slip.kind === 'kept-documents')?.slip : undefined;
  if (list !== undefined) await writeFile(join(out, '25-self-service-printed-list.png'), slipPng(list));
  await removeCard(page);

  // Look up a file, no card: the receipt's day and number on the keypad, then the file waiting for a supplement.
  await page.waitForFunction(
    (recordCode) =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('motcua');
        open.onerror = () => resolve(false);
        open.onsuccess = () => {
          const request = open.result.transaction('records').objectStore('records').index('code').count(recordCode);
          request.onsuccess = () => resolve(request.result === 1);
          request.onerror = () => resolve(false);
        };
      }),
    code,
    { timeout: 60_000, polling: 500 },
  );
  await page.getByTestId('ss-look-up').click();
  const digits = code.split('-').slice(-2).join('');
  for (const digit of digits.slice(0, 8)) await page.getByTestId(`ss-code-key-${digit}`).click();
  await page.screenshot({ path: join(out, '17-self-service-lookup.png'), fullPage: true });
  for (const digit of digits.slice(8)) await page.getByTestId(`ss-code-key-${digit}`).click();
  await page.getByTestId('ss-code-key-OK').click();
  await page.getByTestId('ss-lookup-result').waitFor();
  await page.screenshot({ path: join(out, '18-self-service-lookup-result.png'), fullPage: true });
  await page.getByTestId('ss-finish').click();

  // At the counter: the citizen's file; the documents kept at the point come attached.
  await officer.openReceive();
  await officer.field('idNumber').fill(syntheticPerson.citizenId);
  await officer.field('fullName').fill(syntheticPerson.fullName);
  await officer.field('address').fill('Phường Hoàn Kiếm, Hà Nội');
  await officer.chooseProcedure('ket hon', '1.000894');
  await officerPage.getByTestId('kept-documents-attached').waitFor({ timeout: 30_000 });
  await officerPage.locator('[data-origin="self-service"]').nth(1).waitFor({ timeout: 30_000 });
  await officerPage.screenshot({ path: join(out, '23-receive-kept-documents.png'), fullPage: true });

  // The Center-wide queue: a ticket taken at the point (helped by an officer) and one at the counter, both called at
  // the counter; the waiting room's screen, on another machine, shows them by following the Center's calls.
  const display = await counterBrowser.newPage({ viewport: { width: 1366, height: 768 } });
  await display.goto(`${waitingRoom.url}#/display`);
  await display.getByTestId('queue-display').waitFor();
  await tapCardAndTypeCan(page);
  await page.getByTestId('ss-ask-officer').click();
  await page.getByTestId('ss-take-ticket').click();
  await page.getByTestId('ss-priority-no').click();
  await page.getByRole('button', { name: 'Hộ tịch' }).click();
  const fromPoint = (await page.getByTestId('ss-ticket-number').textContent()) ?? '';
  await removeCard(page);
  await officerPage.keyboard.press('F6');
  await officerPage.getByRole('button', { name: 'Hộ tịch', exact: true }).click();
  const fromCounter = (await officerPage.getByTestId('issued-ticket').locator('.due').textContent()) ?? '';
  for (const ticket of [fromPoint, fromCounter]) {
    await officerPage.getByTestId('call-next').click();
    await officerPage.getByTestId('current-ticket').filter({ hasText: ticket }).waitFor();
  }
  await display.getByTestId('display-number').filter({ hasText: fromCounter }).waitFor({ timeout: 20_000 });
  await display.getByTestId('display-history').getByText(fromPoint).waitFor();
  await display.screenshot({ path: join(out, '24-queue-display-center.png') });
} finally {
  await cameraBrowser.close();
  await counterBrowser.close();
  await Promise.all([point.stop(), counter.stop(), waitingRoom.stop()]);
  await server.close();
  await rm(videoDir, { recursive: true, force: true });
}
