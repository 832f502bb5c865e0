import type { Locator, Page } from 'playwright-core';

/** The officer's view of the kiosk shell, in the words on the screen. */
export class KioskPage {
  constructor(private readonly page: Page) {}

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.connection().filter({ hasText: /Đã kết nối|Connected/ }).waitFor();
  }

  connection(): Locator {
    return this.page.getByTestId('connection');
  }

  version(): Locator {
    return this.page.getByTestId('system-version');
  }

  counterNumber(): Locator {
    return this.page.getByTestId('counter-number');
  }

  async goTo(tab: RegExp): Promise<void> {
    await this.page.getByRole('button', { name: tab }).click();
  }

  async setCounterNumber(value: string): Promise<void> {
    await this.goTo(/Cài đặt|Settings/);
    await this.page.locator('input[name="counterNumber"]').fill(value);
    await this.page.getByRole('button', { name: /^(Lưu|Save)$/ }).click();
  }

  status(): Locator {
    return this.page.getByRole('status').filter({ hasText: /.+/ }).last();
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.connection().filter({ hasText: /Đã kết nối|Connected/ }).waitFor();
  }

  async searchProcedures(query: string): Promise<Locator> {
    await this.page.keyboard.press('F2');
    await this.page.getByTestId('procedure-search').fill(query);
    return this.page.getByTestId('procedure-results').locator('li.procedure');
  }

  async computeDue(receivedAt: string, workingDays: string): Promise<{ due: Locator; skipped: Locator }> {
    await this.page.keyboard.press('F3');
    await this.page.getByTestId('calendar-received').fill(receivedAt);
    await this.page.getByTestId('calendar-unit').selectOption('working-days');
    await this.page.getByTestId('calendar-amount').fill(workingDays);
    return { due: this.page.getByTestId('calendar-due'), skipped: this.page.getByTestId('calendar-skipped').locator('tr') };
  }

  procedureCount(): Locator {
    return this.page.getByTestId('procedure-count');
  }

  async loadCatalogueFile(name: string, content: string): Promise<Locator> {
    await this.page.keyboard.press('F9');
    await this.page.getByTestId('catalogue-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
    return this.page.getByTestId('catalogue-report');
  }

  async installValidProcedures(): Promise<void> {
    await this.page.getByRole('button', { name: /Nạp các thủ tục hợp lệ|Load the valid procedures/ }).click();
  }
}
