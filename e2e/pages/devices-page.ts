import type { Download, Locator, Page } from 'playwright-core';

/** The technician's device console (F7), in the words on the screen. */
export class DevicesPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.keyboard.press('F7');
    await this.page.getByRole('heading', { name: /Thiết bị của quầy|Counter devices/ }).waitFor();
  }

  rows(): Locator {
    return this.page.getByTestId('device-row');
  }

  /** The host's own receipt printer: the simulator on a fresh install. */
  simulatedPrinter(): Locator {
    return this.rows().filter({ hasText: /mô phỏng|simulated/ });
  }

  async assignRole(row: Locator, role: string): Promise<void> {
    await row.getByTestId('device-role').selectOption(role);
  }

  async test(row: Locator, action: 'print-test' | 'status' | 'read-card'): Promise<Locator> {
    await row.getByTestId(`device-test-${action}`).click();
    return row.getByTestId('device-test-outcome');
  }

  /** Makes a host file (profile or support bundle) and downloads it. */
  async download(testId: 'profile-export' | 'support-bundle'): Promise<Download> {
    await this.page.getByTestId(testId).click();
    const link = this.page.getByTestId(`${testId}-ready`);
    await link.waitFor();
    const [download] = await Promise.all([this.page.waitForEvent('download'), link.click()]);
    return download;
  }

  async importProfile(name: string, content: string): Promise<Locator> {
    await this.page.getByTestId('profile-import').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content, 'utf8') });
    return this.page.getByTestId('profile-import-outcome');
  }

  log(): Locator {
    return this.page.getByTestId('device-log');
  }

  permissions(): Locator {
    return this.page.getByTestId('device-permissions');
  }
}
