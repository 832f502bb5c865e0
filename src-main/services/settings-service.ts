import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultSettings, settingsSchema, type Settings, type SettingsPatch } from '../../src-shared/api/settings';
import { validationFailure } from '../../src-shared/api/validation';
import { createLogger } from '../../src-shared/log';
import { err, failure, ok, type Result } from '../../src-shared/result';
import { readFileIfExists, writeFileAtomic } from '../../hardware/files/atomic-file';
import type { EventBus } from './event-bus';

const log = createLogger('services.settings');

export type SettingsService = {
  get(): Settings;
  set(patch: SettingsPatch): Promise<Result<Settings>>;
};

/**
 * Settings live in one JSON file in the host's data folder. A file we cannot read is set aside (never deleted)
 * and the kiosk starts on defaults, so a bad edit by hand cannot stop the counter.
 */
export async function openSettingsService(dataDir: string, events: EventBus): Promise<SettingsService> {
  const path = join(dataDir, 'settings.json');
  let current = await loadSettings(path);
  let writing: Promise<unknown> = Promise.resolve();

  return {
    get: () => current,
    async set(patch) {
      const merged = settingsSchema.safeParse({ ...current, ...patch });
      if (!merged.success) return err(validationFailure(merged.error));
      // Writes are serialized so two quick changes cannot land out of order on disk.
      const write = writing.then(() => writeFileAtomic(path, `${JSON.stringify(merged.data, null, 2)}\n`));
      writing = write.catch(() => undefined);
      try {
        await write;
      } catch (cause: unknown) {
        log.error('settings write failed', { error: cause instanceof Error ? cause.message : String(cause) });
        return err(failure('settings.write-failed', 'Không lưu được cài đặt vào đĩa; cài đặt cũ vẫn giữ nguyên.', 'Could not save the settings to disk; the previous settings are kept.'));
      }
      current = merged.data;
      events.emit('settings.changed', current);
      return ok(current);
    },
  };
}

async function loadSettings(path: string): Promise<Settings> {
  const text = await readFileIfExists(path);
  if (text === undefined) return defaultSettings;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  // Older files may lack newer fields: defaults fill them in; a field that is present but wrong is not guessed at.
  const parsed = settingsSchema.safeParse(json !== null && typeof json === 'object' ? { ...defaultSettings, ...json } : json);
  if (parsed.success) return parsed.data;
  const aside = `${path}.unreadable-${Date.now()}`;
  await rename(path, aside);
  log.warn('settings file unreadable; set aside and defaults used', { aside });
  return defaultSettings;
}
