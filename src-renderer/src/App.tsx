import { useEffect } from 'react';
import { Shell, screenForKey } from './app/Shell';
import { expireIfIdle, noteActivity, useSession } from './app/session';
import { useKioskStore } from './app/store';
import { AccountsScreen } from './screens/AccountsScreen';
import { QueueScreen } from './screens/QueueScreen';
import { ReceiveScreen } from './screens/ReceiveScreen';
import { RecordsScreen } from './screens/RecordsScreen';
import { SignInScreen } from './screens/SignInScreen';
import { CalendarScreen } from './screens/CalendarScreen';
import { HomeScreen } from './screens/HomeScreen';
import { ProceduresScreen } from './screens/ProceduresScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { DevicesScreen } from './screens/DevicesScreen';

export function App() {
  const screen = useKioskStore((s) => s.screen);
  const go = useKioskStore((s) => s.go);
  const officer = useSession((s) => s.officer);

  // Any key or touch counts as presence; an idle counter signs itself out.
  useEffect(() => {
    const onActivity = () => noteActivity();
    window.addEventListener('pointerdown', onActivity);
    window.addEventListener('keydown', onActivity);
    const timer = window.setInterval(() => expireIfIdle(Date.now()), 15_000);
    return () => {
      window.removeEventListener('pointerdown', onActivity);
      window.removeEventListener('keydown', onActivity);
      window.clearInterval(timer);
    };
  }, []);

  // Officers work from the keyboard all day: function keys switch screens.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const role = useSession.getState().officer?.role;
      const target = role === undefined ? undefined : screenForKey(event.key, role);
      if (target) {
        event.preventDefault();
        go(target);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [go]);

  return (
    <Shell>
      {!officer ? <SignInScreen /> : null}
      {officer && screen === 'home' ? <HomeScreen /> : null}
      {officer && screen === 'queue' ? <QueueScreen /> : null}
      {officer && screen === 'receive' ? <ReceiveScreen /> : null}
      {officer && screen === 'records' ? <RecordsScreen /> : null}
      {officer && screen === 'procedures' ? <ProceduresScreen /> : null}
      {officer && screen === 'calendar' ? <CalendarScreen /> : null}
      {officer && screen === 'accounts' ? <AccountsScreen /> : null}
      {officer && screen === 'settings' ? <SettingsScreen /> : null}
      {officer && screen === 'devices' ? <DevicesScreen /> : null}
    </Shell>
  );
}
