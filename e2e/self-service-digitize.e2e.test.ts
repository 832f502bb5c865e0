import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import jsQR from 'jsqr';
import { PDFDocument } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { portrait, portraits } from '../hardware/biometric/test-faces';
import { syntheticPerson } from '../hardware/simulators/virtual-cccd/person';
import { KioskPage } from './pages/kiosk-page';
import { launchChromium, launchChromiumWithCamera } from './support/browser';
import { writeFaceVideo } from './support/fake-camera';
import { connectHostApi } from './support/host-api';
import { startBuiltSyncServer, type SyncServerProcess } from './support/sync-server-process';
import { startBuiltWebHost, type WebHostProcess } from './support/web-host-process';

/**
 * "Digitize my documents" across the Center: a self-service point and a counter, each its own host process and
 * browser profile, joined by the real sync server process. The point is enrolled by a technician with the CLI
 * (`motcua sync enroll` on its data folder, then started in self-service mode); the counter in its Settings. The
 * citizen digitizes two documents at the point and keeps them, then takes a ticket; the counter calling it opens
 * their file with the ID number filled in and finds both attached; the citizen's copy link gives one PDF of both.
 */
const unit = '000.00.15.H55';
const repoRoot = join(import.meta.dirname, '..');
let server: SyncServerProcess;
let point: WebHostProcess;
let counter: WebHostProcess;
let cameraBrowser: Browser;
let counterBrowser: Browser;
let videoDir: string;
let chipPhoto: string;

beforeAll(async () => {
  server = await startBuiltSyncServer([unit]);
  const pointDir = await mkdtemp(join(tmpdir(), 'motcua-e2e-point-'));
  // The technician, at the point's terminal, with a one-time code from the Center's admin.
  const code = await server.enrollmentCode(unit);
  await promisify(execFile)(process.execPath, [join(repoRoot, 'dist', 'cli', 'motcua.mjs'), 'sync', 'enroll', '--server', server.url, '--code', code, '--data-dir', pointDir], { cwd: repoRoot });
  [point, counter] = await Promise.all([startBuiltWebHost({ MOTCUA_KIOSK_MODE: 'self-service' }, { dataDir: pointDir }), startBuiltWebHost()]);
  videoDir = await mkdtemp(join(tmpdir(), 'motcua-digitize-camera-'));
  const face = await portrait(portraits.a);
  chipPhoto = `data:image/jpeg;base64,${Buffer.from(face).toString('base64')}`;
  await writeFaceVideo(join(videoDir, 'face.y4m'), face);
  cameraBrowser = await launchChromiumWithCamera(join(videoDir, 'face.y4m'));
  counterBrowser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await cameraBrowser?.close();
  await counterBrowser?.close();
  await Promise.all([point?.stop(), counter?.stop()]);
  await server?.close();
  if (videoDir !== undefined) await rm(videoDir, { recursive: true, force: true });
});

/** Card tap, CAN on the keypad, face check: 8 touches to the menu. */
async function identify(page: Page): Promise<void> {
  const kiosk = page.getByTestId('self-service');
  await expect.poll(() => kiosk.getAttribute('data-step')).toBe('start');
  const hostApi = connectHostApi(point.url);
  await hostApi.call('card.simulate', { action: 'remove' });
  const tapped = await hostApi.call('card.simulate', { action: 'insert', faceImage: chipPhoto });
  hostApi.close();
  if (!tapped.ok) throw new Error(tapped.error.messageEn);
  await expect.poll(() => kiosk.getAttribute('data-step')).toBe('can');
  for (const digit of tapped.value.can ?? '') await page.getByTestId(`ss-key-${digit}`).click();
  await page.getByTestId('ss-key-OK').click();
  await expect.poll(() => kiosk.getAttribute('data-step'), { timeout: 30_000 }).toBe('identified');
  await page.getByTestId('ss-face').click();
  await expect.poll(() => kiosk.getAttribute('data-step'), { timeout: 60_000 }).toBe('menu');
}

async function removeCard(): Promise<void> {
  const hostApi = connectHostApi(point.url);
  await hostApi.call('card.simulate', { action: 'remove' });
  hostApi.close();
}

async function chooseMarriage(page: Page): Promise<void> {
  await page.getByTestId('ss-digitize').click();
  await page.getByRole('button', { name: 'Hộ tịch' }).click();
  await page.getByRole('button', { name: 'Đăng ký kết hôn' }).click();
}

/** The point's local store, read as a technician's devtools would. */
function pointStore(page: Page): Promise<{ pages: string[]; kept: { hash: string; citizenId: string }[]; outbox: { kind: string }[] }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('motcua');
        open.onerror = () => reject(new Error('open'));
        open.onsuccess = () => {
          const tx = open.result.transaction(['pages', 'citizenDocuments', 'outbox']);
          const pages = tx.objectStore('pages').getAllKeys();
          const kept = tx.objectStore('citizenDocuments').getAll();
          const outbox = tx.objectStore('outbox').getAll();
          tx.oncomplete = () => resolve({ pages: pages.result as string[], kept: kept.result as { hash: string; citizenId: string }[], outbox: outbox.result as { kind: string }[] });
          tx.onerror = () => reject(new Error('read'));
        };
      }),
  );
}

