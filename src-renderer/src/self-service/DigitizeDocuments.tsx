import { useCallback, useEffect, useRef, useState } from 'react';
import { createIdGenerator } from '../../../src-shared/domain/records';
import { createLogger } from '../../../src-shared/log';
import type { Failure } from '../../../src-shared/result';
import { useLocalStore } from '../app/local-store';
import { scanDocument } from '../app/scan-document';
import { useKioskStore } from '../app/store';
import { speak } from '../app/tickets';
import { discardScans, keepDocuments, tidySelfServicePoint } from '../store/citizen-documents-repository';
import { signalActivity } from './activity';
import { ChooseProcedure } from './ChooseProcedure';
import { CopyByQr } from './CopyByQr';
import { PrintKeptList } from './PrintKeptList';
import {
  digitizeStep,
  initialDigitizeState,
  keepableScans,
  keptDocumentsOf,
  keptListSlip,
  missingDocuments,
  pendingScans,
  qualityNotes,
  scanAcceptable,
  type DigitizeEvent,
  type DigitizeState,
} from './digitize-flow';
import { ScannerFeeder } from './ScannerFeeder';
import './digitize.css';
import { ProblemNote } from './ProblemNote';

const log = createLogger('self-service/digitize');
const newId = createIdGenerator({ now: () => Date.now(), fillRandom: (bytes) => crypto.getRandomValues(bytes) });
const pageChoices = [1, 2, 3, 4, 5, 6] as const;

/**
 * "Digitize my documents" (docs/SELF-SERVICE.md): the procedure, then each required document with a picture of
 * what to do, a live preview, the quality result in plain words, retake and skip; then the citizen's explicit
 * choice to keep the scans for the officer (bound to their ID number) or not, a copy by QR and a printed list. Scans not kept
 * are dropped from the local store at once, and when the session ends for any reason.
 */
