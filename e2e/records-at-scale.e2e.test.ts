import { describe, expect, it } from 'vitest';
import { receive } from '../src-shared/domain/records';
import { mondayMorning, sampleOfficer, sampleReceipt, sampleUnitId } from '../src-shared/domain/records/fixtures.testing';
import { toRecordRow } from '../src-renderer/src/store/record-rows';
import { KioskPage } from './pages/kiosk-page';
import { useKioskInChromium } from './support/kiosk-in-chromium';

const served = useKioskInChromium();

const recordCount = 100_000;

describe('the records list with 100,000 files in IndexedDB', () => {
  it('draws only the rows in view and pages on as the officer scrolls', async () => {
    const page = await served.browser.newPage();
    const kiosk = new KioskPage(page);
    await kiosk.open(served.host.url);
    const made = receive(sampleReceipt(), { id: 'seed', code: 'seed', unitId: sampleUnitId, kioskId: 'k', counterId: '1', at: mondayMorning, actor: sampleOfficer });
    if (!made.ok) throw new Error(made.error.messageEn);
    const template = toRecordRow(made.value.record);
    // Straight into the app's database with the raw IndexedDB API: the same rows the repository writes.
    await page.evaluate(
      async ({ template, count }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('motcua');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(new Error(String(open.error)));
        });
        for (let start = 0; start < count; start += 10_000) {
          await new Promise<void>((resolve, reject) => {
            const tx = db.transaction('records', 'readwrite');
            const store = tx.objectStore('records');
            for (let i = start; i < Math.min(count, start + 10_000); i++) {
              const n = String(i).padStart(6, '0');
              store.put({ ...template, id: `0190seed-${n}`, code: `000.00.15.H55-260302-${n}`, dueAt: (template.dueAt ?? 0) + i * 1000 });
            }
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(new Error(String(tx.error)));
          });
        }
        db.close();
      },
      { template, count: recordCount },
    );
    await page.keyboard.press('F5');
    const list = page.getByTestId('record-list');
    await expect.poll(() => list.getAttribute('data-row-count')).toBe('50');
    const drawn = () => list.locator('.virtual-row').count();
    expect(await drawn()).toBeLessThan(40);
    const viewport = list.locator('.virtual-viewport');
    // Scroll to the end of what is loaded, five times: each time the next page arrives by keyset paging.
    for (let i = 0; i < 5; i++) {
      await viewport.evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await expect.poll(async () => Number(await list.getAttribute('data-row-count'))).toBeGreaterThan(50 * (i + 1));
    }
    expect(await drawn()).toBeLessThan(40);
    // The rows in view are the right ones: due order, no gap or repeat across page boundaries.
    const codes = await list.locator('.virtual-row button').allTextContents();
    const numbers = codes.map((c) => Number(c.slice(-6)));
    expect(numbers).toEqual(numbers.map((_, i) => (numbers[0] ?? 0) + i));
    await page.close();
  });
});
