import { readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { createPdfReader } from '../tests/support/pdf-reader';
import { KioskPage } from './pages/kiosk-page';
import { useKioskInChromium } from './support/kiosk-in-chromium';

const pdfReader = createPdfReader();
const served = useKioskInChromium();
afterAll(() => pdfReader.dispose());

describe('scanning the documents while receiving a file (the host’s simulated eSCL scanner)', () => {
  it('scans a document from the feeder, says which blank page was left out, and the record keeps the searchable PDF', { timeout: 180_000 }, async () => {
    const page = await served.browser.newPage();
    const kiosk = new KioskPage(page);
    await kiosk.open(served.host.url);
    await kiosk.openReceive();
    await kiosk.field('idNumber').fill('001099012345');
    await kiosk.field('fullName').fill('Nguyễn Văn A');
    await kiosk.field('address').fill('Phường Hoàn Kiếm, Hà Nội');
    await kiosk.chooseProcedure('nhan cha me con', '1.001022');
    const firstScan = page.locator('[data-testid^="scan-"][data-testid$="-button"]').first();
    await firstScan.click();
    const result = page.locator('[data-testid$="-result"]').first();
    await result.waitFor({ timeout: 150_000 });
    // The demo feeder holds five sheets, one of them blank: four pages kept, the blank one reported.
    expect(await result.getAttribute('data-pages')).toBe('4');
    expect(await result.textContent()).toMatch(/bỏ 1 trang trắng/);
    expect(await result.locator('img').count()).toBe(4);
    const code = await kiosk.confirmReceipt();

    const detail = await kiosk.openRecord(code);
    await detail.getByTestId('record-scan-0').click();
    const [download] = await Promise.all([page.waitForEvent('download'), detail.getByTestId('record-scan-0-ready').click()]);
    const bytes = new Uint8Array(await readFile((await download.path()) ?? ''));
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(4);
    // The OCR text layer makes the scan searchable in Vietnamese.
    expect(pdfReader.textOf(bytes).normalize('NFC')).toMatch(/CỘNG HÒA|Họ và tên|Giấy/i);
    await page.close();
  });
});
