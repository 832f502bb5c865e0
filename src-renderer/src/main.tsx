import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setLogSink } from '../../src-shared/log';
import { connectKiosk } from './api/kiosk-api';
import { Root } from './Root';
import { QueueDisplay } from './screens/QueueDisplay';
import { useKioskStore } from './app/store';
import { openLocalStore } from './app/local-store';
import './styles.css';

setLogSink((entry) => {
  // The renderer's log goes to the devtools console only; no personal data is ever logged.
  if (entry.level === 'error' || entry.level === 'warn') globalThis.console.warn(`[${entry.module}] ${entry.message}`, entry.data ?? '');
});

const store = useKioskStore.getState();
const connection = connectKiosk((state) => useKioskStore.getState().setConnection(state));
store.attach(connection.api, connection.transport);
if (connection.transport === 'electron-ipc') void store.refresh();
// The waiting-room display needs no local store and no sign-in: it only follows the host's queue events.
const isQueueDisplay = window.location.hash === '#/display';
if (!isQueueDisplay) void openLocalStore().then((storage) => useKioskStore.getState().setStorage(storage));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      {isQueueDisplay ? <QueueDisplay /> : <Root />}
    </StrictMode>,
  );
}
