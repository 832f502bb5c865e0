import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the host keeps its settings and logs when it is not told otherwise. Electron passes its `userData`
 * path instead (pinned, so an update never points the app at an empty folder).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.MOTCUA_DATA_DIR) return env.MOTCUA_DATA_DIR;
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'MotCua');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'MotCua');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'motcua');
}
