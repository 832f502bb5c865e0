import type { Locator, Page } from 'playwright-core';

/** The officer's view of the kiosk shell, in the words on the screen. */
export class KioskPage {
  constructor(private readonly page: Page) {}

  /** Opens the kiosk and signs in; on a fresh profile, first creates the supervisor account. */
  async open(url: string, officer = { username: 'giamsat', displayName: 'Nguyễn Thị Giám Sát', secret: 'motcua2026' }): Promise<void> {
    await this.page.goto(url);
    await this.connection().filter({ hasText: /Đã kết nối|Connected/ }).waitFor();
    await this.signIn(officer);
  }

  async signIn(officer: { username: string; displayName: string; secret: string }): Promise<void> {
    const title = this.page.getByRole('heading', { name: /Tạo tài khoản cán bộ phụ trách đầu tiên|Đăng nhập/ });
    await title.waitFor();
    await this.page.locator('input[name="username"]').fill(officer.username);
    if (/Tạo tài khoản/.test((await title.textContent()) ?? '')) await this.page.locator('input[name="displayName"]').fill(officer.displayName);
    await this.page.locator('input[name="secret"]').fill(officer.secret);
    await this.page.locator('form button[type="submit"]').click();
    await this.page.getByTestId('signed-in-officer').waitFor();
  }

  signInError(): Locator {
    return this.page.getByRole('alert');
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

  async reload(officer = { username: 'giamsat', displayName: '', secret: 'motcua2026' }): Promise<void> {
    await this.page.reload();
    await this.connection().filter({ hasText: /Đã kết nối|Connected/ }).waitFor();
    await this.signIn(officer);
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

  async openReceive(): Promise<void> {
    await this.page.keyboard.press('F4');
    await this.page.getByRole('heading', { name: /1\. (Người nộp hồ sơ|Submitter)/ }).waitFor();
  }

  field(name: string): Locator {
    return this.page.locator(`input[name="${name}"]`);
  }

  /** Types like a keyboard-wedge barcode scanner: a fast burst ended by Enter. */
  async scanWithWedge(text: string, into = 'idNumber'): Promise<void> {
    await this.field(into).focus();
    await this.page.keyboard.type(text, { delay: 5 });
    await this.page.keyboard.press('Enter');
  }

  async chooseProcedure(query: string, code: string): Promise<void> {
    await this.field('procedure-search').fill(query);
    await this.page.getByRole('button', { name: new RegExp(code.replace('.', '\\.')) }).first().click();
    await this.page.getByTestId('chosen-procedure').waitFor();
  }

  async confirmReceipt(): Promise<string> {
    await this.page.getByTestId('confirm-receive').click();
    const code = this.page.getByTestId('received-code');
    await code.waitFor();
    return (await code.textContent()) ?? '';
  }

  /** Receives a simple file (typed citizen, the given procedure) and returns its record code. */
  async receiveSimpleFile(procedureQuery: string, code: string): Promise<string> {
    await this.openReceive();
    await this.field('idNumber').fill('001099012345');
    await this.field('fullName').fill('Nguyễn Văn A');
    await this.field('address').fill('Phường Hoàn Kiếm, Hà Nội');
    await this.chooseProcedure(procedureQuery, code);
    return this.confirmReceipt();
  }

  /** Settings → Data sync: enrolls this kiosk with the Center's server by a one-time code. */
  async enrollWithSyncServer(serverUrl: string, code: string): Promise<Locator> {
    await this.goTo(/Cài đặt|Settings/);
    const panel = this.page.getByTestId('sync-panel');
    await panel.locator('input[name="syncServerUrl"]').fill(serverUrl);
    await panel.locator('input[name="enrollmentCode"]').fill(code);
    await panel.getByRole('button', { name: /^(Đăng ký|Enroll)$/ }).click();
    return panel;
  }

  /** Gives this window the keyboard (the shortcuts F4, F5… go to the window in front). */
  async bringToFront(): Promise<void> {
    await this.page.bringToFront();
  }

  syncBadge(): Locator {
    return this.page.getByTestId('sync-status');
  }

  /** Finds a file in the list and opens it; `timeout` is how long it may take to appear (e.g. from another kiosk). */
  async openRecord(code: string, timeout = 30_000): Promise<Locator> {
    await this.page.keyboard.press('F5');
    await this.field('record-search').fill(code);
    await this.page.getByTestId('record-list').getByRole('button', { name: code }).click({ timeout });
    return this.page.getByTestId('record-detail');
  }

  /** The queue screen (F6): issues a ticket of the field; the issued ticket's panel (its number and wait). */
  async issueTicket(field: string): Promise<Locator> {
    await this.page.keyboard.press('F6');
    await this.page.getByRole('button', { name: field, exact: true }).click();
    return this.page.getByTestId('issued-ticket');
  }

  /** The queue screen (F6): finishes the current ticket and calls the next; the current ticket's panel. */
  async callNextTicket(): Promise<Locator> {
    await this.page.keyboard.press('F6');
    await this.page.getByTestId('call-next').click();
    return this.page.getByTestId('current-ticket');
  }

  async moveTo(status: RegExp, note?: string): Promise<void> {
    if (note !== undefined) await this.field('transition-note').fill(note);
    await this.page.getByTestId('record-detail').getByRole('button', { name: status }).click();
  }
}
