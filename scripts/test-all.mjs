// `npm run test:all`: the one command that installs everything the tests need and runs them all.
// Installs missing Debian packages (.ci/apt-packages.txt) with apt-get when it can, then `npm ci`, then `npm test`.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } }).status === 0;
const installed = (name) => spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' }).stdout?.includes('install ok installed');

const wanted = readFileSync(join(root, '.ci', 'apt-packages.txt'), 'utf8')
  .split('\n')
  .map((line) => line.replace(/#.*/, '').trim())
  .filter(Boolean);
const missing = process.platform === 'linux' ? wanted.filter((name) => !installed(name)) : [];
if (missing.length > 0) {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const prefix = asRoot ? [] : ['sudo', '-n'];
  console.log(`[motcua] apt-get install ${missing.join(' ')}`);
  const [command, ...rest] = [...prefix, 'apt-get'];
  if (!run(command, [...rest, 'update', '-qq']) || !run(command, [...rest, 'install', '-y', '-qq', '--no-install-recommends', ...missing])) {
    console.error(`[motcua] Không cài được / could not install: ${missing.join(' ')} (apt-get needs root)`);
    process.exit(1);
  }
}
if (!run('npm', ['ci'])) process.exit(1);
process.exit(run('npm', ['test']) ? 0 : 1);
