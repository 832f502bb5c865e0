import { useState } from 'react';
import { parseInstant } from '../../../src-shared/domain/calendar';
import { apologyExtension, refusal, stopNotice, supplementRequest, type FormContent, type FormFailure } from '../../../src-shared/domain/forms';
import { isUnitId, type AdministrativeRecord } from '../../../src-shared/domain/records';
import { apiFailures } from '../../../src-shared/api/errors';
import type { SlipInput } from '../../../src-shared/api/printer';
import { failure, type Failure, type Result } from '../../../src-shared/result';
import { centerProfileOf, formPdf } from '../app/form-pdf';
import { useSession } from '../app/session';
import { useKioskStore } from '../app/store';
import { useFailureText, useText } from '../i18n/use-text';
import type { RecordsRepository } from '../store';
import { DownloadButton } from './DownloadButton';

type Moved = (record: AdministrativeRecord) => void;

/**
 * What an officer does to a file beyond the plain status buttons: extend its due date (form 04), hand it to
 * another unit (a non-boundary transfer, a row of form 06), and produce the letters its history calls for
 * (forms 02–05), as PDF and, for 02 and 03, as a thermal slip for the citizen.
 */
export function RecordActions({ record, repository, onMoved }: { record: AdministrativeRecord; repository: RecordsRepository | undefined; onMoved: Moved }) {
  return (
    <div className="record-actions">
      {record.status === 4 ? <ExtendDue record={record} repository={repository} onMoved={onMoved} /> : null}
      {record.status === 2 || record.status === 4 ? <TransferToUnit record={record} repository={repository} onMoved={onMoved} /> : null}
      <RecordLetters record={record} />
    </div>
  );
}

function useMove(record: AdministrativeRecord, repository: RecordsRepository | undefined, onMoved: Moved) {
  const officer = useSession((s) => s.officer);
  const [problem, setProblem] = useState<Failure | undefined>();
  const move = async (input: { to: 4; note: string; dueAt?: number; toUnit?: string }): Promise<boolean> => {
    if (!repository || !officer) return false;
    const result = await repository.transitionRecord(record.id, {
      ...input,
      actor: { officerId: officer.id, name: officer.displayName },
      expectedVersion: record.version,
    });
    if (!result.ok) {
      setProblem(result.error);
      return false;
    }
    setProblem(undefined);
    onMoved(result.value);
    return true;
  };
  return { move, problem, setProblem };
}

