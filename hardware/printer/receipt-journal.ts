import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { receiptSlipSchema, type ReceiptSlip } from '../../src-shared/api/printer';
import { err, failure, ok, type Failure, type Result } from '../../src-shared/result';
import { readFileIfExists, writeFileAtomic } from '../files/atomic-file';

/**
 * The last receipt printed for each record, kept on the counter's machine so a technician can reprint it
 * (`motcua print receipt --record …`) even when the kiosk screen is stuck. One small file per record code,
 * written atomically; files older than the retention are removed when the journal opens, since they hold the
 * citizen's name and there is no reason to keep it at the counter longer than the file takes.
 */
export type ReceiptJournal = {
  remember(slip: ReceiptSlip): Promise<void>;
  find(recordCode: string): Promise<Result<ReceiptSlip, Failure>>;
};

const defaultRetentionDays = 90;

/** Record codes are printable ASCII; dots and dashes stay readable, anything else is escaped. */
const fileNameOf = (recordCode: string): string => `${recordCode.replace(/[^A-Za-z0-9.-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)}.json`;

export const journalFailures = {
  notFound: (code: string): Failure =>
    failure('printer.receipt-not-found', `Máy này chưa in giấy tiếp nhận nào cho hồ sơ ${code}.`, `This machine has printed no receipt for record ${code}.`, 'record'),
  unreadable: (code: string): Failure =>
    failure('printer.receipt-unreadable', `Bản lưu giấy tiếp nhận của hồ sơ ${code} bị hỏng.`, `The stored receipt of record ${code} is damaged.`, 'record'),
};

export async function openReceiptJournal(dir: string, options: { readonly retentionDays?: number; readonly now?: () => number } = {}): Promise<ReceiptJournal> {
  const now = options.now ?? Date.now;
  const horizon = now() - (options.retentionDays ?? defaultRetentionDays) * 86_400_000;
  try {
    for (const name of await readdir(dir)) {
      const path = join(dir, name);
      if ((await stat(path)).mtimeMs < horizon) await unlink(path);
    }
  } catch {
    // No journal yet: it is created on the first receipt.
  }
  return {
    async remember(slip) {
      await writeFileAtomic(join(dir, fileNameOf(slip.recordCode)), JSON.stringify(slip));
    },
    async find(recordCode) {
      const text = await readFileIfExists(join(dir, fileNameOf(recordCode.trim())));
      if (text === undefined) return err(journalFailures.notFound(recordCode));
      try {
        const parsed = receiptSlipSchema.safeParse(JSON.parse(text));
        return parsed.success ? ok(parsed.data) : err(journalFailures.unreadable(recordCode));
      } catch {
        return err(journalFailures.unreadable(recordCode));
      }
    },
  };
}
