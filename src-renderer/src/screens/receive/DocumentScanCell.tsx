import { useState } from 'react';
import type { Failure } from '../../../../src-shared/result';
import { scanDocument, type DocumentScan } from '../../app/scan-document';
import { useKioskStore } from '../../app/store';
import { useFailureText, useText } from '../../i18n/use-text';
import type { MotCuaDb } from '../../store';

/**
 * One checklist row's scan: scan (or rescan) the document through the host's scanner, then show its pages, what
 * was dropped as blank and every quality warning — never a silent result.
 */
export function DocumentScanCell(props: { db: MotCuaDb | undefined; documentName: string; recordCode?: string; scan: DocumentScan | undefined; onScanned: (scan: DocumentScan | undefined) => void; testId: string }) {
  const t = useText();
  const failureText = useFailureText();
  const language = useKioskStore((s) => s.settings?.language ?? 'vi');
  const api = useKioskStore((s) => s.api);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Failure | undefined>();

  const scan = async () => {
    if (!api || !props.db) return;
    setBusy(true);
    const result = await scanDocument(api, props.db, { document: props.documentName, source: 'feeder', colour: 'grey', dpi: 300 });
    setBusy(false);
    if (!result.ok) return setProblem(result.error);
    setProblem(undefined);
    props.onScanned(result.value);
  };

  const { scan: done } = props;
  return (
    <div className="scan-cell" data-testid={props.testId}>
      <button type="button" onClick={() => void scan()} disabled={busy || !api} data-testid={`${props.testId}-button`}>
        {busy ? t('scanning') : done ? t('rescan') : t('scan')}
      </button>
      {done ? (
        <div className="scan-result" data-testid={`${props.testId}-result`} data-pages={done.pageCount} data-origin={done.origin ?? 'counter'}>
          {done.origin === 'self-service' ? (
            <div className="scan-origin" data-testid={`${props.testId}-origin`}>
              {t('digitizedAtSelfService')}
            </div>
          ) : null}
          <span>
            {done.pageCount} {t('pagesShort')} · {Math.round(done.bytes / 1024)} KB
          </span>
          {done.droppedPages > 0 ? <span className="warn"> · {t('blankDropped').replace('{n}', String(done.droppedPages))}</span> : null}
          <div className="thumbs">
            {done.thumbnails.slice(0, 6).map((src, i) => (
              <img key={i} src={src} alt={`${props.documentName} ${i + 1}`} height={56} />
            ))}
          </div>
          {done.issues.map((issue, i) => (
            <div key={i} className={issue.severity === 'error' ? 'error' : 'warn'}>
              {language === 'en' ? issue.messageEn : issue.message}
            </div>
          ))}
          <button type="button" className="link-dark" onClick={() => props.onScanned(undefined)}>
            {t('removeScan')}
          </button>
        </div>
      ) : null}
      {problem ? <span className="error">{failureText(problem)}</span> : null}
    </div>
  );
}
