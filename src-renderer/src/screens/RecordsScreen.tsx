import { useCallback, useEffect, useRef, useState } from 'react';
import { classifyTimeliness, computeDueWithPauses, createWorkingCalendar, formatInstant, parseOfficeHours } from '../../../src-shared/domain/calendar';
import { nextStatuses, recordStatusLabels, type AdministrativeRecord, type RecordStatus } from '../../../src-shared/domain/records';
import { apiFailures } from '../../../src-shared/api/errors';
import { controlSlip } from '../../../src-shared/domain/forms';
import { err, failure as makeFailure, type Failure } from '../../../src-shared/result';
import { validateCitizenId } from '../../../src-shared/text';
import { centerProfileOf, formPdf } from '../app/form-pdf';
import { DownloadButton } from './DownloadButton';
import { LogBookPanel } from './LogBookPanel';
import { RecordActions } from './RecordActions';
import { RecordDocuments } from './RecordDocuments';
import { useLocalStore } from '../app/local-store';
import { recordsRepositoryFor } from '../app/records';
import { useSession } from '../app/session';
import { useKioskStore } from '../app/store';
import { useFailureText, useText } from '../i18n/use-text';
import type { DueCursor, RecordsRepository } from '../store';
import { VirtualRows } from './VirtualRows';
import { useSyncStore } from '../sync/sync-service';

const calendar = createWorkingCalendar({});
const trackedStatuses: readonly RecordStatus[] = [2, 4, 5, 6, 9];
const pageSize = 50;
const farFuture = Date.UTC(2200, 0, 1);

