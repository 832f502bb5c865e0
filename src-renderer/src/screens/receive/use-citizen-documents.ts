import { useEffect, useMemo, useRef, useState } from 'react';
import type { Procedure } from '../../../../src-shared/domain/catalogue';
import { createCitizenDocumentsClient } from '../../../../src-shared/sync/citizen-documents-client';
import { updateDraft, useReceiveDraft } from '../../app/receive-draft';
import { useKioskStore } from '../../app/store';
import type { MotCuaDb } from '../../store';
import { procedureKey } from '../../store/procedures-repository';
import { keptScansFor } from '../../sync/kept-documents-lookup';
import { relayTransport, syncCredentialsOf } from '../../sync/sync-service';

/**
 * Once the counter knows the citizen's ID number and the procedure, attaches the documents the citizen digitized
 * at the self-service point to the empty rows of the checklist (as if scanned here; the officer can rescan). Once
 * per citizen and procedure, so a scan the officer removes is not put back. Answers how many were attached.
 */
export function useCitizenDocuments(db: MotCuaDb | undefined, citizenId: string | undefined, procedure: Procedure | undefined): number {
  const api = useKioskStore((s) => s.api);
  const [attached, setAttached] = useState(0);
  const tried = useRef<string | undefined>(undefined);
  const key = procedure === undefined ? undefined : procedureKey(procedure);
  const rows = useMemo(() => procedure?.documents.filter((d) => d.handling === 'submit').map((d) => ({ id: d.id, name: d.name })) ?? [], [procedure]);

  useEffect(() => {
    if (db === undefined || api === undefined || citizenId === undefined || key === undefined) return;
    const attempt = `${citizenId}/${key}`;
    if (tried.current === attempt) return;
    tried.current = attempt;
    setAttached(0);
    const client = createCitizenDocumentsClient(relayTransport(api), () => syncCredentialsOf(useKioskStore.getState().settings));
    void keptScansFor(db, client, citizenId, rows, Date.now()).then((found) => {
      const draft = useReceiveDraft.getState().draft;
      // The officer may have moved on to another citizen or procedure, or scanned a row meanwhile.
      if (draft.idNumber.trim() !== citizenId || draft.procedureKey !== key) return;
      const fresh = [...found].filter(([rowId]) => draft.scans[rowId] === undefined);
      if (fresh.length === 0) return;
      updateDraft(db, { scans: { ...draft.scans, ...Object.fromEntries(fresh) } });
      setAttached(fresh.length);
    });
  }, [api, db, citizenId, key, rows]);

  return attached;
}
