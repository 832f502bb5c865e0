import { useMemo, useState } from 'react';
import { computeDue, createWorkingCalendar, formatInstant, parseInstant, parseOfficeHours, type DueDate, type ProcessingTime } from '../../../src-shared/domain/calendar';
import type { Failure } from '../../../src-shared/result';
import { useKioskStore } from '../app/store';
import { useCatalogue } from '../app/use-catalogue';
import { useFailureText, useText } from '../i18n/use-text';

type Unit = ProcessingTime['unit'];

const nowInVietnam = (): string => formatInstant(Date.now()).slice(0, 16);

/** "10:00 Thứ Ba 24/02/2026" — the way form 01 writes an appointment. */
function formatAppointment(iso: string, language: 'vi' | 'en'): string {
  const [date = '', time = ''] = iso.split('T');
  const [year, month, day] = date.split('-');
  const weekday = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'vi-VN', { weekday: 'long', timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date(iso));
  return `${time.slice(0, 5)} ${weekday} ${day}/${month}/${year}`;
}

export function CalendarScreen() {
  const t = useText();
  const failureText = useFailureText();
  const settings = useKioskStore((s) => s.settings);
  const procedures = useCatalogue();
  const [receivedAt, setReceivedAt] = useState(nowInVietnam);
  const [unit, setUnit] = useState<Unit>('working-days');
  const [amount, setAmount] = useState('3');
  const [cutOffHour, setCutOffHour] = useState('15');
  const [procedureCode, setProcedureCode] = useState('');
  const calendar = useMemo(() => createWorkingCalendar({}), []);

  const chooseProcedure = (code: string) => {
    setProcedureCode(code);
    const procedure = procedures?.find((p) => p.nationalCode === code);
    if (!procedure) return;
    const time = procedure.processingTime;
    setUnit(time.unit);
    if (time.unit === 'same-day') setCutOffHour(String(time.cutOffHour));
    else setAmount(String(time.amount));
  };

  const outcome: { due?: DueDate; failure?: Failure } = useMemo(() => {
    if (!calendar.ok) return { failure: calendar.error };
    const instant = parseInstant(receivedAt);
    if (!instant.ok) return { failure: instant.error };
    const hours = settings ? parseOfficeHours(settings.officeHours) : undefined;
    if (hours && !hours.ok) return { failure: hours.error };
    const processingTime: ProcessingTime = unit === 'same-day' ? { unit, cutOffHour: Number(cutOffHour) } : { unit, amount: Number(amount) };
    const due = computeDue({ receivedAt: instant.value, processingTime, calendar: calendar.value, ...(hours ? { officeHours: hours.value } : {}) });
    return due.ok ? { due: due.value } : { failure: due.error };
  }, [calendar, receivedAt, unit, amount, cutOffHour, settings]);

  const language = settings?.language ?? 'vi';
  return (
    <section className="panel">
      <h2>{t('calendarTitle')}</h2>
      <p className="muted">{t('calendarHint')}</p>
      <div className="form-grid">
        <label className="field">
          <span>{t('procedure')}</span>
          <select value={procedureCode} onChange={(e) => chooseProcedure(e.target.value)} data-testid="calendar-procedure">
            <option value="">— {t('customTime')} —</option>
            {(procedures ?? []).map((p) => (
              <option key={`${p.nationalCode}@${p.effectiveFrom}`} value={p.nationalCode}>
                {p.nationalCode} · {p.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('receivedAt')}</span>
          <input type="datetime-local" value={receivedAt} onChange={(e) => setReceivedAt(e.target.value)} data-testid="calendar-received" />
        </label>
        <div className="row">
          <label className="field">
            <span>{t('processingTime')}</span>
            <select value={unit} onChange={(e) => setUnit(e.target.value as Unit)} data-testid="calendar-unit">
              <option value="working-days">{t('unitWorkingDays')}</option>
              <option value="working-hours">{t('unitWorkingHours')}</option>
              <option value="same-day">{t('unitSameDay')}</option>
              <option value="calendar-days">{t('unitCalendarDays')}</option>
            </select>
          </label>
          {unit === 'same-day' ? (
            <label className="field">
              <span>{t('sameDayCutOff')}</span>
              <input type="number" min={0} max={24} value={cutOffHour} onChange={(e) => setCutOffHour(e.target.value)} />
            </label>
          ) : (
            <label className="field">
              <span>{t('amount')}</span>
              <input type="number" min={1} value={amount} onChange={(e) => setAmount(e.target.value)} data-testid="calendar-amount" />
            </label>
          )}
        </div>
      </div>
      {outcome.failure ? (
        <p className="error" role="alert">
          {failureText(outcome.failure)}
        </p>
      ) : null}
      {outcome.due ? (
        <div>
          <p>
            {t('dueAt')}: <span className="due" data-testid="calendar-due">{formatAppointment(formatInstant(outcome.due.dueAt), language)}</span>
          </p>
          <h3>{t('skippedDays')}</h3>
          {outcome.due.skipped.length === 0 ? (
            <p className="muted">{t('noSkippedDays')}</p>
          ) : (
            <table className="skipped" data-testid="calendar-skipped">
              <tbody>
                {outcome.due.skipped.map((day) => (
                  <tr key={day.date}>
                    <td>{day.date.split('-').reverse().join('/')}</td>
                    <td>{language === 'en' ? day.reasonEn : day.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ) : null}
    </section>
  );
}