/** Form 04's event: the processing agency asks for more time; the new due date and the reason are recorded. */
function ExtendDue({ record, repository, onMoved }: { record: AdministrativeRecord; repository: RecordsRepository | undefined; onMoved: Moved }) {
  const t = useText();
  const failureText = useFailureText();
  const { move, problem, setProblem } = useMove(record, repository, onMoved);
  const [newDue, setNewDue] = useState('');
  const [reason, setReason] = useState('');
  const submit = async () => {
    const parsed = parseInstant(newDue, 'newDueAt');
    if (!parsed.ok) return setProblem(parsed.error);
    if (record.dueAt !== undefined && parsed.value <= record.dueAt) {
      return setProblem(failure('record.extension-not-later', 'Hạn mới phải sau hạn hiện tại.', 'The new due date must be after the current one.', 'newDueAt'));
    }
    if (await move({ to: 4, dueAt: parsed.value, note: reason.trim() })) {
      setNewDue('');
      setReason('');
    }
  };
  return (
    <fieldset className="action-box" data-testid="extend-due">
      <legend>{t('extendDue')}</legend>
      <label className="field">
        <span>{t('newDueAt')}</span>
        <input type="datetime-local" name="new-due" value={newDue} onChange={(e) => setNewDue(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('extensionReason')}</span>
        <input name="extension-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="button" onClick={() => void submit()} disabled={newDue === '' || reason.trim() === ''}>
        {t('extendDue')}
      </button>
      {problem ? <span className="error" role="alert">{failureText(problem)}</span> : null}
    </fieldset>
  );
}

/** A non-boundary transfer: the file goes to another unit (e.g. another commune's office) with a hand-over row. */
function TransferToUnit({ record, repository, onMoved }: { record: AdministrativeRecord; repository: RecordsRepository | undefined; onMoved: Moved }) {
  const t = useText();
  const failureText = useFailureText();
  const { move, problem, setProblem } = useMove(record, repository, onMoved);
  const [unit, setUnit] = useState('');
  const [note, setNote] = useState('');
  const submit = async () => {
    const unitId = unit.trim();
    if (!isUnitId(unitId)) {
      return setProblem(failure('record.invalid-unit', `"${unitId}" không phải mã định danh đơn vị (ví dụ 000.00.15.H55).`, `"${unitId}" is not a unit code (e.g. 000.00.15.H55).`, 'toUnit'));
    }
    if (unitId === record.holderUnitId) {
      return setProblem(failure('record.same-unit', 'Hồ sơ đang ở chính đơn vị này.', 'The file is already with this unit.', 'toUnit'));
    }
    if (await move({ to: 4, toUnit: unitId, note: note.trim() || t('transferDefaultNote') })) {
      setUnit('');
      setNote('');
    }
  };
  return (
    <fieldset className="action-box" data-testid="transfer">
      <legend>{t('transferToUnit')}</legend>
      <label className="field">
        <span>{t('unitCode')}</span>
        <input name="transfer-unit" placeholder="000.00.15.H55" value={unit} onChange={(e) => setUnit(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('noteReason')}</span>
        <input name="transfer-note" value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="button" onClick={() => void submit()} disabled={unit.trim() === ''}>
        {t('transferToUnit')}
      </button>
      {problem ? <span className="error" role="alert">{failureText(problem)}</span> : null}
    </fieldset>
  );
}

const hasEvent = (record: AdministrativeRecord, to: number): boolean => record.history.some((e) => e.to === to);
const hasExtension = (record: AdministrativeRecord): boolean => record.history.some((e) => e.from === 4 && e.to === 4 && e.previousDueAt !== undefined);

/** The letters this record's history calls for. Each is built from the record as stored, never retyped. */
export function RecordLetters({ record }: { record: AdministrativeRecord }) {
  const t = useText();
  const settings = useKioskStore((s) => s.settings);
  const officer = useSession((s) => s.officer);
  const [missing, setMissing] = useState('');
  const [signerTitle, setSignerTitle] = useState('Chủ tịch');
  const [signerName, setSignerName] = useState('');
  const [agencyName, setAgencyName] = useState('');
  const [guidePhone, setGuidePhone] = useState(settings?.centerPhone ?? '');
  if (!settings) return null;
  const center = centerProfileOf(settings);
  const documentsToAdd = missing
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((name) => ({ name }));
  const pdf = async (content: Result<FormContent, FormFailure>): Promise<Result<Blob, Failure>> => (content.ok ? formPdf(content.value) : content);
  const signer = { title: signerTitle, name: signerName };
  const agency = agencyName.trim() === '' ? {} : { agencyName };
  const supplementEvent = [...record.history].reverse().find((e) => e.to === 5);
  const refusalEvent = record.history.find((e) => e.to === 3);
  const needsSigner = hasExtension(record) || hasEvent(record, 8);
  const guideName = supplementEvent?.actor.name ?? officer?.displayName ?? '';

  return (
    <div className="letters" data-testid="record-letters">
      {supplementEvent ? (
        <label className="field">
          <span>{t('documentsToAdd')}</span>
          <textarea name="documents-to-add" rows={3} value={missing} onChange={(e) => setMissing(e.target.value)} />
        </label>
      ) : null}
      {supplementEvent ? (
        <label className="field">
          <span>{t('guidePhone')}</span>
          <input name="guide-phone" inputMode="tel" value={guidePhone} onChange={(e) => setGuidePhone(e.target.value)} />
        </label>
      ) : null}
      {needsSigner ? (
        <div className="row">
          <label className="field">
            <span>{t('signerTitle')}</span>
            <input name="signer-title" value={signerTitle} onChange={(e) => setSignerTitle(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('signerName')}</span>
            <input name="signer-name" value={signerName} onChange={(e) => setSignerName(e.target.value)} />
          </label>
          <label className="field">
            <span>{t('agencyName')}</span>
            <input name="agency-name" value={agencyName} onChange={(e) => setAgencyName(e.target.value)} />
          </label>
        </div>
      ) : null}
      <div className="actions wrap" key={[record.id, record.version, missing, guidePhone, signerTitle, signerName, agencyName].join('/')}>
        {supplementEvent ? (
          <>
            <DownloadButton label={t('makeForm02')} readyLabel={t('downloadPdf')} fileName={`phieu-yeu-cau-bo-sung-${record.code}.pdf`} testId="form-02" make={() => pdf(supplementRequest(record, center, { documentsToAdd, guide: { name: guideName, ...(guidePhone.trim() ? { phone: guidePhone.trim() } : {}) } }))} />
            {documentsToAdd.length > 0 && supplementEvent.note ? (
              <SlipPrintButton
                testId="print-supplement-slip"
                slip={{
                  kind: 'supplement-request',
                  centerName: settings.centerName,
                  recordCode: record.code,
                  citizenName: (record.owner ?? record.submitter).fullName,
                  procedureName: record.procedure.name,
                  documentsToAdd,
                  reason: supplementEvent.note,
                  guidingOfficer: { name: guideName, ...(guidePhone.trim() ? { phone: guidePhone.trim() } : {}) },
                  issuedAt: supplementEvent.at,
                }}
              />
            ) : null}
          </>
        ) : null}
        {refusalEvent ? (
          <>
            <DownloadButton label={t('makeForm03')} readyLabel={t('downloadPdf')} fileName={`phieu-tu-choi-${record.code}.pdf`} testId="form-03" make={() => pdf(refusal(record, center))} />
            <SlipPrintButton
              testId="print-refusal-slip"
              slip={{
                kind: 'refusal',
                centerName: settings.centerName,
                recordCode: record.code,
                citizenName: (record.owner ?? record.submitter).fullName,
                procedureName: record.procedure.name,
                reason: refusalEvent.note ?? '',
                officerName: refusalEvent.actor.name,
                issuedAt: refusalEvent.at,
              }}
            />
          </>
        ) : null}
        {hasExtension(record) ? (
          <DownloadButton label={t('makeForm04')} readyLabel={t('downloadPdf')} fileName={`van-ban-xin-loi-gia-han-${record.code}.pdf`} testId="form-04" make={() => pdf(apologyExtension(record, center, { signer, ...agency }))} />
        ) : null}
        {hasEvent(record, 8) ? (
          <DownloadButton label={t('makeForm05')} readyLabel={t('downloadPdf')} fileName={`thong-bao-dung-xu-ly-${record.code}.pdf`} testId="form-05" make={() => pdf(stopNotice(record, center, { signer, ...agency }))} />
        ) : null}
      </div>
    </div>
  );
}

/** Sends a slip to the counter's printer and says, in the officer's words, what became of it. */
export function SlipPrintButton({ slip, testId }: { slip: SlipInput; testId: string }) {
  const t = useText();
  const failureText = useFailureText();
  const api = useKioskStore((s) => s.api);
  const [state, setState] = useState<string>('');
  const [problem, setProblem] = useState<Failure | undefined>();
  const print = async () => {
    if (!api) return setProblem(apiFailures.internal());
    const result = await api.call('printer.print', { slip });
    if (!result.ok) return setProblem(result.error);
    setProblem(undefined);
    setState(t('printQueued'));
  };
  return (
    <>
      <button type="button" onClick={() => void print()} data-testid={testId}>
        {t('printSlip')}
      </button>
      {state ? <span className="muted" data-testid={`${testId}-state`}>{state}</span> : null}
      {problem ? <span className="error">{failureText(problem)}</span> : null}
    </>
  );
}
