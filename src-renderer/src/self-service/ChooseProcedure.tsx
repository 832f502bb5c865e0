import { useMemo, useState } from 'react';
import type { Procedure } from '../../../src-shared/domain/catalogue';
import { compareVietnamese } from '../../../src-shared/text';
import { procedureKey } from '../store/procedures-repository';
import type { ChosenProcedure } from './digitize-flow';

/** A procedure as the flow needs it: its key, code, name and the documents the citizen hands in. */
export function chosenProcedureOf(p: Procedure): ChosenProcedure {
  return {
    key: procedureKey(p),
    code: p.localCode ?? p.nationalCode,
    name: p.name,
    documents: p.documents.filter((d) => d.handling === 'submit').map((d) => ({ id: d.id, name: d.name })),
  };
}

/** The field first (a handful of big buttons), then the procedures of that field: no typing at a public kiosk. */
export function ChooseProcedure({ procedures, onChosen }: { procedures: readonly Procedure[]; onChosen: (p: ChosenProcedure) => void }) {
  const [field, setField] = useState<string | undefined>();
  const withDocuments = useMemo(() => procedures.filter((p) => p.documents.some((d) => d.handling === 'submit')), [procedures]);
  const fields = useMemo(
    () => [...new Map(withDocuments.map((p) => [p.field.code, p.field.name])).entries()].map(([code, name]) => ({ code, name })).sort((a, b) => compareVietnamese(a.name, b.name)),
    [withDocuments],
  );
  const inField = withDocuments.filter((p) => p.field.code === field).sort((a, b) => compareVietnamese(a.name, b.name));

  return (
    <section className="ss-digitize" data-testid="ss-digitize-procedure">
      <h1>Bạn sẽ nộp hồ sơ thủ tục nào?</h1>
      <p>Which procedure will you file? Choose its field, then the procedure.</p>
      <div className="ss-fields">
        {fields.map((f) => (
          <button key={f.code} type="button" className={f.code === field ? 'ss-big chosen' : 'ss-big secondary'} onClick={() => setField(f.code)} aria-pressed={f.code === field}>
            {f.name}
          </button>
        ))}
      </div>
      {field === undefined ? null : (
        <div className="ss-procedures" data-testid="ss-digitize-procedures">
          {inField.map((p) => (
            <button key={procedureKey(p)} type="button" className="ss-big ss-procedure" onClick={() => onChosen(chosenProcedureOf(p))}>
              {p.name}
            </button>
          ))}
        </div>
      )}
    </section>
  );
}