const when = (at: number | undefined): string => {
  if (at === undefined) return '';
  const iso = formatInstant(at);
  return `${iso.slice(11, 16)} ${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
};

/** Track files by status and due date, look one up (code, ID number, name), and move it along its lifecycle. */
export function RecordsScreen() {
  const t = useText();
  const failureText = useFailureText();
  const language = useKioskStore((s) => s.settings?.language ?? 'vi');
  const settings = useKioskStore((s) => s.settings);
  const db = useLocalStore((s) => s.store?.db);
  const officer = useSession((s) => s.officer);
  const [repository, setRepository] = useState<RecordsRepository | undefined>();
  const [status, setStatus] = useState<RecordStatus>(2);
  const [list, setList] = useState<AdministrativeRecord[]>([]);
  const [next, setNext] = useState<DueCursor | null>(null);
  const loadingMore = useRef(false);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<AdministrativeRecord | undefined>();
  const [note, setNote] = useState('');
  const [collectorId, setCollectorId] = useState('');
  const [failure, setFailure] = useState<Failure | undefined>();
  const now = Date.now();

  useEffect(() => {
    if (db && settings) void recordsRepositoryFor(db, settings).then(setRepository);
  }, [db, settings]);

  const load = useCallback(async () => {
    if (!repository) return;
    const trimmed = query.trim();
    if (trimmed === '') {
      const page = await repository.listByStatusDueBefore(status, farFuture, { limit: pageSize });
      if (!page.ok) return setFailure(page.error);
      setList(page.value.records);
      setNext(page.value.next);
      return;
    }
    setNext(null);
    const result =
      trimmed.includes('-')
          ? await repository.getRecordByCode(trimmed).then((r) => (r.ok ? { ok: true as const, value: r.value ? [r.value] : [] } : r))
          : /^0\d{9}$/.test(trimmed.replace(/[\s.]/g, '')) || /^\+84/.test(trimmed)
            ? await repository.findByPhone(trimmed, { limit: pageSize })
            : /^\d{9,12}$/.test(trimmed)
            ? await repository.findByCitizenId(trimmed, { limit: pageSize })
            : await repository.searchByName(trimmed, { limit: pageSize });
    if (result.ok) setList(result.value);
    else setFailure(result.error);
  }, [repository, status, query]);
  // Files pulled from the Center (another counter's receipts and moves) show without the officer searching again.
  const pulledRevision = useSyncStore((state) => state.status?.checkpoint?.rev);
  useEffect(() => {
    void load();
  }, [load, pulledRevision]);

  // Keyset paging: the next page starts after the last (due date, id) shown, however many files there are.
  const loadMore = useCallback(() => {
    if (!repository || next === null || loadingMore.current) return;
    loadingMore.current = true;
    void repository.listByStatusDueBefore(status, farFuture, { limit: pageSize, after: next }).then((page) => {
      loadingMore.current = false;
      if (!page.ok) return setFailure(page.error);
      setList((shown) => [...shown, ...page.value.records]);
      setNext(page.value.next);
    });
  }, [repository, status, next]);

  const move = async (record: AdministrativeRecord, to: RecordStatus) => {
    if (!repository || !officer) return;
    const at = Date.now();
    let returnNote = note.trim();
    if (to === 10) {
      // The result goes to the file's owner or submitter, or to someone they authorized: the officer checks the
      // collector's ID card and records who took it; anyone else needs the authorization noted.
      const collector = validateCitizenId(collectorId.trim());
      if (!collector.ok) return setFailure(collector.error);
      const entitled = [record.submitter.idNumber, record.owner?.idNumber].includes(collector.value.id);
      if (!entitled && returnNote === '') {
        return setFailure(makeFailure('record.collector-not-entitled', 'Người nhận không phải người nộp hay chủ hồ sơ: ghi rõ giấy ủy quyền vào ô lý do.', 'The collector is neither the submitter nor the owner: note the authorization in the reason field.', 'collectorId'));
      }
      returnNote = [`Người nhận kết quả: ${collector.value.id}`, returnNote].filter(Boolean).join(' — ');
    }
    // Back from a supplement request: the clock resumes with the working time that was left.
    let dueAt: number | undefined;
    if (record.status === 5 && record.processingTime && record.receivedAt !== undefined && calendar.ok) {
      const hours = settings ? parseOfficeHours(settings.officeHours) : undefined;
      const pauses = record.pauses.map((p) => ({ pausedAt: p.from, resumedAt: p.to ?? at }));
      const due = computeDueWithPauses({ receivedAt: record.receivedAt, processingTime: record.processingTime, calendar: calendar.value, pauses, ...(hours?.ok ? { officeHours: hours.value } : {}) });
      if (due.ok && due.value.state === 'running') dueAt = due.value.dueAt;
    }
    const result = await repository.transitionRecord(record.id, {
      to,
      actor: { officerId: officer.id, name: officer.displayName },
      at,
      ...(returnNote === '' ? {} : { note: returnNote }),
      ...(dueAt === undefined ? {} : { dueAt }),
      expectedVersion: record.version,
    });
    if (!result.ok) return setFailure(result.error);
    setFailure(undefined);
    setNote('');
    setCollectorId('');
    setSelected(result.value);
    await load();
  };

  const timeliness = (record: AdministrativeRecord): string => {
    if (record.dueAt === undefined) return '';
    const finished = record.finishedAt;
    if (finished === undefined) return record.dueAt < now ? t('overdue') : '';
    const klass = classifyTimeliness(finished, record.dueAt);
    return klass === 'early' ? t('early') : klass === 'on-time' ? t('onTime') : t('overdue');
  };

  return (
    <div className="records">
      <section className="panel">
        <h2>{t('navRecords')}</h2>
        <input className="search" name="record-search" placeholder={t('recordSearch')} value={query} onChange={(e) => setQuery(e.target.value)} />
        {query.trim() === '' ? (
          <div className="status-tabs" role="tablist">
            {trackedStatuses.map((s) => (
              <button key={s} type="button" role="tab" aria-selected={s === status} className={s === status ? 'tab active' : 'tab'} onClick={() => setStatus(s)}>
                {recordStatusLabels[s][language]}
              </button>
            ))}
          </div>
        ) : null}
        <VirtualRows
          testId="record-list"
          rows={list}
          rowHeight={44}
          height={Math.min(480, Math.max(1, list.length) * 44)}
          rowKey={(record) => record.id}
          hasMore={next !== null}
          loadMore={loadMore}
          header={
            <div className="record-row head">
              <span>{t('recordCode')}</span>
              <span>{t('citizen')}</span>
              <span>{t('procedure')}</span>
              <span>{t('dueAt')}</span>
              <span>{t('status')}</span>
            </div>
          }
          renderRow={(record) => (
            <div className={selected?.id === record.id ? 'record-row selected' : 'record-row'} onClick={() => setSelected(record)}>
              <span>
                <button type="button" className="link-dark">
                  {record.code}
                </button>
              </span>
              <span>{record.submitter.fullName}</span>
              <span className="ellipsis">{record.procedure.name}</span>
              <span>
                {when(record.dueAt)} {timeliness(record) ? <span className="badge">{timeliness(record)}</span> : null}
              </span>
              <span>{recordStatusLabels[record.status][language]}</span>
            </div>
          )}
        />
        {list.length === 0 ? <p className="muted">{t('noRecords')}</p> : null}
      </section>
      {selected ? (
        <section className="panel" data-testid="record-detail">
          <h2>
            {selected.code} · {recordStatusLabels[selected.status][language]}
          </h2>
          <p>
            {selected.submitter.fullName} · {selected.procedure.name} · {t('dueAt')}: {when(selected.dueAt)}
          </p>
          <RecordDocuments record={selected} />
          <ol className="history">
            {selected.history.map((event) => (
              <li key={event.seq}>
                {when(event.at)} — {recordStatusLabels[event.to][language]} — {event.actor.name}
                {event.note ? `: ${event.note}` : ''}
              </li>
            ))}
          </ol>
          {nextStatuses(selected).length > 0 ? (
            <>
              <label className="field">
                <span>{t('noteReason')}</span>
                <input name="transition-note" value={note} onChange={(e) => setNote(e.target.value)} />
              </label>
              {selected.status === 9 ? (
                <label className="field">
                  <span>{t('collectorId')}</span>
                  <input name="collector-id" inputMode="numeric" value={collectorId} onChange={(e) => setCollectorId(e.target.value)} />
                </label>
              ) : null}
              <div className="actions wrap">
                {nextStatuses(selected)
                  .filter((to) => to !== selected.status)
                  .map((to) => (
                    <button key={to} type="button" className="primary" onClick={() => void move(selected, to)}>
                      → {recordStatusLabels[to][language]}
                    </button>
                  ))}
              </div>
            </>
          ) : null}
          {failure ? (
            <p className="error" role="alert">
              {failureText(failure)}
            </p>
          ) : null}
          <RecordActions
            record={selected}
            repository={repository}
            onMoved={(record) => {
              setSelected(record);
              void load();
            }}
          />
          <div className="actions" key={`${selected.id}/${selected.version}`}>
            <DownloadButton
              label={t('makeControlSlip')}
              readyLabel={t('downloadPdf')}
              fileName={`phieu-kiem-soat-${selected.code}.pdf`}
              testId="control-slip"
              make={async () => {
                if (!settings) return err(apiFailures.internal());
                const content = controlSlip(selected, centerProfileOf(settings), { printedAt: Date.now() });
                return content.ok ? formPdf(content.value) : content;
              }}
            />
          </div>
        </section>
      ) : null}
      <LogBookPanel repository={repository} />
    </div>
  );
}
