import type { AdministrativeRecord } from '../../../src-shared/domain/records';
import { err, ok } from '../../../src-shared/result';
import { useLocalStore } from '../app/local-store';
import { useText } from '../i18n/use-text';
import { getPage } from '../store';
import { storeFailures } from '../store/errors';
import { DownloadButton } from './DownloadButton';

/** The columns of a file's documents: the same at reception (with counts to type) and on the record. */
export function DocumentsTableHead() {
  const t = useText();
  return (
    <thead>
      <tr>
        <th>{t('document')}</th>
        <th>{t('original')}</th>
        <th>{t('certifiedCopy')}</th>
        <th>{t('photocopy')}</th>
        <th>{t('scanColumn')}</th>
      </tr>
    </thead>
  );
}

/** The documents handed in with a file, and the scanned PDF of each one that was digitized, from the local store. */
export function RecordDocuments({ record }: { record: AdministrativeRecord }) {
  const t = useText();
  const db = useLocalStore((s) => s.store?.db);
  if (record.documents.length === 0) return null;
  return (
    <table className="documents compact" data-testid="record-documents">
      <DocumentsTableHead />
      <tbody>
        {record.documents.map((document, index) => (
          <tr key={index}>
            <td>{document.name}</td>
            <td>{document.original}</td>
            <td>{document.certifiedCopy}</td>
            <td>{document.photocopy}</td>
            <td>
              {document.pageHashes.map((hash) => (
                <DownloadButton
                  key={hash}
                  label={t('scanOpen')}
                  readyLabel={t('downloadPdf')}
                  fileName={`${record.code}-${index + 1}.pdf`}
                  testId={`record-scan-${index}`}
                  make={async () => {
                    if (!db) return err(storeFailures.recordNotFound(record.id));
                    const page = await getPage(db, hash);
                    if (!page.ok) return page;
                    return page.value ? ok(page.value.blob) : err(storeFailures.recordNotFound(hash));
                  }}
                />
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
