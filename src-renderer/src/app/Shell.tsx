import type { ReactNode } from 'react';
import { useKioskStore, type Screen } from './store';
import { useText } from '../i18n/use-text';
import type { MessageKey } from '../i18n/messages';

const navigation: ReadonlyArray<{ screen: Screen; label: MessageKey; key: string }> = [
  { screen: 'home', label: 'navHome', key: 'F1' },
  { screen: 'procedures', label: 'navProcedures', key: 'F2' },
  { screen: 'calendar', label: 'navCalendar', key: 'F3' },
  { screen: 'settings', label: 'navSettings', key: 'F9' },
];

export const screenForKey = (key: string): Screen | undefined => navigation.find((n) => n.key === key)?.screen;

export function Shell({ children }: { children: ReactNode }) {
  const t = useText();
  const { screen, go, settings, connection, saveSettings } = useKioskStore();
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
        <label className="language">
          <span className="sr-only">{t('language')}</span>
          <select value={settings?.language ?? 'vi'} onChange={(e) => void saveSettings({ language: e.target.value === 'en' ? 'en' : 'vi' })}>
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </select>
        </label>
      </header>
      <nav className="tabs" aria-label="main">
        {navigation.map((item) => (
          <button key={item.screen} className={item.screen === screen ? 'tab active' : 'tab'} aria-current={item.screen === screen ? 'page' : undefined} onClick={() => go(item.screen)}>
            {t(item.label)} <kbd>{item.key}</kbd>
          </button>
        ))}
      </nav>
      <main className="content">{children}</main>
    </div>
  );
}
