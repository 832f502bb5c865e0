import { readFileSync } from 'node:fs';

/** The version the user sees is the package's: read once from package.json, found from any build output. */
export function appVersion(): string {
  for (const candidate of ['../../package.json', '../package.json', './package.json']) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(new URL(candidate, import.meta.url), 'utf8'));
      if (parsed !== null && typeof parsed === 'object' && 'name' in parsed && parsed.name === 'motcua' && 'version' in parsed && typeof parsed.version === 'string') {
        return parsed.version;
      }
    } catch {
      // not this one
    }
  }
  return '0.0.0-unknown';
}
