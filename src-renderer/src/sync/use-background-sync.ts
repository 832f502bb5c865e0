import { useEffect } from 'react';
import { useLocalStore } from '../app/local-store';
import { useKioskStore } from '../app/store';
import { ensureSyncEngine, syncConfigured } from './sync-service';

/**
 * Runs the sync engine for a screen that shows no sync status: the self-service point must still send its ratings
 * and pull the Center's records (its file look-up reads them). There the host hands the page a placeholder
 * credential and the relay adds the real one, so "configured" holds without the page ever seeing the token.
 */
export function useBackgroundSync(): void {
  const api = useKioskStore((s) => s.api);
  const configured = useKioskStore((s) => syncConfigured(s.settings));
  const db = useLocalStore((s) => s.store?.db);
  useEffect(() => {
    if (api !== undefined && db !== undefined && configured) ensureSyncEngine(api, db, () => useKioskStore.getState().settings);
  }, [api, db, configured]);
}
