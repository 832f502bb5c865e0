import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The project's assets/ folder, found from the running code whether it runs from the sources (src-main/…/x.ts)
 * or bundled (dist/…/x.mjs): the depth differs, the folder does not.
 */
export function assetsDir(fromUrl: string = import.meta.url): string {
  for (const up of ['../assets/', '../../assets/', '../../../assets/', '../../../../assets/']) {
    const candidate = fileURLToPath(new URL(up, fromUrl));
    if (existsSync(`${candidate}fonts`)) return candidate;
  }
  return fileURLToPath(new URL('../../assets/', fromUrl));
}
