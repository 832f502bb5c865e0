import { z } from 'zod';
import { err, ok, type Result } from '../src-shared/result';
import { syncFailures } from '../src-shared/sync/errors';
import type { ServerConfig } from './app';
import type { StorageOptions } from './storage';

export type MainConfig = ServerConfig & { readonly port: number; readonly host: string; readonly storage: StorageOptions };

const unitToken = z.tuple([z.string().regex(/^[A-Z0-9]+(?:\.[A-Z0-9]+)*$/), z.string().min(16)]);

/**
 * Environment: MOTCUA_SYNC_PORT (8787), MOTCUA_SYNC_HOST (0.0.0.0: kiosks reach it over the LAN),
 * MOTCUA_SYNC_DATA_DIR (embedded store; default ./sync-data), DATABASE_URL (PostgreSQL instead),
 * MOTCUA_SYNC_ADMIN_TOKENS ("UNIT=token,UNIT=token": Center admin tokens, at least 16 characters),
 * MOTCUA_SYNC_PROVINCE_TOKEN (optional).
 */
export function configFromEnv(env: Readonly<Record<string, string | undefined>>): Result<MainConfig> {
  const port = Number(env.MOTCUA_SYNC_PORT ?? '8787');
  if (!Number.isInteger(port) || port < 0 || port > 65535) return err(syncFailures.invalidRequest('MOTCUA_SYNC_PORT'));
  const adminTokens: Record<string, string> = {};
  for (const pair of (env.MOTCUA_SYNC_ADMIN_TOKENS ?? '').split(',').filter((p) => p.trim() !== '')) {
    const at = pair.indexOf('=');
    const parsed = unitToken.safeParse([pair.slice(0, at).trim(), pair.slice(at + 1).trim()]);
    if (at < 0 || !parsed.success) return err(syncFailures.invalidRequest('MOTCUA_SYNC_ADMIN_TOKENS: UNIT=token (token ≥ 16 characters)'));
    adminTokens[parsed.data[0]] = parsed.data[1];
  }
  const province = env.MOTCUA_SYNC_PROVINCE_TOKEN;
  if (province !== undefined && province.length < 16) return err(syncFailures.invalidRequest('MOTCUA_SYNC_PROVINCE_TOKEN: ≥ 16 characters'));
  const url = env.DATABASE_URL;
  const storage: StorageOptions =
    url !== undefined && url !== '' ? { kind: 'postgres', url } : { kind: 'pglite', dataDir: env.MOTCUA_SYNC_DATA_DIR ?? './sync-data' };
  return ok({
    port,
    host: env.MOTCUA_SYNC_HOST ?? '0.0.0.0',
    storage,
    adminTokens,
    ...(province === undefined ? {} : { provinceToken: province }),
  });
}
