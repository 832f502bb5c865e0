import { useKioskStore } from '../app/store';
import { useLocalStore } from '../app/local-store';
import { TodayPanel } from './TodayPanel';
import { useFailureText, useText } from '../i18n/use-text';

export function HomeScreen() {
  const t = useText();
  const failureText = useFailureText();
  const { systemInfo, transport, storage } = useKioskStore();
  const { procedures, failure } = useLocalStore();
  if (!systemInfo) return <p className="muted">{t('loading')}</p>;
  const storageText = storage === 'granted' ? t('storagePersisted') : storage === 'unsupported' ? t('storageUnsupported') : t('storageNotPersisted');
  return (
    <>
    <TodayPanel />
    <section className="panel" aria-labelledby="system-title">
      <h2 id="system-title">{t('systemTitle')}</h2>
      <dl className="facts">
        <dt>{t('version')}</dt>
        <dd data-testid="system-version">{systemInfo.version}</dd>
        <dt>{t('mode')}</dt>
        <dd data-testid="system-mode">{systemInfo.mode === 'electron' ? t('modeElectron') : t('modeWeb')}</dd>
        <dt>{t('transport')}</dt>
        <dd>{transport}</dd>
        <dt>{t('platform')}</dt>
        <dd>
          {systemInfo.platform} · Node {systemInfo.nodeVersion}
          {systemInfo.electronVersion ? ` · Electron ${systemInfo.electronVersion}` : ''}
        </dd>
        <dt>{t('storage')}</dt>
        <dd data-testid="storage-state">
          {failure ? <span className="error">{failureText(failure)}</span> : storageText}
        </dd>
        <dt>{t('proceduresInStore')}</dt>
        <dd data-testid="procedure-count">{procedures?.length ?? '…'}</dd>
        <dt>{t('devices')}</dt>
        <dd>
          {systemInfo.devices.length === 0 ? (
            <span className="muted">{t('noDevices')}</span>
          ) : (
            <ul>
              {systemInfo.devices.map((d) => (
                <li key={d.id}>
                  {d.name} ({d.kind}, {d.status}
                  {d.simulated ? ', sim' : ''})
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
    </section>
    </>
  );
}
