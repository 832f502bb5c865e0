import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createWorkingCalendar, formatInstant, parseOfficeHours } from '../../../src-shared/domain/calendar';
import { computeFees, dueForProcedure, indexCatalogue, searchProcedures, type Procedure } from '../../../src-shared/domain/catalogue';
import { parseCccdQr } from '../../../src-shared/domain/citizens';
import type { AdministrativeRecord } from '../../../src-shared/domain/records';
import type { PrintJob } from '../../../src-shared/api/printer';
import { err, type Failure } from '../../../src-shared/result';
import { validateCitizenId } from '../../../src-shared/text';
import { useBarcodeScans } from '../app/barcode-scans';
import { laterSnapshot } from '../app/print-job-snapshots';
import { useLocalStore } from '../app/local-store';
import { clearDraft, restoreDraft, updateDraft, useReceiveDraft, type ReceiveDraft } from '../app/receive-draft';
import { receiptPdf } from '../app/form-pdf';
import { DownloadButton } from './DownloadButton';
import { RecordLetters } from './RecordActions';
import { DocumentsTableHead } from './RecordDocuments';
import { DocumentScanCell } from './receive/DocumentScanCell';
import { CardIdentify } from './receive/CardIdentify';
import { useCitizenDocuments } from './receive/use-citizen-documents';
import { apiFailures } from '../../../src-shared/api/errors';
import { receiptSlipOf } from '../app/receipt-slip';
import { recordsRepositoryFor } from '../app/records';
import { useSession } from '../app/session';
import { useKioskStore } from '../app/store';
import { useFailureText, useText } from '../i18n/use-text';
import { procedureKey } from '../store/procedures-repository';
import { formatFeeRule, formatProcessingTime, formatVnd } from './format';

const calendar = createWorkingCalendar({});

