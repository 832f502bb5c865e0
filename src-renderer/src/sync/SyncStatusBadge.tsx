import { useEffect, useState } from 'react';
import { useKioskStore } from '../app/store';
import { useLocalStore } from '../app/local-store';
import { defaultEngineOptions } from '../../../src-shared/sync/engine';
import { badgeView } from './sync-text';
import { ensureSyncEngine, syncConfigured, useSyncStore } from './sync-service';
import './sync.css';

/** Re-render this often so the age of the oldest pending change keeps counting while nothing else happens. */
const tickMs = 30_000;

/**
 * The officer's view of sync in the top bar: online or not, when it last worked, how many changes wait and for how
 * long; red past the alarm limit (a "connected" kiosk with stuck changes is the failure users never notice).
 * Starting the engine here costs the counter nothing: it runs in the background.
 */
export function SyncStatusBadge() {
  const settings = useKioskStore((s) => s.settings);
  const db = useLocalStore((s) => s.store?.db);
  const api = useKioskStore((s) => s.api);
  const status = useSyncStore((s) => s.status);
  const [now, setNow] = useState(() => Date.now());
  const configured = syncConfigured(settings);

  useEffect(() => {
    if (api !== undefined && db !== undefined && configured) ensureSyncEngine(api, db, () => useKioskStore.getState().settings);
  }, [api, db, configured]);

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), tickMs);
    return () => clearInterval(timer);
  }, []);

  const view = badgeView(status, configured, now, defaultEngineOptions.stallAlarmMs, settings?.language ?? 'vi');
  return (
    <span className={`sync-badge tone-${view.tone}`} role="status" aria-live="polite" data-testid="sync-status">
      <span>{view.line}</span>
      {view.detail === '' ? null : <span className="muted-detail">{view.detail}</span>}
    </span>
  );
}
