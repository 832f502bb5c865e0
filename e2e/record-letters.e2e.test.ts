import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { createPdfReader } from '../tests/support/pdf-reader';
import { KioskPage } from './pages/kiosk-page';
import { useKioskInChromium } from './support/kiosk-in-chromium';

const pdfReader = createPdfReader();

const served = useKioskInChromium();
afterAll(() => pdfReader.dispose());

/** Makes the form behind a DownloadButton and returns the PDF's text. */
async function formText(page: Page, testId: string): Promise<string> {
  await page.getByTestId(testId).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`${testId}-ready`).click()]);
  return pdfReader.textOf(new Uint8Array(await readFile((await download.path()) ?? '')));
}

describe('letters and moves beyond the plain statuses (forms 02–05, extension, transfer)', () => {
  it('supplement request: form 02 lists the missing papers and the reason, and its slip goes to the printer', async () => {
    const page = await served.browser.newPage();
    const kiosk = new KioskPage(page);
    await kiosk.open(served.host.url);
    const code = await kiosk.receiveSimpleFile('nhan cha me con', '1.001022');
    const detail = await kiosk.openRecord(code);
    await kiosk.moveTo(/Yêu cầu bổ sung/, 'Thiếu giấy chứng sinh bản chính');
    await expect.poll(() => detail.locator('h2').textContent()).toContain('Yêu cầu bổ sung giấy tờ');
    await page.locator('textarea[name="documents-to-add"]').fill('Giấy chứng sinh (bản chính)\nẢnh chụp chân dung');
    await kiosk.field('guide-phone').fill('024 3825 1234');
    const text = await formText(page, 'form-02');
    expect(text).toContain(code);
    expect(text).toContain('Giấy chứng sinh (bản chính)');
    expect(text).toContain('Ảnh chụp chân dung');
    expect(text).toContain('Thiếu giấy chứng sinh bản chính');
    expect(text).toContain('024 3825 1234');
    await page.getByTestId('print-supplement-slip').click();
    await expect.poll(() => page.getByTestId('print-supplement-slip-state').textContent()).toBeTruthy();
    await page.close();
  });

  it('refusal at the counter: a reason is required, the file gets a code, form 03 carries the reason', async () => {
    const page = await served.browser.newPage();
    const kiosk = new KioskPage(page);
    await kiosk.open(served.host.url);
    await kiosk.openReceive();
    await kiosk.field('idNumber').fill('001099012345');
    await kiosk.field('fullName').fill('Trần Thị Bình');
    await kiosk.field('address').fill('Phường Hoàn Kiếm, Hà Nội');
    await kiosk.chooseProcedure('khai tu', '1.000656');
    expect(await page.getByTestId('refuse-file').isDisabled()).toBe(true);
    await kiosk.field('refusal-reason').fill('Người chết không cư trú cuối cùng trên địa bàn');
    await page.getByTestId('refuse-file').click();
    const code = (await page.getByTestId('refused-code').textContent()) ?? '';
    expect(code).toMatch(/-\d{4}$/);
    const text = await formText(page, 'form-03');
    expect(text).toMatch(/TỪ CHỐI/i);
    expect(text).toContain('Người chết không cư trú cuối cùng trên địa bàn');
    expect(text).toContain('Trần Thị Bình');
    // Tracked as refused, with its history.
    const detail = await kiosk.openRecord(code);
    await expect.poll(() => detail.locator('h2').textContent()).toContain('Không được tiếp nhận');
    await page.close();
  });

  it('non-boundary transfer, then an extension with form 04 and a stop with form 05', async () => {
    const page = await served.browser.newPage();
    const kiosk = new KioskPage(page);
    await kiosk.open(served.host.url);
    const code = await kiosk.receiveSimpleFile('nhan cha me con', '1.001022');
    const detail = await kiosk.openRecord(code);
    await kiosk.field('transfer-unit').fill('not a unit');
    await page.getByTestId('transfer').getByRole('button').click();
    await expect.poll(() => page.getByTestId('transfer').getByRole('alert').textContent()).toMatch(/mã định danh/);
    await kiosk.field('transfer-unit').fill('000.00.16.H55');
    await page.getByTestId('transfer').getByRole('button').click();
    await expect.poll(() => detail.locator('h2').textContent()).toContain('Đang xử lý');
    await expect.poll(() => detail.locator('.history li').count()).toBe(2);

    await kiosk.field('new-due').fill('2099-12-30T16:00');
    await kiosk.field('extension-reason').fill('Cần xác minh thông tin tại nơi sinh');
    await page.getByTestId('extend-due').getByRole('button').click();
    await expect.poll(() => detail.locator('.history li').count()).toBe(3);
    await kiosk.field('signer-name').fill('Phạm Văn Chủ');
    await kiosk.field('agency-name').fill('Ủy ban nhân dân phường Hoàn Kiếm');
    const apology = await formText(page, 'form-04');
    expect(apology).toContain('Cần xác minh thông tin tại nơi sinh');
    expect(apology).toContain('ngày 30 tháng 12 năm 2099');
    expect(apology).toContain('Phạm Văn Chủ');
    expect(apology).toContain('Ủy ban nhân dân phường Hoàn Kiếm xin lỗi');

    await kiosk.moveTo(/Dừng xử lý/, 'Công dân không bổ sung theo yêu cầu');
    await expect.poll(() => detail.locator('h2').textContent()).toContain('Dừng xử lý');
    await kiosk.field('signer-name').fill('Phạm Văn Chủ');
    const stop = await formText(page, 'form-05');
    expect(stop).toContain(code);
    expect(stop).toContain('Công dân không bổ sung theo yêu cầu');
    await page.close();
  });
});
