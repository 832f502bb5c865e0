import { useState } from 'react';
import { epochDayOf, formatLocalDate, parseLocalDate, vietnamDateOf, VIETNAM_OFFSET_MS } from '../../../src-shared/domain/calendar';
import { logBook, logBookCsv, type LogBook } from '../../../src-shared/domain/forms';
import { err, ok, type Failure, type Result } from '../../../src-shared/result';
import { centerProfileOf, formPdf } from '../app/form-pdf';
import { useKioskStore } from '../app/store';
import { useText } from '../i18n/use-text';
import type { RecordsRepository } from '../store';
import { DownloadButton } from './DownloadButton';

const dayMs = 86_400_000;

/** Form 07, the log book of files received in a period: as CSV for a spreadsheet and as the printed PDF. */
export function LogBookPanel({ repository }: { repository: RecordsRepository | undefined }) {
  const t = useText();
  const settings = useKioskStore((s) => s.settings);
  const today = formatLocalDate(vietnamDateOf(Date.now()));
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(today);

  const book = async (): Promise<Result<LogBook, Failure>> => {
    const first = parseLocalDate(from);
    const last = parseLocalDate(to);
    if (!first.ok) return first;
    if (!last.ok) return last;
    if (!repository || !settings) return err({ code: 'store.not-open', message: 'Kho dữ liệu chưa mở.', messageEn: 'The store is not open.' });
    // Vietnamese days, whatever the kiosk's clock zone: [first 00:00, last+1 00:00) at UTC+7.
    const start = epochDayOf(first.value) * dayMs - VIETNAM_OFFSET_MS;
    const end = (epochDayOf(last.value) + 1) * dayMs - VIETNAM_OFFSET_MS;
    const records = await repository.listReceivedBetween(start, end);
    if (!records.ok) return records;
    return logBook(records.value, centerProfileOf(settings), { from: first.value, to: last.value, printedAt: Date.now() });
  };

  return (
    <section className="panel">
      <h2>{t('logBookTitle')}</h2>
      <div className="row">
        <label className="field">
          <span>{t('fromDate')}</span>
          <input type="date" name="logbook-from" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('toDate')}</span>
          <input type="date" name="logbook-to" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
      </div>
      <div className="actions" key={`${from}/${to}`}>
        <DownloadButton
          label={t('makeCsv')}
          readyLabel={t('downloadCsv')}
          fileName={`so-theo-doi-${from}-${to}.csv`}
          testId="logbook-csv"
          make={async () => {
            const made = await book();
            return made.ok ? ok(new Blob([logBookCsv(made.value)], { type: 'text/csv;charset=utf-8' })) : made;
          }}
        />
        <DownloadButton
          label={t('makePdf')}
          readyLabel={t('downloadPdf')}
          fileName={`so-theo-doi-${from}-${to}.pdf`}
          testId="logbook-pdf"
          make={async () => {
            const made = await book();
            return made.ok ? formPdf(made.value) : made;
          }}
        />
      </div>
    </section>
  );
}
