import { useState, type ChangeEvent } from 'react';
import type { KioskApi } from '../../../../src-shared/api/contract';
import type { Failure } from '../../../../src-shared/result';
import { useFailureText, useText } from '../../i18n/use-text';
import { useDevicesStore } from './devices-store';
import { HostFileDownload } from './HostFileDownload';

/** Export/import of the counter's device profile, and the support bundle. */
export function ProfilePanel({ api }: { api: KioskApi }) {
  const t = useText();
  const failureText = useFailureText();
  const setProfile = useDevicesStore((s) => s.setProfile);
  const [outcome, setOutcome] = useState<{ failure?: Failure; imported?: boolean }>({});
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const result = await api.call('devices.profile.import', { content: await file.text() });
    if (!result.ok) return setOutcome({ failure: result.error });
    setProfile(result.value);
    setOutcome({ imported: true });
  };
  return (
    <section className="panel">
      <h2>{t('profileTitle')}</h2>
      <p className="muted">{t('profileHint')}</p>
      <div className="actions wrap">
        <HostFileDownload label={t('profileExport')} readyLabel={t('profileExportReady')} make={() => api.call('devices.profile.export', {})} testId="profile-export" />
        <label className="field">
          <span>{t('profileImport')}</span>
          <input type="file" accept="application/json,.json" onChange={(e) => void onFile(e)} data-testid="profile-import" />
        </label>
        <span role="status" aria-live="polite" data-testid="profile-import-outcome">
          {outcome.failure ? <span className="error">{failureText(outcome.failure)}</span> : outcome.imported ? <span className="success">{t('profileImported')}</span> : null}
        </span>
      </div>
      <p className="muted">{t('supportBundleHint')}</p>
      <HostFileDownload label={t('supportBundle')} readyLabel={t('supportBundleReady')} make={() => api.call('devices.supportBundle', {})} testId="support-bundle" />
    </section>
  );
}