/** "10:00 24/02/2026", the receipt's way of writing an instant. */
const appointment = (at: number): string => {
  const iso = formatInstant(at);
  return `${iso.slice(11, 16)} ${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
};

/** Receive a file: identify the citizen, choose the procedure, check the documents, confirm. */
export function ReceiveScreen() {
  const t = useText();
  const failureText = useFailureText();
  const settings = useKioskStore((s) => s.settings);
  const { store, procedures } = useLocalStore();
  const officer = useSession((s) => s.officer);
  const { draft, restored } = useReceiveDraft();
  const [query, setQuery] = useState('');
  const [failure, setFailure] = useState<Failure | undefined>();
  const [received, setReceived] = useState<AdministrativeRecord | undefined>();
  const [now, setNow] = useState(() => Date.now());
  const [duplicateWarned, setDuplicateWarned] = useState<string | undefined>();
  const [refusalReason, setRefusalReason] = useState('');
  const [refused, setRefused] = useState<AdministrativeRecord | undefined>();
  const db = store?.db;
  const set = (patch: Partial<ReceiveDraft>) => updateDraft(db, patch);

  useEffect(() => {
    if (db) void restoreDraft(db);
  }, [db]);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);

  const fillFromQr = (text: string): boolean => {
    const card = parseCccdQr(text);
    if (!card.ok) {
      setFailure(card.error);
      return false;
    }
    setFailure(undefined);
    updateDraft(db, { idNumber: card.value.citizenId, fullName: card.value.fullName, address: card.value.address });
    return true;
  };

  // A QR scanned by a keyboard-wedge scanner while no field has the focus: told from typing by key timing.
  useBarcodeScans((scanned) => {
    if (!scanned.includes('|')) return false;
    fillFromQr(scanned);
    return true;
  });

  // A returning citizen: what they gave last time (name, address, phone) fills the empty fields, never overwrites.
  const knownId = draft.idNumber.trim();
  useEffect(() => {
    if (!db || !/^\d{12}$/.test(knownId)) return;
    void db.citizens.get(knownId).then((known) => {
      if (!known) return;
      const current = useReceiveDraft.getState().draft;
      if (current.idNumber.trim() !== knownId) return;
      const patch: Partial<ReceiveDraft> = {
        ...(current.fullName.trim() === '' ? { fullName: known.fullName } : {}),
        ...(current.address.trim() === '' && known.address ? { address: known.address } : {}),
        ...(current.phone.trim() === '' && known.phone ? { phone: known.phone } : {}),
      };
      if (Object.keys(patch).length > 0) updateDraft(db, patch);
    });
  }, [db, knownId]);

  const index = useMemo(() => indexCatalogue(procedures ?? []), [procedures]);
  const hits = useMemo(() => (query.trim() === '' ? [] : searchProcedures(index, query, { limit: 8 }).map((h) => h.procedure)), [index, query]);
  const procedure: Procedure | undefined = procedures?.find((p) => procedureKey(p) === draft.procedureKey);
  const scanning = draft.idNumber.includes('|');
  const citizenId = draft.idNumber.trim() === '' || scanning ? undefined : validateCitizenId(draft.idNumber);
  const officeHours = settings ? parseOfficeHours(settings.officeHours) : undefined;
  const due =
    procedure && calendar.ok
      ? dueForProcedure({ procedure, receivedAt: now, calendar: calendar.value, verificationNeeded: draft.verificationNeeded, ...(officeHours?.ok ? { officeHours: officeHours.value } : {}) })
      : undefined;
  const fee = procedure ? computeFees(procedure.fees, { items: [{ pages: draft.pages, copies: draft.copies }], channel: 'in-person' }) : undefined;
  const submitted = procedure?.documents.filter((d) => d.handling === 'submit') ?? [];
  const countsOf = (id: string) => draft.documents[id] ?? procedure?.documents.find((d) => d.id === id)?.quantities ?? { original: 0, certifiedCopy: 0, photocopy: 0 };
  // What the citizen digitized at the self-service point fills the empty scan cells (use-citizen-documents.ts).
  const keptAttached = useCitizenDocuments(db, citizenId?.ok ? citizenId.value.id : undefined, procedure);

  const choose = (p: Procedure) => {
    setQuery('');
    set({ procedureKey: procedureKey(p), documents: Object.fromEntries(p.documents.filter((d) => d.handling === 'submit').map((d) => [d.id, { ...d.quantities }])), verificationNeeded: false });
  };

  /** What the citizen handed in, as the record will keep it: the same for a receipt and for a refusal. */
  const fileContent = (chosen: Procedure, idNumber: string) => ({
    procedure: { code: chosen.localCode ?? chosen.nationalCode, name: chosen.name, fieldCode: chosen.field.code, fieldName: chosen.field.name },
    channel: 1 as const,
    submitter: { fullName: draft.fullName, idNumber, address: draft.address, ...(draft.phone ? { phone: draft.phone } : {}), ...(draft.email ? { email: draft.email } : {}) },
    documents: chosen.documents.filter((d) => d.handling === 'submit').map((d) => ({ name: d.name, ...countsOf(d.id), pageHashes: draft.scans[d.id] ? [draft.scans[d.id]?.hash ?? ''] : [] })),
    setsCount: draft.setsCount,
    // The legal time printed on the receipt: the longer one when the officer said verification is needed.
    processingTime: draft.verificationNeeded && chosen.processingTime.ifVerificationNeeded ? chosen.processingTime.ifVerificationNeeded : chosen.processingTime,
    resultDelivery: draft.resultDelivery,
  });

  /** Form 03: the file does not meet the conditions; it is registered and refused with the reason the law gives. */
  const refuse = async () => {
    if (!db || !settings || !officer || !procedure) return;
    if (!citizenId?.ok) return setFailure(citizenId?.error);
    const repository = await recordsRepositoryFor(db, settings);
    const result = await repository.refuseRecord({ ...fileContent(procedure, citizenId.value.id), fee: { amountVnd: 0, paid: false }, officer: { officerId: officer.id, name: officer.displayName }, reason: refusalReason, at: Date.now() });
    if (!result.ok) return setFailure(result.error);
    setFailure(undefined);
    setRefusalReason('');
    setRefused(result.value);
    await clearDraft(db);
  };

  const confirm = async () => {
    if (!db || !settings || !officer || !procedure || !due?.ok || !fee?.ok) return;
    if (!citizenId?.ok) return setFailure(citizenId?.error);
    const repository = await recordsRepositoryFor(db, settings);
    // Same citizen, same procedure, same day: usually a double click or a second queue visit. Warn once; a second
    // press confirms (a citizen may file twice on purpose, e.g. for two children).
    if (duplicateWarned !== `${citizenId.value.id}/${procedure.nationalCode}`) {
      const earlier = await repository.findByCitizenId(citizenId.value.id, { limit: 20 });
      const today = formatInstant(now).slice(0, 10);
      const same = earlier.ok ? earlier.value.find((r) => r.procedure.code.startsWith(procedure.nationalCode) && r.receivedAt !== undefined && formatInstant(r.receivedAt).slice(0, 10) === today) : undefined;
      if (same) {
        setDuplicateWarned(`${citizenId.value.id}/${procedure.nationalCode}`);
        return setFailure({ code: 'record.possible-duplicate', message: `Công dân này đã nộp hồ sơ cùng thủ tục hôm nay (${same.code}). Bấm xác nhận lần nữa nếu đây là hồ sơ khác.`, messageEn: `This citizen already filed this procedure today (${same.code}). Press confirm again if this is another file.` });
      }
    }
    const result = await repository.receiveRecord({ ...fileContent(procedure, citizenId.value.id), dueAt: due.value.dueAt, fee: { amountVnd: fee.value.total, paid: draft.feePaid }, officer: { officerId: officer.id, name: officer.displayName }, at: now });
    if (!result.ok) return setFailure(result.error);
    setFailure(undefined);
    setDuplicateWarned(undefined);
    setReceived(result.value);
    await clearDraft(db);
  };

  if (!restored) return <p className="muted">{t('loading')}</p>;
  if (refused) {
    return (
      <section className="panel" aria-live="polite" data-testid="refused">
        <h2>{t('refusedTitle')}</h2>
        <p>
          {t('recordCode')}: <span className="code" data-testid="refused-code">{refused.code}</span> · {refused.history.at(-1)?.note}
        </p>
        <RecordLetters record={refused} />
        <div className="actions">
          <button type="button" className="primary" onClick={() => setRefused(undefined)}>
            {t('receiveNext')}
          </button>
        </div>
      </section>
    );
  }
  if (received) {
    return (
      <section className="panel" aria-live="polite">
        <h2>{t('receivedTitle')}</h2>
        <p>
          {t('recordCode')}: <span className="due" data-testid="received-code">{received.code}</span>
        </p>
        <p>
          {t('dueAt')}: <strong>{received.dueAt === undefined ? '' : appointment(received.dueAt)}</strong>
        </p>
        <ReceiptPrint record={received} />
        <div className="actions">
          <ReceiptDownload record={received} />
          <button type="button" className="primary" onClick={() => setReceived(undefined)}>
            {t('receiveNext')}
          </button>
        </div>
      </section>
    );
  }

  return (
    <div className="receive">
      <section className="panel">
        <h2>1. {t('citizen')}</h2>
        <p className="muted">{t('citizenHint')}</p>
        <CardIdentify
          idNumber={draft.idNumber}
          onIdentified={(identity, chip) => set({ idNumber: identity.idNumber, fullName: identity.fullName, address: identity.address || draft.address, chip })}
        />
        <div className="form-grid two">
          <label className="field">
            <span>{t('idNumber')}</span>
            <input
              name="idNumber"
              inputMode="numeric"
              autoFocus
              value={draft.idNumber}
              onChange={(e) => set({ idNumber: e.target.value })}
              onKeyDown={(e) => {
                // The scanner ends its burst with Enter; a QR never reaches the form as an ID number.
                if (e.key === 'Enter' && scanning) {
                  e.preventDefault();
                  if (!fillFromQr(draft.idNumber)) set({ idNumber: '' });
                }
              }}
            />
            {citizenId && !citizenId.ok ? <span className="error">{failureText(citizenId.error)}</span> : null}
            {citizenId?.ok ? (
              <span className="muted" data-testid="id-info">
                {citizenId.value.provinceName} · {citizenId.value.sex === 'male' ? t('male') : t('female')} · {citizenId.value.birthYear}
              </span>
            ) : null}
          </label>
          <label className="field">
            <span>{t('fullName')}</span>
            <input name="fullName" value={draft.fullName} onChange={(e) => set({ fullName: e.target.value })} />
          </label>
          <label className="field">
            <span>{t('address')}</span>
            <input name="address" value={draft.address} onChange={(e) => set({ address: e.target.value })} />
          </label>
          <label className="field">
            <span>{t('phone')}</span>
            <input name="phone" inputMode="tel" value={draft.phone} onChange={(e) => set({ phone: e.target.value })} />
          </label>
        </div>
      </section>

      <section className="panel">
        <h2>2. {t('procedure')}</h2>
        {procedure ? (
          <p data-testid="chosen-procedure">
            <span className="code">{procedure.nationalCode}</span> <strong>{procedure.name}</strong> · {formatProcessingTime(procedure.processingTime, t)}{' '}
            <button type="button" className="link-dark" onClick={() => set({ procedureKey: '' })}>
              {t('change')}
            </button>
          </p>
        ) : (
          <>
            <input className="search" name="procedure-search" value={query} placeholder={t('searchProcedures')} onChange={(e) => setQuery(e.target.value)} />
            <ul className="results">
              {hits.map((p) => (
                <li key={procedureKey(p)}>
                  <button type="button" className="pick" onClick={() => choose(p)}>
                    <span className="code">{p.nationalCode}</span> {p.name}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {procedure ? (
        <section className="panel">
          <h2>3. {t('requiredDocuments')}</h2>
          {keptAttached > 0 ? (
            <p className="muted" data-testid="kept-documents-attached">
              {t('keptDocumentsAttached').replace('{n}', String(keptAttached))}
            </p>
          ) : null}
          <table className="documents">
            <DocumentsTableHead />
            <tbody>
              {submitted.map((d) => {
                const counts = countsOf(d.id);
                const cell = (kind: 'original' | 'certifiedCopy' | 'photocopy') => (
                  <td>
                    <input type="number" min={0} max={99} aria-label={`${d.name} ${t(kind)}`} value={counts[kind]} onChange={(e) => set({ documents: { ...draft.documents, [d.id]: { ...counts, [kind]: Number(e.target.value) } } })} />
                  </td>
                );
                return (
                  <tr key={d.id}>
                    <td>
                      {d.name}
                      {d.condition ? <div className="muted">{d.condition}</div> : null}
                    </td>
                    {cell('original')}
                    {cell('certifiedCopy')}
                    {cell('photocopy')}
                    <td>
                      <DocumentScanCell
                        db={db}
                        documentName={d.name}
                        scan={draft.scans[d.id]}
                        testId={`scan-${d.id}`}
                        onScanned={(scan) => {
                          const { [d.id]: _previous, ...others } = draft.scans;
                          set({ scans: scan ? { ...others, [d.id]: scan } : others });
                        }}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <div className="row">
            <label className="field">
              <span>{t('setsCount')}</span>
              <input type="number" min={1} max={99} value={draft.setsCount} onChange={(e) => set({ setsCount: Number(e.target.value) })} />
            </label>
            {procedure.fees.some((f) => f.kind === 'per-page' || f.kind === 'per-copy') ? (
              <>
                <label className="field">
                  <span>{t('pages')}</span>
                  <input type="number" min={1} value={draft.pages} onChange={(e) => set({ pages: Number(e.target.value) })} />
                </label>
                <label className="field">
                  <span>{t('copies')}</span>
                  <input type="number" min={1} value={draft.copies} onChange={(e) => set({ copies: Number(e.target.value) })} />
                </label>
              </>
            ) : null}
          </div>
        </section>
      ) : null}

      {procedure ? (
        <section className="panel">
          <h2>4. {t('dueAndFee')}</h2>
          {procedure.processingTime.ifVerificationNeeded ? (
            <label className="check">
              <input type="checkbox" checked={draft.verificationNeeded} onChange={(e) => set({ verificationNeeded: e.target.checked })} /> {t('verificationNeeded')}
            </label>
          ) : null}
          {due?.ok ? (
            <p>
              {t('dueAt')}: <span className="due" data-testid="receive-due">{appointment(due.value.dueAt)}</span>
              {due.value.skipped.length > 0 ? <span className="muted"> · {t('skippedDays')}: {due.value.skipped.map((d) => `${d.date.slice(8)}/${d.date.slice(5, 7)} (${d.reason})`).join(', ')}</span> : null}
            </p>
          ) : null}
          {due && !due.ok ? <p className="error">{failureText(due.error)}</p> : null}
          {fee?.ok ? (
            <p>
              {t('fees')}: <strong data-testid="receive-fee">{fee.value.total === 0 ? t('free') : formatVnd(fee.value.total)}</strong>
              {!fee.value.complete ? <span className="muted"> · {procedure.fees.map((r) => formatFeeRule(r, t)).join('; ')}</span> : null}
            </p>
          ) : null}
          <div className="row">
            <label className="check">
              <input type="checkbox" checked={draft.feePaid} onChange={(e) => set({ feePaid: e.target.checked })} /> {t('feePaid')}
            </label>
            <label className="field">
              <span>{t('resultDelivery')}</span>
              <select value={draft.resultDelivery} onChange={(e) => set({ resultDelivery: e.target.value === 'post' ? 'post' : 'counter' })}>
                <option value="counter">{t('atCounter')}</option>
                <option value="post">{t('byPost')}</option>
              </select>
            </label>
          </div>
          <div className="actions">
            <button type="button" className="primary" data-testid="confirm-receive" onClick={() => void confirm()} disabled={!citizenId?.ok || draft.fullName.trim() === '' || draft.address.trim() === ''}>
              {t('confirmReceive')}
            </button>
            {failure ? (
              <span className="error" role="alert">
                {failureText(failure)}
              </span>
            ) : null}
          </div>
          <div className="row refusal">
            <label className="field grow">
              <span>{t('refusalReason')}</span>
              <input name="refusal-reason" value={refusalReason} onChange={(e) => setRefusalReason(e.target.value)} />
            </label>
            <button type="button" className="danger" data-testid="refuse-file" onClick={() => void refuse()} disabled={!citizenId?.ok || draft.fullName.trim() === '' || refusalReason.trim() === ''}>
              {t('refuseFile')}
            </button>
          </div>
        </section>
      ) : null}
    </div>
  );
}

/** Form 01 for the citizen: made on demand, offered as a PDF file to print or keep. */
function ReceiptDownload({ record }: { record: AdministrativeRecord }) {
  const t = useText();
  const settings = useKioskStore((s) => s.settings);
  return (
    <DownloadButton
      label={t('makeReceipt')}
      readyLabel={t('downloadReceipt')}
      fileName={`giay-tiep-nhan-${record.code}.pdf`}
      testId="make-receipt"
      make={() => (settings ? receiptPdf(record, settings) : Promise.resolve(err(apiFailures.internal())))}
    />
  );
}

/**
 * Prints the thermal receipt as soon as the file is received; a reprint carries the visible "BẢN IN LẠI" mark.
 * The printer's own words (paper out, cover open, uncertain after a crash) are shown to the officer as they come.
 */
function ReceiptPrint({ record }: { record: AdministrativeRecord }) {
  const t = useText();
  const failureText = useFailureText();
  const api = useKioskStore((s) => s.api);
  const settings = useKioskStore((s) => s.settings);
  const [job, setJob] = useState<PrintJob | undefined>();
  const [failure, setFailure] = useState<Failure | undefined>();
  const printed = useRef(false);
  // Every job's latest event, so an answer that arrives after its job's later events does not undo them.
  const heard = useRef(new Map<string, PrintJob>());

  const print = useCallback(
    async (reprint: boolean) => {
      if (!api || !settings) return;
      const result = await api.call('printer.print', { slip: receiptSlipOf(record, settings, reprint) });
      if (result.ok) setJob(laterSnapshot(result.value, heard.current.get(result.value.id)));
      setFailure(result.ok ? undefined : result.error);
    },
    [api, settings, record],
  );
  useEffect(() => {
    if (!api) return;
    return api.on('printer.job', (update) => {
      heard.current.set(update.id, update);
      setJob((current) => (current?.id === update.id ? laterSnapshot(update, current) : current));
    });
  }, [api]);
  useEffect(() => {
    if (printed.current) return;
    printed.current = true;
    void print(false);
  }, [print]);

  const stateText = job ? { queued: t('printQueued'), sending: t('printSending'), done: t('printDone'), failed: t('printFailed'), uncertain: t('printUncertain') }[job.state] : '';
  return (
    <p className="print-state" data-testid="print-state" data-state={job?.state ?? ''}>
      {stateText}
      {job?.lastError ? <span className="error"> {failureText(job.lastError)}</span> : null}
      {failure ? <span className="error"> {failureText(failure)}</span> : null}{' '}
      {job && (job.state === 'done' || job.state === 'failed') ? (
        <button type="button" onClick={() => void print(true)} data-testid="reprint">
          {t('reprint')}
        </button>
      ) : null}
    </p>
  );
}
