import { useState, type ChangeEvent } from 'react';
import { importCatalogue, type ImportReport } from '../../../src-shared/domain/catalogue';
import { installCatalogue } from '../app/local-store';
import { useKioskStore } from '../app/store';
import type { Result } from '../../../src-shared/result';
import { useFailureText, useText } from '../i18n/use-text';

const shownIssues = 50;

/** Loads a province's catalogue file: every bad row is listed; only valid procedures can be installed. */
export function CatalogueImport() {
  const t = useText();
  const language = useKioskStore((s) => s.settings?.language ?? 'vi');
  const [report, setReport] = useState<(ImportReport & { file: string }) | undefined>();
  const [installed, setInstalled] = useState<Result<number> | undefined>();
  const failureText = useFailureText();

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setInstalled(undefined);
    if (!file) return;
    const format = file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'json';
    setReport({ ...importCatalogue(await file.text(), format), file: file.name });
  };

  const install = async () => {
    if (!report) return;
    const result = await installCatalogue(report.procedures);
    setInstalled(result);
    if (result.ok) setReport(undefined);
  };

  return (
    <section className="panel">
      <h2>{t('catalogueImportTitle')}</h2>
      <p className="muted">{t('catalogueImportHint')}</p>
      <input type="file" accept=".csv,.json,text/csv,application/json" onChange={(e) => void choose(e)} data-testid="catalogue-file" />
      {report ? (
        <div data-testid="catalogue-report">
          <p>
            {report.file}: <strong>{report.procedures.length}</strong> {t('validProcedures')}, <strong className={report.errors.length ? 'error' : ''}>{report.errors.length}</strong> {t('rowErrors')}
          </p>
          {report.errors.length > 0 ? (
            <ul className="error">
              {report.errors.slice(0, shownIssues).map((issue, i) => (
                <li key={i}>
                  {t('row')} {issue.row} [{issue.field}]: {language === 'en' ? issue.messageEn : issue.message}
                </li>
              ))}
            </ul>
          ) : null}
          {report.procedures.length > 0 ? (
            <button type="button" className="primary" onClick={() => void install()}>
              {t('installValid')} ({report.procedures.length})
            </button>
          ) : null}
        </div>
      ) : null}
      {installed?.ok === true ? (
        <p className="success" role="status">
          {t('catalogueInstalled')}: {installed.value}
        </p>
      ) : null}
      {installed?.ok === false ? <p className="error">{failureText(installed.error)}</p> : null}
    </section>
  );
}
