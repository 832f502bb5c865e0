import { useEffect, useState, type FormEvent } from 'react';
import { useSession } from '../app/session';
import { useKioskStore } from '../app/store';
import { useFailureText, useText } from '../i18n/use-text';
import { DeviceLogPanel } from './devices/DeviceLogPanel';
import { DeviceTable } from './devices/DeviceTable';
import { useDevicesStore } from './devices/devices-store';
import { PermissionsPanel } from './devices/PermissionsPanel';
import { ScannerTestPanel } from './devices/ScannerTestPanel';
import { ProfilePanel } from './devices/ProfilePanel';

const sourceState = { ok: 'sourceOk', unavailable: 'sourceUnavailable', error: 'sourceError' } as const;

/**
 * The technician's device console (F7): what the host sees, roles, tests, the log, the profile and the
 * permissions report. Supervisors and technicians only: the host cannot tell who is signed in, so this screen
 * is where the role gate is (see docs/DEVICES.md, "Limits").
 */
export function DevicesScreen() {
  const t = useText();
  const failureText = useFailureText();
  const api = useKioskStore((s) => s.api);
  const role = useSession((s) => s.officer?.role);
  const { attach, scan, scanning, report, failure } = useDevicesStore();
  const [address, setAddress] = useState('');

  useEffect(() => (api === undefined ? undefined : attach(api)), [api, attach]);
  if (role !== 'technician' && role !== 'supervisor') return <p className="error">{t('devicesManagersOnly')}</p>;
  if (api === undefined) return null;

  const probe = (event: FormEvent) => {
    event.preventDefault();
    const value = address.trim();
    if (value !== '') void scan(api, [value.startsWith('tcp://') ? value : `tcp://${value}`]);
  };

  return (
    <>
      <section className="panel">
        <h2>{t('devicesTitle')}</h2>
        <p className="muted">{t('devicesHint')}</p>
        <form className="actions wrap" onSubmit={probe}>
          <button type="button" onClick={() => void scan(api)} disabled={scanning} data-testid="devices-rescan">
            {scanning ? t('devicesScanning') : t('devicesRescan')}
          </button>
          <label className="field grow">
            <span>{t('devicesProbeAddress')}</span>
            <input name="printer-address" value={address} placeholder="tcp://192.168.1.50:9100" onChange={(e) => setAddress(e.target.value)} />
          </label>
          <button type="submit" disabled={scanning}>
            {t('devicesProbe')}
          </button>
        </form>
        {failure ? <p className="error">{failureText(failure)}</p> : null}
        <DeviceTable api={api} />
        {report ? (
          <p className="muted" data-testid="device-sources">
            {t('sourcesTitle')}:{' '}
            {report.sources.map((s) => (
              <span key={s.source} title={s.error ? failureText(s.error) : undefined} className={s.state === 'ok' ? '' : 'error'}>
                {s.source} ({t(sourceState[s.state])}
                {s.error ? `: ${failureText(s.error)}` : ''}){' '}
              </span>
            ))}
          </p>
        ) : null}
      </section>
      <ScannerTestPanel api={api} />
      <ProfilePanel api={api} />
      <PermissionsPanel api={api} />
      <DeviceLogPanel />
    </>
  );
}
