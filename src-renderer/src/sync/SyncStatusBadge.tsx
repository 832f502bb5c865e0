import { useEffect, useState } from 'react';
import { useKioskStore } from '../app/store';
import { defaultEngineOptions } from '../../../src-shared/sync/engine';
import { badgeView } from './sync-text';
import { syncConfigured, useSyncStore } from './sync-service';
import { useBackgroundSync } from './use-background-sync';
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
  const status = useSyncStore((s) => s.status);
  const [now, setNow] = useState(() => Date.now());
  const configured = syncConfigured(settings);

  useBackgroundSync();

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
