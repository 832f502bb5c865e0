import { mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openReceiptJournal } from './receipt-journal';
import { parseSlip } from './index';
import { SAMPLE_RECORD_CODE, sampleSlips } from './slip-fixtures.testing';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-journal-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const receipt = () => {
  const parsed = parseSlip(sampleSlips.receipt);
  if (!parsed.ok || parsed.value.kind !== 'receipt') throw new Error('bad fixture');
  return parsed.value;
};

describe('the receipt journal', () => {
  it('finds the last receipt printed for a record, across a reopen', async () => {
    await (await openReceiptJournal(dir)).remember(receipt());
    const found = await (await openReceiptJournal(dir)).find(SAMPLE_RECORD_CODE);
    expect(found.ok && found.value).toEqual(receipt());
  });

  it('forgets receipts older than the retention when it opens (they carry the citizen’s name)', async () => {
    await (await openReceiptJournal(dir)).remember(receipt());
    const [file] = await readdir(dir);
    const old = new Date(Date.now() - 100 * 86_400_000);
    await utimes(join(dir, file ?? ''), old, old);
    const journal = await openReceiptJournal(dir, { retentionDays: 90 });
    expect(await readdir(dir)).toEqual([]);
    const found = await journal.find(SAMPLE_RECORD_CODE);
    expect(!found.ok && found.error.code).toBe('printer.receipt-not-found');
  });

  it('says a damaged entry is damaged, in both languages', async () => {
    const journal = await openReceiptJournal(dir);
    await journal.remember(receipt());
    const [file] = await readdir(dir);
    await writeFile(join(dir, file ?? ''), '{"kind":"receipt"');
    const found = await journal.find(SAMPLE_RECORD_CODE);
    expect(!found.ok && [found.error.code, found.error.message.length > 0, found.error.messageEn.length > 0]).toEqual(['printer.receipt-unreadable', true, true]);
  });
});
