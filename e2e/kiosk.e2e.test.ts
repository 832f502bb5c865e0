import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportCatalogueCsv, importCatalogueJson } from '../src-shared/domain/catalogue';
import { createPdfReader } from '../tests/support/pdf-reader';
import { KioskPage } from './pages/kiosk-page';
import { useKioskInChromium } from './support/kiosk-in-chromium';

const pdfReader = createPdfReader();

const served = useKioskInChromium();
afterAll(() => pdfReader.dispose());

describe('the kiosk in Chromium, served by the web host from a clean state', () => {
  it('loads the app and shows system.info from the host', async () => {
    const page = await served.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const kiosk = new KioskPage(page);
    await kiosk.open(served.host.url);
    const pkg = JSON.parse(await readFile(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string };
    await expect.poll(() => kiosk.version().textContent()).toBe(pkg.version);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('round-trips a setting through the host: saved, persisted on disk, shown after reload', async () => {
    const page = await served.browser.newPage();
    const kiosk = new KioskPage(page);
    await kiosk.open(served.host.url);
    await kiosk.setCounterNumber('12');
    await expect.poll(() => kiosk.counterNumber().textContent()).toBe('12');
    const onDisk = JSON.parse(await readFile(join(served.host.dataDir, 'settings.json'), 'utf8')) as { counterNumber: number };
    expect(onDisk.counterNumber).toBe(12);
    await kiosk.reload();
    await expect.poll(() => kiosk.counterNumber().textContent()).toBe('12');
    await page.close();
  });

  it('shows a bilingual validation error for a bad setting and keeps the saved one', async () => {
    const page = await served.browser.newPage();
    const kiosk = new KioskPage(page);
    await kiosk.open(served.host.url);
    await kiosk.setCounterNumber('0');
    await expect.poll(() => page.locator('.error').textContent()).toMatch(/không hợp lệ/);
    await expect.poll(() => kiosk.counterNumber().textContent()).toBe('12');
    await page.close();
  });

  it('loads the sample catalogue into IndexedDB on first start and searches it without diacritics', async () => {
    const page = await served.browser.newPage();
    const kiosk = new KioskPage(page);
    await kiosk.open(served.host.url);
    await expect.poll(async () => Number(await kiosk.procedureCount().textContent())).toBeGreaterThanOrEqual(20);
    const hits = await kiosk.searchProcedures('dang ky khai sinh');
    await expect.poll(() => hits.first().textContent()).toContain('1.001193');
    const byCode = await kiosk.searchProcedures('2.000815');
    await expect.poll(() => byCode.first().textContent()).toContain('Chứng thực bản sao');
    await page.close();
  });

  it('computes a due date across Tết 2026 with the reasons for each skipped day', async () => {
    const page = await served.browser.newPage();
    const kiosk = new KioskPage(page);
    await kiosk.open(served.host.url);
    const { due, skipped } = await kiosk.computeDue('2026-02-12T10:00', '3');
    await expect.poll(() => due.textContent()).toMatch(/^10:00 .*24\/02\/2026$/);
    await expect.poll(() => skipped.count()).toBe(9);
    expect(await skipped.first().textContent()).toContain('Tết');
    await page.close();
  });

  it("loads a province's catalogue file: bad rows listed, valid ones installed", async () => {
    const page = await served.browser.newPage();
    const kiosk = new KioskPage(page);
    await kiosk.open(served.host.url);
    const procedures = importCatalogueJson(await readFile(join(import.meta.dirname, '..', 'assets', 'catalogue', 'sample-catalogue.json'), 'utf8')).procedures.slice(0, 3);
    const third = procedures[2]?.nationalCode ?? '';
    const csv = exportCatalogueCsv(procedures).replace(new RegExp(`(\\r?\\n)${third.replace('.', '\\.')},`), '$1not-a-code,');
    const report = await kiosk.loadCatalogueFile('tinh.csv', csv);
    await expect.poll(() => report.textContent()).toMatch(/2 thủ tục hợp lệ, 1 dòng lỗi/);
    expect(await report.textContent()).toMatch(/Dòng 4/);
    await kiosk.installValidProcedures();
    await kiosk.goTo(/Tổng quan|Overview/);
    await expect.poll(() => kiosk.procedureCount().textContent()).toBe('2');
    await page.close();
  });

  it('signs in offline, refuses a wrong password with attempts left, and signs out', async () => {
    const page = await served.browser.newPage();
    const kiosk = new KioskPage(page);
    await kiosk.open(served.host.url);
    await page.getByRole('button', { name: /Đăng xuất/ }).click();
    await page.locator('input[name="username"]').fill('giamsat');
    await page.locator('input[name="secret"]').fill('sai-mat-khau-1');
    await page.locator('form button[type="submit"]').click();
    await expect.poll(() => kiosk.signInError().textContent()).toMatch(/Còn 4 lần thử/);
    await kiosk.signIn({ username: 'giamsat', displayName: '', secret: 'motcua2026' });
    expect(await page.getByTestId('signed-in-officer').textContent()).toContain('Nguyễn Thị Giám Sát');
    await page.close();
  });

  it('receives a file: QR scan fills the citizen, the procedure sets documents and due date, the record code is allocated', async () => {
    const page = await served.browser.newPage();
    const kiosk = new KioskPage(page);
    await kiosk.open(served.host.url);
    await kiosk.openReceive();
    await kiosk.scanWithWedge('001099012345|123456789|Nguyễn Văn A|15011999|Nam|Số 1 Đường Mẫu, Phường Thử, Hà Nội|01022021');
    await expect.poll(() => kiosk.field('fullName').inputValue()).toBe('Nguyễn Văn A');
    expect(await kiosk.field('idNumber').inputValue()).toBe('001099012345');
    await kiosk.chooseProcedure('khai sinh', '1.001193');
    await expect.poll(() => page.getByTestId('receive-due').textContent()).toMatch(/^\d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/);
    const code = await kiosk.confirmReceipt();
    expect(code).toMatch(/^000\.00\.00\.H99-\d{6}-1001$/);
    // The thermal receipt prints by itself on the (simulated) receipt printer; a reprint is possible after.
    await expect.poll(() => page.getByTestId('print-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('done');
    await page.getByTestId('reprint').click();
    await expect.poll(() => page.getByTestId('print-state').getAttribute('data-state'), { timeout: 15_000 }).toBe('done');
    // Form 01 as the citizen gets it: the PDF's text names the file and the citizen, its QR gives the record code.
    await page.getByTestId('make-receipt').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('make-receipt-ready').click()]);
    const pdf = new Uint8Array(await readFile((await download.path()) ?? ''));
    const text = pdfReader.textOf(pdf);
    expect(text).toContain(code);
    expect(text).toContain('Nguyễn Văn A');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(pdfReader.decodeQr(pdfReader.rasterize(pdf))).toBe(code);
    await page.getByRole('button', { name: /Tiếp nhận hồ sơ tiếp theo/ }).click();
    await kiosk.field('idNumber').fill('079203001234');
    await kiosk.field('fullName').fill('Trần Thị Bình');
    await kiosk.field('address').fill('Phường Sài Gòn, TP. Hồ Chí Minh');
    await kiosk.chooseProcedure('chung thuc ban sao', '2.000815');
    expect(await kiosk.confirmReceipt()).toMatch(/-1002$/);
    await page.close();
  });

  it('keeps a half-typed receipt across a reload (the draft is in IndexedDB)', async () => {
    const page = await served.browser.newPage();
    const kiosk = new KioskPage(page);
    await kiosk.open(served.host.url);
    await kiosk.openReceive();
    await kiosk.field('fullName').fill('Lê Thị Hoà');
    await page.waitForTimeout(600);
    await kiosk.reload();
    await kiosk.openReceive();
    await expect.poll(() => kiosk.field('fullName').inputValue()).toBe('Lê Thị Hoà');
    await page.close();
  });

  it('refuses an invalid citizen ID with a clear message and keeps the confirm button off', async () => {
    const page = await served.browser.newPage();
    const kiosk = new KioskPage(page);
    await kiosk.open(served.host.url);
    await kiosk.openReceive();
    await kiosk.field('idNumber').fill('12345');
    await expect.poll(() => page.locator('.field .error').first().textContent()).toMatch(/12 chữ số|12/);
    await page.close();
  });

  it('tracks a file: hand over, supplement needs a reason, resume, done, returned, classed early or on time', async () => {
    const page = await served.browser.newPage();
    const kiosk = new KioskPage(page);
    await kiosk.open(served.host.url);
    const code = await kiosk.receiveSimpleFile('nhan cha me con', '1.001022');
    const detail = await kiosk.openRecord(code);
    await expect.poll(() => detail.textContent()).toContain('Được tiếp nhận');
    await kiosk.moveTo(/Đang xử lý/);
    await kiosk.moveTo(/Yêu cầu bổ sung/);
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/lý do|reason/i);
    await kiosk.moveTo(/Yêu cầu bổ sung/, 'Thiếu giấy chứng sinh');
    await expect.poll(() => detail.locator('h2').textContent()).toContain('Yêu cầu bổ sung giấy tờ');
    await kiosk.moveTo(/Đang xử lý/);
    await kiosk.moveTo(/Đã xử lý xong/);
    // Returning the result: the collector's ID is checked; a stranger needs an authorization noted.
    await kiosk.moveTo(/Đã trả kết quả/);
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/định danh|ID/);
    await kiosk.field('collector-id').fill('001089000001');
    await kiosk.moveTo(/Đã trả kết quả/);
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/ủy quyền/);
    await kiosk.field('collector-id').fill('001099012345');
    await kiosk.moveTo(/Đã trả kết quả/);
    await expect.poll(() => detail.locator('h2').textContent()).toContain('Đã trả kết quả');
    expect(await detail.locator('.history li').count()).toBe(6);
    expect(await detail.locator('.history li').last().textContent()).toContain('Người nhận kết quả: 001099012345');
    await expect.poll(() => page.getByTestId('record-list').textContent()).toMatch(/Trước hạn|Đúng hạn/);
    // Form 06 (the hand-over trail) as a PDF, and today's log book (form 07) as CSV.
    await page.getByTestId('control-slip').click();
    const [slip] = await Promise.all([page.waitForEvent('download'), page.getByTestId('control-slip-ready').click()]);
    const slipText = pdfReader.textOf(new Uint8Array(await readFile((await slip.path()) ?? '')));
    expect(slipText).toContain(code);
    expect(slipText).toMatch(/PHIẾU KIỂM SOÁT/i);
    await page.getByTestId('logbook-csv').click();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('logbook-csv-ready').click()]);
    const csvText = await readFile((await csv.path()) ?? '', 'utf8');
    expect(csvText).toContain(code);
    expect(csvText).toContain('Nguyễn Văn A');
    // Today at my counter, read from the aggregates written in the same transactions.
    await page.keyboard.press('F1');
    const counterRow = page.getByTestId('today').locator('tbody tr').first();
    await expect.poll(async () => (await counterRow.locator('td').allTextContents()).join('|')).toBe('1|1|1|0|100 %');
    // The supervisor also sees the day by field and by channel.
    await expect.poll(() => page.getByTestId('today').textContent()).toMatch(/Lĩnh vực: Hộ tịch.*Kênh: Trực tiếp/);
    // Over a period: this month still holds today's file; a period before it holds none.
    await page.getByTestId('period').getByRole('button', { name: 'Tháng này' }).click();
    await expect.poll(() => page.getByRole('heading', { name: /Kết quả giải quyết/ }).count()).toBe(1);
    await expect.poll(async () => (await counterRow.locator('td').allTextContents()).join('|')).toBe('1|1|1|0|100 %');
    await page.locator('input[name="period-to"]').fill('2026-01-31');
    await page.locator('input[name="period-from"]').fill('2026-01-01');
    await expect.poll(async () => (await counterRow.locator('td').allTextContents()).join('|')).toBe('0|0|0|0|—');
    await page.close();
  });

  it('issues queue tickets (printed), calls the priority one first, then the next, and skips', async () => {
    const page = await served.browser.newPage();
    const kiosk = new KioskPage(page);
    await kiosk.open(served.host.url);
    await page.keyboard.press('F6');
    await page.getByRole('button', { name: 'Hộ tịch', exact: true }).click();
    await expect.poll(() => page.getByTestId('issued-ticket').textContent()).toMatch(/1001/);
    await page.getByLabel(/Ưu tiên/).check();
    await page.getByRole('button', { name: 'Hộ tịch', exact: true }).click();
    await expect.poll(() => page.getByTestId('issued-ticket').textContent()).toMatch(/1002/);
    // The waiting room's display (a second screen on this host) follows the calls; it shows no names.
    const display = await served.browser.newPage();
    await display.goto(`${served.host.url}#/display`);
    await display.getByTestId('queue-display').waitFor();
    await page.getByTestId('call-next').click();
    await expect.poll(() => page.getByTestId('current-ticket').textContent()).toMatch(/^1002/);
    await expect.poll(() => display.getByTestId('display-number').textContent()).toBe('1002');
    expect(await display.getByTestId('display-counter').textContent()).toMatch(/Quầy \/ Counter \d+/);
    await page.getByTestId('call-next').click();
    await expect.poll(() => page.getByTestId('current-ticket').textContent()).toMatch(/^1001/);
    await expect.poll(() => display.getByTestId('display-number').textContent()).toBe('1001');
    await expect.poll(() => display.getByTestId('display-history').textContent()).toContain('1002');
    await display.close();
    await page.getByRole('button', { name: 'Bỏ qua' }).click();
    await expect.poll(() => page.getByTestId('current-ticket').textContent()).toBe('Chưa gọi số nào');
    expect(await page.getByRole('alert').count()).toBe(0);
    await page.close();
  });

  it('warns before receiving the same procedure twice for one citizen on one day, then allows it on purpose', async () => {
    const page = await served.browser.newPage();
    const kiosk = new KioskPage(page);
    await kiosk.open(served.host.url);
    const first = await kiosk.receiveSimpleFile('khai tu', '1.000656');
    await page.getByRole('button', { name: /Tiếp nhận hồ sơ tiếp theo/ }).click();
    // A returning citizen: typing the ID number brings back the name and address given last time.
    await kiosk.field('idNumber').fill('001099012345');
    await expect.poll(() => kiosk.field('fullName').inputValue()).toBe('Nguyễn Văn A');
    expect(await kiosk.field('address').inputValue()).toBe('Phường Hoàn Kiếm, Hà Nội');
    await kiosk.chooseProcedure('khai tu', '1.000656');
    await page.getByTestId('confirm-receive').click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain(first);
    expect(await kiosk.confirmReceipt()).toMatch(/-1002$/);
    await page.close();
  });
});
