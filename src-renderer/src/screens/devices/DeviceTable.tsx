import type { KioskApi } from '../../../../src-shared/api/contract';
import { deviceRoleSchema, type DeviceRole, type DeviceTestAction, type DiscoveredDevice } from '../../../../src-shared/api/devices';
import { useFailureText, useText, type Translate } from '../../i18n/use-text';
import { useDevicesStore, type TestOutcome } from './devices-store';
import { roleLabel, stateLabel } from './labels';

const actionLabel = { 'print-test': 'testPrint', status: 'testStatus', 'read-card': 'testReadCard' } as const;

function liveStatus(device: DiscoveredDevice, t: Translate): string {
  const words: string[] = [];
  if (device.printer) {
    words.push(t(device.printer.online ? 'printerOnline' : 'printerOffline'));
    if (device.printer.coverOpen) words.push(t('printerCoverOpen'));
    if (device.printer.paperOut) words.push(t('printerPaperOut'));
    else if (device.printer.paperLow) words.push(t('printerPaperLow'));
    if (device.printer.error) words.push(t('printerFault'));
  }
  if (device.card) words.push(device.card.present ? `${t('cardPresent')}${device.card.atr ? ` (ATR ${device.card.atr})` : ''}` : t('cardAbsent'));
  return words.join(', ');
}

function OutcomeText({ outcome }: { outcome: TestOutcome | undefined }) {
  const t = useText();
  const failureText = useFailureText();
  if (outcome === undefined) return null;
  if (outcome.running) return <span className="muted">…</span>;
  if (outcome.failure) return <span className="error">{failureText(outcome.failure)}</span>;
  const result = outcome.result;
  if (!result) return null;
  const parts = [result.action === 'print-test' ? t('testPageSent') : t('testPassed')];
  if (result.card) parts.push(result.card.present ? `${t('cardPresent')}${result.card.atr ? ` (ATR ${result.card.atr})` : ''}` : t('cardAbsent'));
  if (result.printer) parts.push(t(result.printer.online ? 'printerOnline' : 'printerOffline'));
  return <span className="success">{parts.join(' · ')}</span>;
}

/** A device given a role that the last look did not find: listed so the technician sees what is missing. */
const missingDevice = (deviceId: string, label: string | undefined): DiscoveredDevice => ({
  id: deviceId,
  bus: deviceId.startsWith('tcp:') ? 'network' : deviceId.startsWith('pcsc:') ? 'pcsc' : deviceId.startsWith('hid:') ? 'hid' : deviceId.startsWith('usb-printer:') ? 'usb-printer' : deviceId.startsWith('escl:') ? 'escl' : 'serial',
  name: label ?? deviceId,
  actions: [],
  state: 'offline',
  simulated: false,
});

function DeviceRow({ api, device, role, missing }: { api: KioskApi; device: DiscoveredDevice; role: DeviceRole | undefined; missing?: boolean }) {
  const t = useText();
  const failureText = useFailureText();
  const outcome = useDevicesStore((s) => s.outcomes[device.id]);
  const setRole = useDevicesStore((s) => s.setRole);
  const test = useDevicesStore((s) => s.test);
  const onRole = (value: string) => {
    const parsed = deviceRoleSchema.safeParse(value);
    void setRole(api, device.id, parsed.success ? parsed.data : null, device.bus === 'serial' ? device.path : undefined);
  };
  const status = liveStatus(device, t);
  return (
    <tr data-testid="device-row" data-device-id={device.id}>
      <td>
        <strong>{device.name}</strong>{' '}
        {missing ? <span className="badge" data-testid="device-missing">{t('deviceMissing')}</span> : null}
        {device.simulated ? <span className="badge">{t('deviceSimulated')}</span> : null} {device.configured ? <span className="badge">{t('deviceConfigured')}</span> : null}
        <div className="muted">
          {device.bus} · {device.id}
          {device.vendorName ? ` · ${device.vendorName}` : ''}
        </div>
      </td>
      <td data-testid="device-state">
        {t(stateLabel[device.state])}
        {status ? <div className="muted">{status}</div> : null}
        {device.lastError ? (
          <div className="error" data-testid="device-last-error">
            {t('lastError')}: {failureText(device.lastError)}
          </div>
        ) : null}
      </td>
      <td>
        <label className="field">
          <span className="sr-only">{t('deviceColumnRole')}</span>
          <select value={role ?? ''} onChange={(e) => onRole(e.target.value)} data-testid="device-role">
            <option value="">{t('deviceRoleNone')}</option>
            {deviceRoleSchema.options.map((r) => (
              <option key={r} value={r}>
                {t(roleLabel[r])}
                {r === device.suggestedRole && role === undefined ? ` (${t('deviceSuggested')})` : ''}
              </option>
            ))}
          </select>
        </label>
      </td>
      <td>
        <div className="actions wrap">
          {device.actions.map((action: DeviceTestAction) => (
            <button key={action} type="button" disabled={outcome?.running === true} onClick={() => void test(api, device.id, action)} data-testid={`device-test-${action}`}>
              {t(actionLabel[action])}
            </button>
          ))}
        </div>
        <div data-testid="device-test-outcome">
          <OutcomeText outcome={outcome} />
        </div>
      </td>
    </tr>
  );
}

export function DeviceTable({ api }: { api: KioskApi }) {
  const t = useText();
  const report = useDevicesStore((s) => s.report);
  const profile = useDevicesStore((s) => s.profile);
  const roles = new Map((profile?.assignments ?? []).map((a) => [a.deviceId, a.role]));
  if (report === undefined) return <p className="muted">{t('devicesScanning')}</p>;
  const found = new Set(report.devices.map((d) => d.id));
  const missing = (profile?.assignments ?? []).filter((a) => !found.has(a.deviceId));
  if (report.devices.length === 0 && missing.length === 0) return <p className="muted">{t('devicesNone')}</p>;
  return (
    <table className="skipped devices" data-testid="device-list">
      <thead>
        <tr>
          <th>{t('deviceColumnDevice')}</th>
          <th>{t('deviceColumnState')}</th>
          <th>{t('deviceColumnRole')}</th>
          <th>{t('deviceColumnTest')}</th>
        </tr>
      </thead>
      <tbody>
        {report.devices.map((device) => (
          <DeviceRow key={device.id} api={api} device={device} role={roles.get(device.id)} />
        ))}
        {missing.map((a) => (
          <DeviceRow key={a.deviceId} api={api} device={missingDevice(a.deviceId, a.label)} role={a.role} missing />
        ))}
      </tbody>
    </table>
  );
}
