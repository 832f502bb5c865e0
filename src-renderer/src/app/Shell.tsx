import type { ReactNode } from 'react';
import { signOut, useSession } from './session';
import { useKioskStore, type Screen } from './store';
import { useText } from '../i18n/use-text';
import type { MessageKey } from '../i18n/messages';
import type { OfficerProfile } from '../../../src-shared/domain/officers';
import { SyncStatusBadge } from '../sync/SyncStatusBadge';

type Role = OfficerProfile['role'];
const managers: readonly Role[] = ['supervisor', 'technician'];

const navigation: ReadonlyArray<{ screen: Screen; label: MessageKey; key: string; roles?: readonly Role[] }> = [
  { screen: 'home', label: 'navHome', key: 'F1' },
  { screen: 'queue', label: 'navQueue', key: 'F6', roles: ['officer', 'supervisor'] },
  { screen: 'receive', label: 'navReceive', key: 'F4', roles: ['officer', 'supervisor'] },
  { screen: 'records', label: 'navRecords', key: 'F5', roles: ['officer', 'supervisor'] },
  { screen: 'procedures', label: 'navProcedures', key: 'F2' },
  { screen: 'calendar', label: 'navCalendar', key: 'F3' },
  { screen: 'accounts', label: 'navAccounts', key: 'F8', roles: ['supervisor'] },
  { screen: 'settings', label: 'navSettings', key: 'F9', roles: managers },
  { screen: 'devices', label: 'navDevices', key: 'F7', roles: managers },
];

/** The screen a function key opens for this officer; none if their role may not see it. */
export const screenForKey = (key: string, role: Role): Screen | undefined =>
  navigation.find((n) => n.key === key && (n.roles === undefined || n.roles.includes(role)))?.screen;

export function Shell({ children }: { children: ReactNode }) {
  const t = useText();
  const { screen, go, settings, connection, saveSettings } = useKioskStore();
  const officer = useSession((s) => s.officer);
  const visible = navigation.filter((item) => item.roles === undefined || (officer !== undefined && item.roles.includes(officer.role)));
  const connectionText = connection === 'open' ? t('connectionOpen') : connection === 'connecting' ? t('connectionConnecting') : t('connectionClosed');
  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <strong>{t('appTitle')}</strong>
          {settings ? (
            <span className="center" data-testid="center-name">
              {settings.centerName} · {t('counter')} <span data-testid="counter-number">{settings.counterNumber}</span>
            </span>
          ) : null}
        </div>
        <span className={`connection connection-${connection}`} role="status" data-testid="connection">
          {connectionText}
        </span>
        <SyncStatusBadge />
        {officer ? (
          <span className="officer" data-testid="signed-in-officer">
            {officer.displayName}{' '}
            <button type="button" className="link" onClick={signOut}>
              {t('signOut')}
            </button>
          </span>
        ) : null}
        <label className="language">
          <span className="sr-only">{t('language')}</span>
          <select value={settings?.language ?? 'vi'} onChange={(e) => void saveSettings({ language: e.target.value === 'en' ? 'en' : 'vi' })}>
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </select>
        </label>
      </header>
      {officer ? (
      <nav className="tabs" aria-label="main">
        {visible.map((item) => (
          <button key={item.screen} className={item.screen === screen ? 'tab active' : 'tab'} aria-current={item.screen === screen ? 'page' : undefined} onClick={() => go(item.screen)}>
            {t(item.label)} <kbd>{item.key}</kbd>
          </button>
        ))}
      </nav>
      ) : null}
      <main className="content">{children}</main>
    </div>
  );
}
