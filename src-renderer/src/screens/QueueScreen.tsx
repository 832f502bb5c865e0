import { useCallback, useEffect, useMemo, useState } from 'react';
import { announcement, formatTicketNumber, type Ticket } from '../../../src-shared/domain/queue/ticket';
import type { Failure } from '../../../src-shared/result';
import { useLocalStore } from '../app/local-store';
import { emptyDraft, restoreDraft, updateDraft, useReceiveDraft } from '../app/receive-draft';
import { useKioskStore } from '../app/store';
import { speak } from '../app/tickets';
import { useFailureText, useText } from '../i18n/use-text';
import type { IssuedTicket } from '../queue/center-queue';
import { centerQueueFor } from '../queue/queue-service';
import type { TicketRow } from '../store/schema';

const fieldsKey = 'queue.fields';

/**
 * The counter's queue: issue tickets (printed), call the next one of the counter's fields, recall, skip, transfer.
 * On an enrolled kiosk the Center's server numbers and orders the tickets of every counter; when it does not
 * answer, this kiosk's own queue takes over at once (src-renderer/src/queue/center-queue.ts).
 */
export function QueueScreen() {
  const t = useText();
  const failureText = useFailureText();
  const settings = useKioskStore((s) => s.settings);
  const api = useKioskStore((s) => s.api);
  const go = useKioskStore((s) => s.go);
  const { store, procedures } = useLocalStore();
  const db = store?.db;
  const fields = useMemo(() => [...new Map((procedures ?? []).map((p) => [p.field.code, p.field.name])).entries()].map(([code, name]) => ({ code, name })), [procedures]);
  const queue = useMemo(() => {
    const names = new Map(fields.map((f) => [f.code, f.name]));
    return db && settings ? centerQueueFor(db, api, settings, (code) => names.get(code)) : undefined;
  }, [db, api, settings, fields]);
  const [served, setServed] = useState<string[]>([]);
  const [waitingCount, setWaitingCount] = useState(0);
  const [current, setCurrent] = useState<TicketRow | undefined>();
  const [issued, setIssued] = useState<IssuedTicket | undefined>();
  const [queueState, setQueueState] = useState(queue?.state());
  const [priority, setPriority] = useState(false);
  const [transferTo, setTransferTo] = useState('');
  const [failure, setFailure] = useState<Failure | undefined>();
  const counter = String(settings?.counterNumber ?? 1);
  const language = settings?.language ?? 'vi';

  const reload = useCallback(async () => {
    if (!queue) return;
    setWaitingCount(await queue.waitingCount(served));
    setCurrent(await queue.current(counter));
    setQueueState(queue.state());
  }, [queue, counter, served]);
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
    if (!queue || !settings) return;
    const result = await queue.issue({ fieldCode: field.code, fieldName: field.name, priority });
    if (!result.ok) return setFailure(result.error);
    const { ticket, ahead } = result.value;
    setIssued(result.value);
    setPriority(false);
    setFailure(undefined);
    // The ticket prints on the ticket printer (the receipt printer until a technician assigns another).
    const printed = await api?.call('printer.print', {
      slip: { kind: 'queue-ticket', centerName: settings.centerName, ticketNumber: formatTicketNumber(ticket.number), fieldName: field.name, counter: t('anyCounter'), issuedAt: ticket.issuedAt, peopleAhead: ahead },
    });
    if (printed && !printed.ok) setFailure(printed.error);
    await reload();
  };

  const callNext = async () => {
    if (!queue) return;
    const result = await queue.callNext(counter, served);
    if (!result.ok) return setFailure(result.error);
    setFailure(undefined);
    setCurrent(result.value.ticket);
    if (result.value.ticket) announce(result.value.ticket, false);
    await reload();
  };

  /** Spoken here, and sent to the host so every queue display on it shows the number and chimes. */
  const announce = (ticket: Ticket, recall: boolean) => {
    speak(announcement(ticket.number, counter, language), language);
    void api?.call('queue.announce', { ticketNumber: formatTicketNumber(ticket.number), counter, fieldName: ticket.fieldName, calledAt: Date.now(), recall }).then((sent) => {
      if (!sent.ok) setFailure(sent.error);
    });
  };

  /**
   * The called citizen was identified at the self-service point (chip + face): their file opens with the ID number
   * filled in, so the returning-citizen fill and their kept documents follow once the procedure is chosen. A file
   * half-typed for someone else is discarded only when the officer says so (it is saved work).
   */
  const receiveCalled = async (citizenId: string) => {
    if (!db) return;
    await restoreDraft(db);
    const draft = useReceiveDraft.getState().draft;
    if (draft.idNumber.trim() !== citizenId) {
      const unfinished = draft.idNumber.trim() !== '' || draft.fullName.trim() !== '' || draft.procedureKey !== '';
      if (unfinished && !window.confirm(t('discardOtherDraft'))) return;
      updateDraft(db, { ...emptyDraft, idNumber: citizenId });
    }
    go('receive');
  };

  const settle = async (action: { kind: 'skip' } | { kind: 'transfer'; toCounter: string }) => {
    if (!queue || !current) return;
    const result = await queue.settle(current.id, action);
    setFailure(result.ok ? undefined : result.error);
    await reload();
  };

  // Only what this counter called carries the citizen (the Center hands it to the calling counter alone).
  const calledCitizen = current?.state === 'called' ? current.citizenId : undefined;

  return (
    <div className="queue">
      <section className="panel">
        <h2>
          {t('counter')} {counter}
        </h2>
        <p className="ticket-now" data-testid="current-ticket">
          {current ? `${formatTicketNumber(current.number)} · ${current.fieldName}` : t('noTicketCalled')}
        </p>
        {calledCitizen === undefined ? null : (
          <div className="actions wrap" data-testid="called-citizen">
            <span className="ok">{t('identifiedAtSelfService')}</span>
            <button type="button" className="primary" onClick={() => void receiveCalled(calledCitizen)} data-testid="receive-called-citizen">
              {t('receiveCalledCitizen')}
            </button>
          </div>
        )}
        <div className="actions wrap">
          <button type="button" className="primary" onClick={() => void callNext()} data-testid="call-next">
            {t('callNext')} ({waitingCount})
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
            {t('ticketIssued')}: <span className="due">{formatTicketNumber(issued.ticket.number)}</span> · {issued.ticket.fieldName}
            {issued.waitMinutes === undefined ? null : ` · ${t('estimatedWait')} ≈ ${issued.waitMinutes} ${t('minutesShort')}`}
          </p>
        ) : null}
        {queueState?.configured && queueState.reachable !== undefined ? (
          <p className="muted" data-testid="queue-source">
            {queueState.reachable ? t('queueCenter') : t('queueLocalOnly')}
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
