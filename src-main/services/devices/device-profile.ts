import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import {
  DEVICE_PROFILE_FORMAT,
  DEVICE_PROFILE_VERSION,
  deviceProfileSchema,
  emptyDeviceProfile,
  type DeviceProfile,
  type DeviceRole,
} from '../../../src-shared/api/devices';
import { validationFailure } from '../../../src-shared/api/validation';
import { createLogger } from '../../../src-shared/log';
import { err, ok, type Failure, type Result } from '../../../src-shared/result';
import { readFileIfExists, writeFileAtomic } from '../../../hardware/files/atomic-file';
import { deviceConsoleErrors } from './errors';

const log = createLogger('services.devices.profile');

export type RoleChange = {
  readonly deviceId: string;
  readonly role: DeviceRole | null;
  readonly label?: string | undefined;
  readonly serialPrinter?: { readonly path: string; readonly baudRate: number } | undefined;
};

export type DeviceProfileStore = {
  get(): DeviceProfile;
  setRole(change: RoleChange): Promise<Result<DeviceProfile>>;
  /** Remembers network printer addresses to probe on every discovery. */
  rememberAddresses(addresses: readonly string[]): Promise<Result<DeviceProfile>>;
  /** The file a technician carries to the replacement kiosk. */
  exportFile(now: number, counterNumber: number): { fileName: string; mimeType: string; content: string };
  importFile(content: string): Promise<Result<DeviceProfile>>;
  /** Set when the file on disk was unreadable at start and was set aside. */
  readonly startupNotice: Failure | undefined;
};

const PROFILE_FILE = 'device-profile.json';

/**
 * Checks an imported file step by step so the technician learns what is wrong with it: not JSON, not ours, from a
 * newer MotCua, or which field is bad. Nothing is saved unless the whole file is valid.
 */
export function parseDeviceProfile(content: string): Result<DeviceProfile> {
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    return err(deviceConsoleErrors.profileNotJson());
  }
  const head = z.object({ format: z.literal(DEVICE_PROFILE_FORMAT), version: z.int() }).safeParse(json);
  if (!head.success) return err(deviceConsoleErrors.profileWrongFormat());
  if (head.data.version > DEVICE_PROFILE_VERSION) return err(deviceConsoleErrors.profileFutureVersion(head.data.version));
  const parsed = deviceProfileSchema.safeParse(json);
  if (!parsed.success) {
    const failure = validationFailure(parsed.error);
    return err(deviceConsoleErrors.profileInvalid(failure.message.replace(/^Dữ liệu không hợp lệ — /, ''), failure.messageEn.replace(/^Invalid input — /, ''), failure.path));
  }
  const { exportedAt: _exportedAt, ...profile } = parsed.data;
  return ok(profile);
}

/** `<dataDir>/devices/device-profile.json`, written whole with temp file + fsync + rename (hardware/files/atomic-file.ts). */
export async function openDeviceProfileStore(dir: string): Promise<DeviceProfileStore> {
  const path = join(dir, PROFILE_FILE);
  let startupNotice: Failure | undefined;
  let current = emptyDeviceProfile;
  const text = await readFileIfExists(path);
  if (text !== undefined) {
    const parsed = parseDeviceProfile(text);
    if (parsed.ok) current = parsed.value;
    else {
      // A hand-edited or damaged file must not stop the counter, and must not be lost: set aside, start empty.
      const aside = `${path}.unreadable-${Date.now()}`;
      await rename(path, aside);
      startupNotice = deviceConsoleErrors.profileUnreadable(aside);
      log.warn('device profile unreadable; set aside', { code: parsed.error.code });
    }
  }
  let writing: Promise<unknown> = Promise.resolve();

  const save = async (next: DeviceProfile): Promise<Result<DeviceProfile>> => {
    const checked = deviceProfileSchema.safeParse(next);
    if (!checked.success) return err(validationFailure(checked.error));
    // Serialized so two quick role changes land on disk in the order they were made.
    const write = writing.then(() => writeFileAtomic(path, `${JSON.stringify(checked.data, null, 2)}\n`));
    writing = write.catch(() => undefined);
    try {
      await write;
    } catch (cause: unknown) {
      log.error('device profile write failed', { error: cause instanceof Error ? cause.message : String(cause) });
      return err(deviceConsoleErrors.profileWriteFailed());
    }
    current = checked.data;
    return ok(current);
  };

  return {
    get: () => current,
    startupNotice,
    setRole(change) {
      const others = current.assignments.filter((a) => a.deviceId !== change.deviceId);
      const label = change.label === undefined || change.label === '' ? {} : { label: change.label };
      const assignments = change.role === null ? others : [...others, { deviceId: change.deviceId, role: change.role, ...label }];
      const serialPrinters =
        change.serialPrinter === undefined ? current.serialPrinters : [...current.serialPrinters.filter((s) => s.path !== change.serialPrinter?.path), change.serialPrinter];
      return save({ ...current, assignments, serialPrinters });
    },
    rememberAddresses(addresses) {
      const printerAddresses = [...new Set([...current.printerAddresses, ...addresses.map((a) => a.trim())])];
      if (printerAddresses.length === current.printerAddresses.length) return Promise.resolve(ok(current));
      return save({ ...current, printerAddresses });
    },
    exportFile(now, counterNumber) {
      const day = new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);
      return {
        fileName: `motcua-devices-quay-${counterNumber}-${day}.json`,
        mimeType: 'application/json',
        content: `${JSON.stringify({ ...current, exportedAt: now }, null, 2)}\n`,
      };
    },
    async importFile(content) {
      const parsed = parseDeviceProfile(content);
      if (!parsed.ok) return parsed;
      return save(parsed.value);
    },
  };
}