export function DigitizeDocuments({ citizenId, onFinish }: { citizenId: string; onFinish: () => void }) {
  const api = useKioskStore((s) => s.api);
  const settings = useKioskStore((s) => s.settings);
  const { store, procedures } = useLocalStore();
  const db = store?.db;
  const [state, setState] = useState<DigitizeState>(initialDigitizeState);
  const current = useRef(state);
  const [expectedPages, setExpectedPages] = useState<number | undefined>();
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<readonly string[]>([]);
  const [problem, setProblem] = useState<Failure | undefined>();

  const dispatch = useCallback(
    (event: DigitizeEvent) => {
      const next = digitizeStep(current.current, event);
      current.current = next.state;
      setState(next.state);
      if (db !== undefined && next.discard.length > 0) void discardScans(db, next.discard);
    },
    [db],
  );

  // Whatever ends the session (card removed, a minute idle, "Kết thúc") unmounts this: scans not kept go with it.
  // On the way in, what an earlier session cut short left behind, and what the Center's server holds, goes too.
  useEffect(() => {
    if (db === undefined) return;
    void tidySelfServicePoint(db).then((tidied) => {
      if (!tidied.ok) log.warn('self-service point not tidied', { code: tidied.error.code });
    });
    return () => void discardScans(db, pendingScans(current.current));
  }, [db]);

  // The live preview: each page as the scanner hands it over. A scan takes longer than a touch: keep the session.
  useEffect(() => {
    if (!api || !busy) return;
    const off = [
      api.on('scanner.page', ({ page }) => {
        signalActivity();
        if (page.kept) setPreview((shown) => [...shown, `data:image/jpeg;base64,${page.thumbnailJpegBase64}`]);
      }),
      api.on('scanner.progress', () => signalActivity()),
    ];
    return () => off.forEach((stop) => stop());
  }, [api, busy]);

  const documentNow = state.step === 'document' ? state.procedure.documents[state.index] : undefined;
  useEffect(() => {
    setExpectedPages(undefined);
    if (documentNow) speak(`Xin đặt ${documentNow.name} úp mặt xuống khay nạp giấy, rồi bấm Quét.`, 'vi');
  }, [documentNow]);

  const scan = async () => {
    if (!api || !db || !documentNow) return;
    setBusy(true);
    setPreview([]);
    setProblem(undefined);
    const scanned = await scanDocument(
      api,
      db,
      { document: documentNow.name, source: 'feeder', colour: 'grey', dpi: 300, ...(expectedPages === undefined ? {} : { expectedPages }) },
      { discardHostCopy: true },
    );
    setBusy(false);
    if (!scanned.ok) return setProblem(scanned.error);
    dispatch({ kind: 'scanned', scan: scanned.value });
  };

  const keep = async () => {
    if (!db || !settings) return;
    const kept = keptDocumentsOf(state, { citizenId, unitId: settings.centerUnitId }, newId, Date.now());
    const saved = await keepDocuments(db, kept);
    if (!saved.ok) return setProblem(saved.error);
    setProblem(undefined);
    dispatch({ kind: 'kept', kept: saved.value });
  };

  return (
    <>
      {state.step === 'procedure' ? <ChooseProcedure procedures={procedures ?? []} onChosen={(procedure) => dispatch({ kind: 'choose', procedure })} /> : null}

      {state.step === 'document' && documentNow ? (
        <section className="ss-digitize" data-testid="ss-digitize-document" data-document={documentNow.name}>
          <p className="ss-digitize-progress">
            Giấy tờ {state.index + 1}/{state.procedure.documents.length} · Document {state.index + 1} of {state.procedure.documents.length}
          </p>
          <h1>{documentNow.name}</h1>
          <div className="ss-digitize-scan">
            <div>
              <ScannerFeeder documentName={documentNow.name} />
              <p>
                Đặt giấy tờ úp mặt xuống khay nạp giấy, mép trên vào trước, rồi bấm “Quét”.
                <br />
                <small>Put the papers face down in the feeder tray, top edge first, then press “Scan”.</small>
              </p>
              <div className="ss-pages" role="group" aria-label="Số trang / Pages">
                <span>
                  Giấy tờ có mấy trang? <small>How many pages? (if you know)</small>
                </span>
                {pageChoices.map((n) => (
                  <button key={n} type="button" className={expectedPages === n ? 'ss-page-count chosen' : 'ss-page-count'} aria-pressed={expectedPages === n} onClick={() => setExpectedPages(expectedPages === n ? undefined : n)} data-testid={`ss-pages-${n}`}>
                    {n}
                  </button>
                ))}
              </div>
            </div>
            <ScanOutcome state={state} busy={busy} preview={preview} />
          </div>
          <div className="ss-actions">
            <button type="button" className="ss-big" onClick={() => void scan()} disabled={busy || !api || !db} data-testid="ss-digitize-scan">
              {busy ? 'Đang quét… / Scanning…' : state.outcomes[documentNow.id] ? 'Quét lại / Retake' : 'Quét / Scan'}
            </button>
            <NextButton state={state} busy={busy} onNext={() => dispatch({ kind: 'next' })} />
            <button type="button" className="ss-big secondary" onClick={() => dispatch({ kind: 'skip' })} disabled={busy} data-testid="ss-digitize-skip">
              Bỏ qua / Skip
            </button>
            {state.index > 0 ? (
              <button type="button" className="ss-big secondary" onClick={() => dispatch({ kind: 'back' })} disabled={busy}>
                Quay lại / Back
              </button>
            ) : null}
          </div>
        </section>
      ) : null}

      {state.step === 'summary' ? (
        <section className="ss-digitize" data-testid="ss-digitize-summary">
          <h1>Bạn muốn lưu các bản quét để cán bộ dùng không?</h1>
          <p>Keep these scans for the officer? They are stored with your ID number; the officer finds them when you are called.</p>
          <ul className="ss-digitize-list">
            {keepableScans(state).map(({ document, scan: done }) => (
              <li key={document.id} data-testid="ss-digitize-summary-item">
                <img src={done.thumbnails[0]} alt="" height={72} /> {document.name} · {done.pageCount} trang / pages
              </li>
            ))}
          </ul>
          {missingDocuments(state).length > 0 ? (
            <div className="ss-digitize-missing" data-testid="ss-digitize-missing">
              Chưa quét (mang bản giấy đến quầy) / Not scanned (bring the paper to the counter):
              <ul>
                {missingDocuments(state).map((d) => (
                  <li key={d.id}>{d.name}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="ss-actions">
            <button type="button" className="ss-big" onClick={() => void keep()} disabled={keepableScans(state).length === 0} data-testid="ss-digitize-keep">
              Lưu để cán bộ dùng / Keep for the officer
            </button>
            <button type="button" className="ss-big secondary" onClick={() => dispatch({ kind: 'not-kept' })} data-testid="ss-digitize-discard">
              Không lưu / Don’t keep
            </button>
            <button type="button" className="ss-big secondary" onClick={() => dispatch({ kind: 'back' })}>
              Quay lại / Back
            </button>
          </div>
        </section>
      ) : null}

      {state.step === 'kept' ? (
        <section className="ss-digitize" data-testid="ss-digitize-kept" data-count={state.kept.length}>
          <h1>Đã lưu {state.kept.length} giấy tờ</h1>
          <p>
            Cán bộ sẽ thấy các giấy tờ này khi gọi số của bạn, không cần quét lại.
            <br />
            <small>{state.kept.length} document(s) kept: the officer finds them when you are called, with no rescanning.</small>
          </p>
          <CopyByQr citizenId={citizenId} documentIds={state.kept.map((d) => d.id)} />
          <PrintKeptList slip={settings ? keptListSlip(state, settings.centerName, citizenId) : undefined} />
          <div className="ss-actions">
            <button type="button" className="ss-big" onClick={onFinish} data-testid="ss-finish">
              Kết thúc / Finish
            </button>
          </div>
        </section>
      ) : null}

      {state.step === 'not-kept' ? (
        <section className="ss-digitize" data-testid="ss-digitize-not-kept">
          <h1>Đã xoá các bản quét</h1>
          <p>The scans were deleted; nothing of them is kept on this machine.</p>
          <div className="ss-actions">
            <button type="button" className="ss-big" onClick={onFinish} data-testid="ss-finish">
              Kết thúc / Finish
            </button>
          </div>
        </section>
      ) : null}

      <ProblemNote problem={problem} testId="ss-digitize-problem" />
    </>
  );
}

/** The preview: live while scanning, then the stored scan's pages and its quality result in plain words. */
function ScanOutcome({ state, busy, preview }: { state: Extract<DigitizeState, { step: 'document' }>; busy: boolean; preview: readonly string[] }) {
  const document = state.procedure.documents[state.index];
  const outcome = document === undefined ? undefined : state.outcomes[document.id];
  const done = outcome?.kind === 'scanned' ? outcome.scan : undefined;
  const pages = busy ? preview : (done?.thumbnails ?? []);
  return (
    <div className="ss-digitize-preview" data-testid="ss-digitize-preview" data-pages={busy ? '' : (done?.pageCount ?? '')}>
      {busy ? (
        <p className="ss-quality tone-ok" aria-live="polite">
          Đang quét, các trang hiện ra dưới đây… <small>Scanning; the pages appear below…</small>
        </p>
      ) : null}
      <div className="ss-thumbs">
        {pages.map((src, i) => (
          <img key={i} src={src} alt={`Trang ${i + 1} / Page ${i + 1}`} height={120} />
        ))}
      </div>
      {!busy && done
        ? qualityNotes(done).map((note, i) => (
            <p key={i} className={`ss-quality tone-${note.tone}`} data-testid="ss-quality" data-tone={note.tone}>
              {note.vi}
              <br />
              <small>{note.en}</small>
            </p>
          ))
        : null}
    </div>
  );
}

function NextButton({ state, busy, onNext }: { state: Extract<DigitizeState, { step: 'document' }>; busy: boolean; onNext: () => void }) {
  const document = state.procedure.documents[state.index];
  const outcome = document === undefined ? undefined : state.outcomes[document.id];
  if (outcome?.kind !== 'scanned') return null;
  const last = state.index + 1 === state.procedure.documents.length;
  return (
    <button type="button" className="ss-big" onClick={onNext} disabled={busy || !scanAcceptable(outcome.scan)} data-testid="ss-digitize-next">
      {last ? 'Xong / Done' : 'Giấy tờ tiếp theo / Next document'}
    </button>
  );
}
