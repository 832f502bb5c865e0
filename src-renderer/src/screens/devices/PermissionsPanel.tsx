import type { KioskApi } from '../../../../src-shared/api/contract';
import { useFailureText, useText } from '../../i18n/use-text';
import { useDevicesStore } from './devices-store';
import { permissionLabel } from './labels';

/** Why a device may not open (udev rules, dialout, pcscd), in the technician's language, with the command that fixes it. */
export function PermissionsPanel({ api }: { api: KioskApi }) {
  const t = useText();
  const text = useFailureText();
  const report = useDevicesStore((s) => s.permissions);
  const load = useDevicesStore((s) => s.loadPermissions);
  return (
    <section className="panel">
      <h2>{t('permissionsTitle')}</h2>
      <div className="actions">
        <button type="button" onClick={() => void load(api)}>
          {t('permissionsCheck')}
        </button>
      </div>
      {report ? (
        <ul className="permissions" data-testid="device-permissions">
          {report.checks.map((check) => (
            <li key={check.id} className={`permission permission-${check.status}`}>
              <strong className={check.status === 'problem' ? 'error' : check.status === 'ok' ? 'success' : ''}>{t(permissionLabel[check.status])}</strong> — {check.subject}
              <div>{text(check)}</div>
              {check.fix ? (
                <div className="muted">
                  {t('fixCommand')}: <code>{check.fix}</code>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