function qrText(dataUrl: string): string {
  const png = PNG.sync.read(Buffer.from(dataUrl.split(',')[1] ?? '', 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? '';
}

describe('digitize my documents at the self-service point, found attached at the counter', () => {
  it('two documents scanned, checked and kept at the point; the counter calls the citizen’s ticket and receives the file with both attached; the copy link gives one PDF', { timeout: 480_000 }, async () => {
    const page = await cameraBrowser.newPage({ viewport: { width: 1280, height: 1100 } });
    await page.goto(point.url);
    await identify(page);
    const started = Date.now();
    await chooseMarriage(page);

    // Document 1: the picture of what to do, a scan, its live preview and the quality result in plain words.
    const documentStep = page.getByTestId('ss-digitize-document');
    expect(await documentStep.getAttribute('data-document')).toBe('Tờ khai đăng ký kết hôn theo mẫu');
    expect(await documentStep.getByRole('img', { name: /úp mặt xuống/ }).count()).toBe(1);
    await page.getByTestId('ss-digitize-scan').click();
    const preview = page.getByTestId('ss-digitize-preview');
    await expect.poll(() => preview.getAttribute('data-pages'), { timeout: 150_000 }).toBe('4');
    // The demo feeder holds five sheets, one blank: four pages kept and the blank one reported.
    expect(await preview.locator('img').count()).toBe(4);
    expect(await page.getByTestId('ss-quality').allTextContents()).toContainEqual(expect.stringContaining('Đã bỏ 1 trang trắng.'));
    await page.getByTestId('ss-digitize-next').click();

    // Document 2: the citizen says it has 5 pages; 4 come through, and the missing page is said plainly.
    expect(await documentStep.getAttribute('data-document')).toMatch(/^Giấy xác nhận tình trạng hôn nhân/);
    await page.getByTestId('ss-pages-5').click();
    await page.getByTestId('ss-digitize-scan').click();
    await expect.poll(() => preview.getAttribute('data-pages'), { timeout: 150_000 }).toBe('4');
    expect(await page.getByTestId('ss-quality').allTextContents()).toContainEqual(expect.stringContaining('Có 4 trang, giấy tờ này cần 5 trang.'));
    await page.getByTestId('ss-digitize-next').click();

    // The citizen's explicit choice.
    expect(await page.getByTestId('ss-digitize-summary-item').count()).toBe(2);
    await page.getByTestId('ss-digitize-keep').click();
    await expect.poll(() => page.getByTestId('ss-digitize-kept').getAttribute('data-count')).toBe('2');
    await page.getByTestId('ss-digitize-copy').click();
    const qr = page.getByTestId('ss-copy-qr');
    await qr.waitFor({ timeout: 30_000 });
    // Touches after the menu: digitize, field, procedure, scan, next, 5 pages, scan, done, keep, copy = 10.
    process.stdout.write(`[usability] digitize two documents and take a copy: 10 touches after identification (8), ${Date.now() - started} ms with two scans\n`);
    // A citizen without a phone prints the list instead (one more touch); checked with the printer's jobs below.
    await page.getByTestId('ss-print-list').click();
    await page.getByTestId('ss-list-printed').waitFor({ timeout: 15_000 });
    const copyUrl = qrText((await qr.getAttribute('src')) ?? '');
    expect(copyUrl).toMatch(new RegExp(`^${server.url.replace(/\./g, '\\.')}/v1/copies/[A-Za-z0-9_-]{43}$`));

    // What the point keeps: the two kept documents bound to the chip's ID number, nothing else.
    const kept = await pointStore(page);
    expect(kept.kept.map((d) => d.citizenId)).toEqual([syntheticPerson.citizenId, syntheticPerson.citizenId]);
    expect([...kept.pages].sort()).toEqual(kept.kept.map((d) => d.hash).sort());

    // The copy arrives once the point's sync has sent the PDFs (the link answers "being prepared" until then).
    await expect.poll(async () => (await fetch(copyUrl)).status, { timeout: 60_000 }).toBe(200);
    const copy = new Uint8Array(await (await fetch(copyUrl)).arrayBuffer());
    expect((await PDFDocument.load(copy)).getPageCount()).toBe(8);

    // The card leaves: the session ends and nothing of the citizen stays on the screen.
    await removeCard();
    await expect.poll(() => page.getByTestId('self-service').getAttribute('data-step')).toBe('start');
    const shown = (await page.content()).normalize('NFC');
    for (const secret of [syntheticPerson.fullName, syntheticPerson.citizenId, 'kết hôn']) expect(shown).not.toContain(secret);

    // The citizen, identified again (card and face), takes a ticket: it carries them to the counter that calls it,
    // yet neither the screen nor the printed ticket shows the ID number.
    await identify(page);
    await page.getByTestId('ss-take-ticket').click();
    await page.getByTestId('ss-priority-no').click();
    await page.getByRole('button', { name: 'Hộ tịch' }).click();
    const ticketNumber = ((await page.getByTestId('ss-ticket-number').textContent()) ?? '').trim();
    expect(ticketNumber).toMatch(/^[A-Z]+\d{3,}$/);
    expect(await page.content()).not.toContain(syntheticPerson.citizenId);
    const pointApi = connectHostApi(point.url);
    const printed = await pointApi.call('printer.status', {});
    pointApi.close();
    expect(printed.ok && printed.value.jobs.some((job) => job.slip.kind === 'queue-ticket')).toBe(true);
    const list = printed.ok ? printed.value.jobs.find((job) => job.slip.kind === 'kept-documents')?.slip : undefined;
    expect(list?.kind === 'kept-documents' && [list.documents.map((d) => d.pageCount), list.citizenIdTail]).toEqual([[4, 4], syntheticPerson.citizenId.slice(-4)]);
    expect(JSON.stringify(printed.ok ? printed.value.jobs : [])).not.toContain(syntheticPerson.citizenId);
    await removeCard();
    await expect.poll(() => page.getByTestId('self-service').getAttribute('data-step')).toBe('start');
    await page.close();

    // At the counter: the officer calls the next ticket, sees the citizen was identified at the point, and opens
    // their file with the ID number already filled in; then picks the procedure.
    const officerPage = await counterBrowser.newPage({ viewport: { width: 1400, height: 1000 } });
    const officer = new KioskPage(officerPage);
    await officer.open(counter.url);
    const panel = await officer.enrollWithSyncServer(server.url, await server.enrollmentCode(unit));
    await expect.poll(() => panel.getByRole('status').textContent(), { timeout: 20_000 }).toMatch(/Đã đăng ký/);
    await officerPage.keyboard.press('F6');
    await officerPage.getByTestId('call-next').click();
    await officerPage.getByTestId('current-ticket').filter({ hasText: ticketNumber }).waitFor({ timeout: 20_000 });
    expect(await officerPage.getByTestId('called-citizen').textContent()).toContain('Công dân đã xác thực tại điểm tự phục vụ');
    await officerPage.getByTestId('receive-called-citizen').click();
    await officerPage.getByRole('heading', { name: /1\. (Người nộp hồ sơ|Submitter)/ }).waitFor();
    expect(await officer.field('idNumber').inputValue()).toBe(syntheticPerson.citizenId);
    await officer.field('fullName').fill(syntheticPerson.fullName);
    await officer.field('address').fill('Phường Hoàn Kiếm, Hà Nội');
    await officer.chooseProcedure('ket hon', '1.000894');
    await officerPage.getByTestId('kept-documents-attached').waitFor({ timeout: 30_000 });
    const attached = officerPage.locator('[data-origin="self-service"]');
    expect(await attached.count()).toBe(2);
    expect(await attached.evaluateAll((cells) => cells.map((c) => c.getAttribute('data-pages')))).toEqual(['4', '4']);
    expect(await officerPage.locator('[data-testid$="-origin"]').allTextContents()).toEqual(['Đã số hoá tại điểm tự phục vụ', 'Đã số hoá tại điểm tự phục vụ']);
    const code = await officer.confirmReceipt();

    // The record carries the citizen's PDFs, as if scanned at the counter.
    const detail = await officer.openRecord(code);
    await detail.getByTestId('record-scan-0').click();
    const [download] = await Promise.all([officerPage.waitForEvent('download'), detail.getByTestId('record-scan-0-ready').click()]);
    const bytes = new Uint8Array(await readFile((await download.path()) ?? ''));
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(4);
    await officerPage.close();
  });

  it('scans the citizen did not keep are gone from the point when the card leaves', { timeout: 240_000 }, async () => {
    const page = await cameraBrowser.newPage({ viewport: { width: 1280, height: 1100 } });
    await page.goto(point.url);
    await identify(page);
    await chooseMarriage(page);
    await page.getByTestId('ss-digitize-scan').click();
    await expect.poll(() => page.getByTestId('ss-digitize-preview').getAttribute('data-pages'), { timeout: 150_000 }).toBe('4');
    expect((await pointStore(page)).pages).toHaveLength(1);

    await removeCard();
    await expect.poll(() => page.getByTestId('self-service').getAttribute('data-step')).toBe('start');
    // The earlier citizen's documents were already at the Center, so the point forgot them too: nothing is left.
    await expect.poll(async () => (await pointStore(page)).pages).toEqual([]);
    expect((await pointStore(page)).kept).toEqual([]);
    await page.close();
  });
});
