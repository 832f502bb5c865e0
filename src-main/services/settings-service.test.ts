import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src-shared/api/settings';
import { createEventBus } from './event-bus';
import { openSettingsService } from './settings-service';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'motcua-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('settings service', () => {
  it('sets an unreadable settings file aside instead of losing it, and starts on defaults', async () => {
    await writeFile(join(dir, 'settings.json'), '{ this is not json');
    const service = await openSettingsService(dir, createEventBus());
    expect(service.get()).toEqual(defaultSettings);
    const files = await readdir(dir);
    const aside = files.find((f) => f.startsWith('settings.json.unreadable-'));
    expect(aside).toBeDefined();
    expect(await readFile(join(dir, aside ?? ''), 'utf8')).toBe('{ this is not json');
  });

  it('fills fields missing from an older file with defaults', async () => {
    await writeFile(join(dir, 'settings.json'), JSON.stringify({ counterNumber: 5 }));
    const service = await openSettingsService(dir, createEventBus());
    expect(service.get().counterNumber).toBe(5);
    expect(service.get().officeHours).toEqual(defaultSettings.officeHours);
  });

  it('validates the merged settings as a whole', async () => {
    const service = await openSettingsService(dir, createEventBus());
    const result = await service.set({ officeHours: { sessions: [] } });
    expect(result.ok).toBe(false);
    expect(service.get()).toEqual(defaultSettings);
  });

  it('keeps the old settings when the disk refuses the write', async () => {
    const service = await openSettingsService(join(dir, 'settings.json', 'nested'), createEventBus());
    await writeFile(join(dir, 'settings.json'), 'a file where a folder should be');
    const result = await service.set({ counterNumber: 9 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('settings.write-failed');
    expect(service.get().counterNumber).toBe(defaultSettings.counterNumber);
  });
});
