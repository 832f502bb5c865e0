import { useEffect } from 'react';
import { Shell, screenForKey } from './app/Shell';
import { useKioskStore } from './app/store';
import { CalendarScreen } from './screens/CalendarScreen';
import { HomeScreen } from './screens/HomeScreen';
import { ProceduresScreen } from './screens/ProceduresScreen';
import { SettingsScreen } from './screens/SettingsScreen';

export function App() {
  const screen = useKioskStore((s) => s.screen);
  const go = useKioskStore((s) => s.go);

  // Officers work from the keyboard all day: function keys switch screens.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = screenForKey(event.key);
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
      {screen === 'home' ? <HomeScreen /> : null}
      {screen === 'procedures' ? <ProceduresScreen /> : null}
      {screen === 'calendar' ? <CalendarScreen /> : null}
      {screen === 'settings' ? <SettingsScreen /> : null}
    </Shell>
  );
}
