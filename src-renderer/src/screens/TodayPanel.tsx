import { useEffect, useState } from 'react';
import { formatLocalDate, vietnamDateOf } from '../../../src-shared/domain/calendar';
import { useLocalStore } from '../app/local-store';
import { recordsRepositoryFor } from '../app/records';
import { useKioskStore } from '../app/store';
import { useText } from '../i18n/use-text';
import { sumDailyCounts, type DailyTotals } from '../store';

/**
 * Today at this counter and at the whole kiosk, read from the daily aggregates (never by counting records:
 * counts take seconds at a million rows, PERFORMANCE.md).
 */
export function TodayPanel() {
  const t = useText();
  const db = useLocalStore((s) => s.store?.db);
  const settings = useKioskStore((s) => s.settings);
  const [mine, setMine] = useState<DailyTotals | undefined>();
  const [all, setAll] = useState<DailyTotals | undefined>();

  useEffect(() => {
    if (!db || !settings) return;
    void (async () => {
      const repository = await recordsRepositoryFor(db, settings);
      const rows = await repository.dailyCounts(formatLocalDate(vietnamDateOf(Date.now())));
      if (!rows.ok) return;
      setAll(sumDailyCounts(rows.value));
      setMine(sumDailyCounts(rows.value.filter((row) => row.counterId === String(settings.counterNumber))));
    })();
  }, [db, settings]);

  const cells = (totals: DailyTotals | undefined) => {
    const finished = totals ? totals.early + totals.onTime + totals.overdue : 0;
    const rate = totals && finished > 0 ? `${Math.round(((totals.early + totals.onTime) / finished) * 100)} %` : '—';
    return [totals?.entered[2] ?? 0, totals?.entered[10] ?? 0, totals?.entered[5] ?? 0, totals?.overdue ?? 0, rate];
  };

  return (
    <section className="panel">
      <h2>{t('todayTitle')}</h2>
      <table className="documents" data-testid="today">
        <thead>
          <tr>
            <th />
            <th>{t('todayReceived')}</th>
            <th>{t('todayReturned')}</th>
            <th>{t('todaySupplement')}</th>
            <th>{t('overdue')}</th>
            <th>{t('todayRate')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th>
              {t('counter')} {settings?.counterNumber}
            </th>
            {cells(mine).map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
          </tr>
          <tr>
            <th>{t('todayKiosk')}</th>
            {cells(all).map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
          </tr>
        </tbody>
      </table>
    </section>
  );
}
