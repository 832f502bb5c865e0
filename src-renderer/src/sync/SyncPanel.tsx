import { useEffect, useState, type FormEvent } from 'react';
import { useKioskStore } from '../app/store';
import { useLocalStore } from '../app/local-store';
import type { Failure } from '../../../src-shared/result';
import { failedMutations, type FailedMutationNote } from './dexie-sync-store';
import { enrollThisKiosk, useSyncStore } from './sync-service';
import { syncTexts } from './sync-text';
import './sync.css';

/** The technician's panel: details, "sync now", a data check, and enrollment by code. */
export function SyncPanel() {
  const settings = useKioskStore((s) => s.settings);
  const saveSettings = useKioskStore((s) => s.saveSettings);
  const api = useKioskStore((s) => s.api);
  const db = useLocalStore((s) => s.store?.db);
  const { engine, status } = useSyncStore();
  const language = settings?.language ?? 'vi';
  const t = syncTexts[language];
  const [serverUrl, setServerUrl] = useState(settings?.syncServerUrl ?? '');
  const [code, setCode] = useState('');
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const [failed, setFailed] = useState<readonly FailedMutationNote[]>([]);
  const describe = (f: Failure) => (language === 'vi' ? f.message : f.messageEn);

  useEffect(() => {
    if (db !== undefined) void failedMutations(db).then(setFailed);
  }, [db, status?.failedMutations]);

  const enroll = async (event: FormEvent) => {
    event.preventDefault();
    if (api === undefined || db === undefined) return;
    const result = await enrollThisKiosk(api, db, serverUrl, code, saveSettings);
    if (!result.ok) setNote({ text: describe(result.error), error: true });
    else {
      setCode('');
      setNote({ text: t.enrolled.replace('{unit}', result.value.unitId).replace('{slot}', String(result.value.kioskSlot)), error: false });
    }
  };

  const verify = async () => {
    if (engine === undefined) return;
    const checked = await engine.verify();
    setNote(checked.ok ? { text: checked.value ? t.verified : t.diverged, error: !checked.value } : { text: describe(checked.error), error: true });
  };

  return (
    <section className="panel sync-panel" data-testid="sync-panel">
      <h2>{t.panelTitle}</h2>
      <dl>
        <dt>{t.server}</dt>
        <dd>{settings?.syncServerUrl ?? '—'}</dd>
        <dt>{t.unit}</dt>
        <dd>{settings?.centerUnitId ?? '—'}</dd>
        <dt>{t.slot}</dt>
        <dd>{settings?.kioskSlot ?? '—'}</dd>
        <dt>{t.online}</dt>
        <dd>{status?.online === true ? '✓' : status?.online === false ? '✗' : '—'}</dd>
        <dt>{t.lastSync}</dt>
        <dd>{status === undefined || status.lastSuccessAt === null ? t.never : new Date(status.lastSuccessAt).toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB')}</dd>
        <dt>{t.pending}</dt>
        <dd>{status?.pendingCount ?? 0}</dd>
        <dt>{t.checkpoint}</dt>
        <dd>{status?.checkpoint?.rev ?? '—'}</dd>
        <dt>{t.lastError}</dt>
        <dd className={status?.lastError ? 'error' : undefined}>{status?.lastError ? `${status.lastError.code}: ${describe(status.lastError)}` : '—'}</dd>
      </dl>
      <div className="actions">
        <button type="button" className="primary" disabled={engine === undefined || status?.syncing === true} onClick={() => void engine?.syncOnce()}>
          {t.syncNow}
        </button>
        <button type="button" disabled={engine === undefined} onClick={() => void verify()}>
          {t.verify}
        </button>
        {note === null ? null : <span className={note.error ? 'error' : 'success'} role="status">{note.text}</span>}
      </div>
      {failed.length === 0 ? null : (
        <>
          <h3>{t.failed}</h3>
          <ul>
            {failed.slice(-10).map((f) => (
              <li key={f.mutationId}>
                #{f.mutationId} {f.code}: {language === 'vi' ? f.message : f.messageEn}
              </li>
            ))}
          </ul>
        </>
      )}
      <form onSubmit={(e) => void enroll(e)} className="form-grid">
        <h3>{t.enrollTitle}</h3>
        <label className="field">
          <span>{t.server}</span>
          <input name="syncServerUrl" type="url" placeholder="http://192.168.1.10:8787" value={serverUrl} onChange={(e) => setServerUrl(e.target.value)} />
        </label>
        <label className="field">
          <span>{t.enrollCode}</span>
          <input name="enrollmentCode" value={code} autoComplete="off" onChange={(e) => setCode(e.target.value)} />
        </label>
        <div className="actions">
          <button type="submit" disabled={db === undefined || serverUrl.trim() === '' || code.trim() === ''}>
            {t.enroll}
          </button>
        </div>
      </form>
    </section>
  );
}
