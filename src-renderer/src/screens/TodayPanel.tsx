import { useEffect, useState } from 'react';
import { formatLocalDate, vietnamDateOf } from '../../../src-shared/domain/calendar';
import { recordChannelLabels, type RecordChannel } from '../../../src-shared/domain/records';
import { useLocalStore } from '../app/local-store';
import { useSession } from '../app/session';
import { recordsRepositoryFor } from '../app/records';
import { useKioskStore } from '../app/store';
import { useText } from '../i18n/use-text';
import { sumDailyCounts, type DailyCountRow, type DailyTotals } from '../store';

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
  const [byField, setByField] = useState<Array<{ field: string; totals: DailyTotals }>>([]);
  const [byChannel, setByChannel] = useState<Array<{ channel: string; totals: DailyTotals }>>([]);
  const isSupervisor = useSession((s) => s.officer?.role === 'supervisor');
  const procedures = useLocalStore((s) => s.procedures);
  const today = formatLocalDate(vietnamDateOf(Date.now()));
  const [period, setPeriod] = useState<{ from: string; to: string }>({ from: today, to: today });

  useEffect(() => {
    if (!db || !settings) return;
    void (async () => {
      const repository = await recordsRepositoryFor(db, settings);
      const rows = await repository.dailyCountsBetween(period.from, period.to);
      if (!rows.ok) return;
      setAll(sumDailyCounts(rows.value));
      setMine(sumDailyCounts(rows.value.filter((row) => row.counterId === String(settings.counterNumber))));
      const day = rows.value;
      const group = (key: (row: DailyCountRow) => string) => [...new Set(day.map(key))].map((k) => ({ key: k, totals: sumDailyCounts(day.filter((row) => key(row) === k)) }));
      setByField(group((row) => row.fieldCode).map(({ key, totals }) => ({ field: key, totals })));
      setByChannel(group((row) => String(row.channel)).map(({ key, totals }) => ({ channel: key, totals })));
    })();
  }, [db, settings, period]);

  const language = settings?.language ?? 'vi';
  const channelLabel = (channel: string) => {
    const known = recordChannelLabels[Number(channel) as RecordChannel] as { vi: string; en: string } | undefined;
    return known ? known[language] : channel;
  };
  const cells = (totals: DailyTotals | undefined) => {
    const finished = totals ? totals.early + totals.onTime + totals.overdue : 0;
    const rate = totals && finished > 0 ? `${Math.round(((totals.early + totals.onTime) / finished) * 100)} %` : '—';
    return [totals?.entered[2] ?? 0, totals?.entered[10] ?? 0, totals?.entered[5] ?? 0, totals?.overdue ?? 0, rate];
  };

  return (
    <section className="panel">
      <h2>{period.from === today && period.to === today ? t('todayTitle') : `${t('periodTitle')} ${period.from} → ${period.to}`}</h2>
      {isSupervisor ? (
        <div className="row" data-testid="period">
          <button type="button" onClick={() => setPeriod({ from: today, to: today })}>
            {t('periodToday')}
          </button>
          <button type="button" onClick={() => setPeriod({ from: `${today.slice(0, 8)}01`, to: today })}>
            {t('periodMonth')}
          </button>
          <button type="button" onClick={() => setPeriod({ from: `${today.slice(0, 4)}-01-01`, to: today })}>
            {t('periodYear')}
          </button>
          <label className="field">
            <span>{t('periodFrom')}</span>
            <input type="date" name="period-from" value={period.from} max={period.to} onChange={(e) => e.target.value && setPeriod({ ...period, from: e.target.value })} />
          </label>
          <label className="field">
            <span>{t('periodTo')}</span>
            <input type="date" name="period-to" value={period.to} min={period.from} onChange={(e) => e.target.value && setPeriod({ ...period, to: e.target.value })} />
          </label>
        </div>
      ) : null}
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
          {isSupervisor
            ? byField.map(({ field, totals }) => (
                <tr key={`f-${field}`} className="breakdown">
                  <th>
                    {t('field')}: {procedures?.find((p) => p.field.code === field)?.field.name ?? field}
                  </th>
                  {cells(totals).map((cell, i) => (
                    <td key={i}>{cell}</td>
                  ))}
                </tr>
              ))
            : null}
          {isSupervisor
            ? byChannel.map(({ channel, totals }) => (
                <tr key={`c-${channel}`} className="breakdown">
                  <th>
                    {t('channel')}: {channelLabel(channel)}
                  </th>
                  {cells(totals).map((cell, i) => (
                    <td key={i}>{cell}</td>
                  ))}
                </tr>
              ))
            : null}
        </tbody>
      </table>
    </section>
  );
}
