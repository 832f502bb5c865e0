import { useCallback, useEffect, useMemo, useState } from 'react';
import { announcement, formatTicketNumber, peopleAhead, type Ticket } from '../../../src-shared/domain/queue/ticket';
import type { Failure } from '../../../src-shared/result';
import { useLocalStore } from '../app/local-store';
import { useKioskStore } from '../app/store';
import { speak, ticketsRepositoryFor } from '../app/tickets';
import { useFailureText, useText } from '../i18n/use-text';

const fieldsKey = 'queue.fields';

/** The counter's queue: issue tickets (printed), call the next one of the counter's fields, recall, skip, transfer. */
export function QueueScreen() {
  const t = useText();
  const failureText = useFailureText();
  const settings = useKioskStore((s) => s.settings);
  const api = useKioskStore((s) => s.api);
  const { store, procedures } = useLocalStore();
  const db = store?.db;
  const repository = useMemo(() => (db && settings ? ticketsRepositoryFor(db, settings) : undefined), [db, settings]);
  const fields = useMemo(() => [...new Map((procedures ?? []).map((p) => [p.field.code, p.field.name])).entries()].map(([code, name]) => ({ code, name })), [procedures]);
  const [served, setServed] = useState<string[]>([]);
  const [waiting, setWaiting] = useState<Ticket[]>([]);
  const [current, setCurrent] = useState<Ticket | undefined>();
  const [issued, setIssued] = useState<Ticket | undefined>();
  const [priority, setPriority] = useState(false);
  const [transferTo, setTransferTo] = useState('');
  const [failure, setFailure] = useState<Failure | undefined>();
  const counter = String(settings?.counterNumber ?? 1);
  const language = settings?.language ?? 'vi';

  const reload = useCallback(async () => {
    if (!repository) return;
    setWaiting(await repository.waiting());
    setCurrent(await repository.current(counter));
  }, [repository, counter]);
  useEffect(() => {
    void reload();
    const timer = window.setInterval(() => void reload(), 5000);
    return () => window.clearInterval(timer);
  }, [reload]);
  useEffect(() => {
    if (db) void db.settings.get(fieldsKey).then((row) => setServed(Array.isArray(row?.value) ? row.value.filter((v): v is string => typeof v === 'string') : []));
  }, [db]);

  const toggleField = (code: string) => {
    const next = served.includes(code) ? served.filter((c) => c !== code) : [...served, code];
    setServed(next);
    if (db) void db.settings.put({ key: fieldsKey, value: next });
  };

  const issue = async (field: { code: string; name: string }) => {
    if (!repository || !settings) return;
    const ahead = peopleAhead(waiting, field.code, priority);
    const result = await repository.issue({ fieldCode: field.code, fieldName: field.name, priority });
    if (!result.ok) return setFailure(result.error);
    setIssued(result.value);
    setPriority(false);
    setFailure(undefined);
    // The ticket prints on the ticket printer (the receipt printer until a technician assigns another).
    const printed = await api?.call('printer.print', {
      slip: { kind: 'queue-ticket', centerName: settings.centerName, ticketNumber: formatTicketNumber(result.value.number), fieldName: field.name, counter: t('anyCounter'), issuedAt: result.value.issuedAt, peopleAhead: ahead },
    });
    if (printed && !printed.ok) setFailure(printed.error);
    await reload();
  };

  const callNext = async () => {
    if (!repository) return;
    const result = await repository.callNext(counter, served);
    if (!result.ok) return setFailure(result.error);
    setFailure(undefined);
    setCurrent(result.value);
    if (result.value) announce(result.value, false);
    await reload();
  };

  /** Spoken here, and sent to the host so every queue display on it shows the number and chimes. */
  const announce = (ticket: Ticket, recall: boolean) => {
    speak(announcement(ticket.number, counter, language), language);
    void api?.call('queue.announce', { ticketNumber: formatTicketNumber(ticket.number), counter, fieldName: ticket.fieldName, calledAt: Date.now(), recall }).then((sent) => {
      if (!sent.ok) setFailure(sent.error);
    });
  };

  const settle = async (action: { kind: 'skip' } | { kind: 'transfer'; toCounter: string }) => {
    if (!repository || !current) return;
    const result = await repository.settle(current.id, action);
    setFailure(result.ok ? undefined : result.error);
    await reload();
  };

  return (
    <div className="queue">
      <section className="panel">
        <h2>
          {t('counter')} {counter}
        </h2>
        <p className="ticket-now" data-testid="current-ticket">
          {current ? `${formatTicketNumber(current.number)} · ${current.fieldName}` : t('noTicketCalled')}
        </p>
        <div className="actions wrap">
          <button type="button" className="primary" onClick={() => void callNext()} data-testid="call-next">
            {t('callNext')} ({waiting.length})
          </button>
          <button type="button" disabled={!current} onClick={() => current && announce(current, true)}>
            {t('recall')}
          </button>
          <button type="button" disabled={!current} onClick={() => void settle({ kind: 'skip' })}>
            {t('skip')}
          </button>
          <input name="transfer-to" className="short" inputMode="numeric" placeholder={t('counter')} value={transferTo} onChange={(e) => setTransferTo(e.target.value)} />
          <button type="button" disabled={!current || transferTo.trim() === ''} onClick={() => void settle({ kind: 'transfer', toCounter: transferTo.trim() })}>
            {t('transfer')}
          </button>
        </div>
        <fieldset>
          <legend>{t('fieldsServed')}</legend>
          {fields.map((f) => (
            <label key={f.code} className="check">
              <input type="checkbox" checked={served.includes(f.code)} onChange={() => toggleField(f.code)} /> {f.name}
            </label>
          ))}
        </fieldset>
      </section>
      <section className="panel">
        <h2>{t('issueTicket')}</h2>
        <label className="check">
          <input type="checkbox" checked={priority} onChange={(e) => setPriority(e.target.checked)} /> {t('priorityTicket')}
        </label>
        <div className="field-buttons">
          {fields.map((f) => (
            <button key={f.code} type="button" className="big" onClick={() => void issue(f)}>
              {f.name}
            </button>
          ))}
        </div>
        {issued ? (
          <p data-testid="issued-ticket">
            {t('ticketIssued')}: <span className="due">{formatTicketNumber(issued.number)}</span> · {issued.fieldName}
          </p>
        ) : null}
        {failure ? (
          <p className="error" role="alert">
            {failureText(failure)}
          </p>
        ) : null}
      </section>
    </div>
  );
}
