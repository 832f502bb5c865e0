import { useDeferredValue, useMemo, useState } from 'react';
import { indexCatalogue, searchProcedures, type Procedure } from '../../../src-shared/domain/catalogue';
import { useCatalogue } from '../app/use-catalogue';
import { useText, type Translate } from '../i18n/use-text';
import { formatFeeRule, formatProcessingTime } from './format';

export function ProceduresScreen() {
  const t = useText();
  const procedures = useCatalogue();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const index = useMemo(() => indexCatalogue(procedures ?? []), [procedures]);
  const hits = useMemo(
    () => (deferred.trim() === '' ? index.entries.map((e) => e.procedure) : searchProcedures(index, deferred, { limit: 50 }).map((h) => h.procedure)),
    [index, deferred],
  );

  return (
    <section className="panel">
      <h2>
        {t('navProcedures')} <span className="muted">({procedures?.length ?? '…'})</span>
      </h2>
      <input className="search" type="search" autoFocus value={query} placeholder={t('searchProcedures')} aria-label={t('searchProcedures')} onChange={(e) => setQuery(e.target.value)} data-testid="procedure-search" />
      {procedures === undefined ? <p className="muted">{t('loading')}</p> : null}
      {procedures !== undefined && hits.length === 0 ? <p className="muted">{t('noResults')}</p> : null}
      <ul className="results" data-testid="procedure-results">
        {hits.map((procedure) => (
          <ProcedureCard key={`${procedure.nationalCode}@${procedure.effectiveFrom}`} procedure={procedure} t={t} />
        ))}
      </ul>
    </section>
  );
}

function ProcedureCard({ procedure, t }: { procedure: Procedure; t: Translate }) {
  const quantities = (q: Procedure['documents'][number]['quantities']) =>
    [q.original ? `${q.original} ${t('original')}` : '', q.certifiedCopy ? `${q.certifiedCopy} ${t('certifiedCopy')}` : '', q.photocopy ? `${q.photocopy} ${t('photocopy')}` : ''].filter(Boolean).join(', ');
  return (
    <li className="procedure">
      <details>
        <summary>
          <header>
            <span className="code">{procedure.nationalCode}</span>
            <strong>{procedure.name}</strong>
            <span className="meta">
              {t('field')}: {procedure.field.name} · {t('processingTime')}: {formatProcessingTime(procedure.processingTime, t)}
            </span>
            {procedure.verify ? <span className="badge">{t('verifyNote')}</span> : null}
          </header>
        </summary>
        <h3>{t('requiredDocuments')}</h3>
        <ul>
          {procedure.documents.map((doc) => (
            <li key={doc.id}>
              {doc.name}
              {doc.handling === 'present' ? ` (${t('presentOnly')})` : ` — ${quantities(doc.quantities)}`}
              {doc.condition ? <span className="muted"> · {doc.condition}</span> : null}
            </li>
          ))}
        </ul>
        <h3>{t('fees')}</h3>
        <ul>{procedure.fees.length === 0 ? <li>{t('free')}</li> : procedure.fees.map((rule) => <li key={rule.id}>{formatFeeRule(rule, t)}</li>)}</ul>
        <p className="muted">
          {t('source')}: {procedure.source.document}
        </p>
      </details>
    </li>
  );
}
