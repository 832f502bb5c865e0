import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setLogSink } from '../../src-shared/log';
import { connectKiosk } from './api/kiosk-api';
import { App } from './App';
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
void openLocalStore().then((storage) => useKioskStore.getState().setStorage(storage));

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
