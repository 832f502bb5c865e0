import { useText } from '../../i18n/use-text';
import { useDevicesStore } from './devices-store';
import { logLabel, roleLabel } from './labels';

const time = (at: number): string => new Date(at).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour12: false });

/** The device event log, newest first: ids, kinds and error codes only (that is all the host keeps). */
export function DeviceLogPanel() {
  const t = useText();
  const log = useDevicesStore((s) => s.log);
  return (
    <section className="panel">
      <h2>{t('deviceLogTitle')}</h2>
      {log.length === 0 ? (
        <p className="muted">{t('deviceLogEmpty')}</p>
      ) : (
        <table className="skipped" data-testid="device-log">
          <tbody>
            {[...log].reverse().map((entry, i) => (
              <tr key={`${entry.at}-${i}`}>
                <td className="muted">{time(entry.at)}</td>
                <td>{t(logLabel[entry.type])}</td>
                <td>
                  {entry.deviceId ?? entry.source ?? ''}
                  {entry.role ? ` → ${t(roleLabel[entry.role])}` : ''}
                  {entry.action ? ` (${entry.action})` : ''}
                </td>
                <td className={entry.code ? 'error' : ''}>{entry.code ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
