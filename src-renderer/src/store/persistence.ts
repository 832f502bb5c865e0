/**
 * Asks the browser not to evict the kiosk's data under storage pressure. Without it, records that exist only
 * on this kiosk (not yet synced) could vanish (SYNC.md: "local data lost without sync's fault").
 */
export type PersistentStorageResult = 'granted' | 'denied' | 'unsupported';

export type StorageManagerLike = {
  readonly persist?: () => Promise<boolean>;
  readonly persisted?: () => Promise<boolean>;
};

export async function requestPersistentStorage(
  storage: StorageManagerLike | undefined = browserStorageManager(),
): Promise<PersistentStorageResult> {
  if (storage === undefined || typeof storage.persist !== 'function') return 'unsupported';
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    // A browser that throws here did not grant it; the caller warns the technician either way.
    return 'denied';
  }
}

function browserStorageManager(): StorageManagerLike | undefined {
  if (typeof navigator === 'undefined') return undefined;
  const storage: StorageManagerLike | undefined = navigator.storage;
  return storage;
}
