// `npm start`: installs if needed, builds if the sources changed, then opens the Electron kiosk where Electron
// can run, or else starts the web host and prints its URL. No configuration needed: demo Center, embedded store.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const say = (vi, en) => process.stdout.write(`[motcua] ${vi} / ${en}\n`);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const args = process.argv.slice(2);
const forceWeb = args.includes('--web') || process.env.MOTCUA_WEB === '1';

function run(command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', ...options });
  return result.status === 0;
}

function newestMtime(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

function ensureInstalled() {
  if (existsSync(join(root, 'node_modules', '.package-lock.json'))) return;
  say('Đang cài đặt các gói phụ thuộc (npm ci)…', 'Installing dependencies (npm ci)…');
  if (!run(npm, ['ci'])) process.exit(1);
}

function ensureBuilt() {
  const stamp = join(root, 'dist', '.build-stamp');
  const sources = ['src-shared', 'src-main', 'src-renderer', 'hardware', 'assets', 'package.json'].map((p) => join(root, p)).filter(existsSync);
  const newest = Math.max(...sources.map(newestMtime));
  if (existsSync(stamp) && Number(readFileSync(stamp, 'utf8')) >= newest) return;
  say('Đang build giao diện và máy chủ…', 'Building the renderer and the host…');
  if (!run(npm, ['run', 'build'])) process.exit(1);
  writeFileSync(stamp, String(newest));
}

/** Electron ≥ 42 downloads its binary on first use; where that cannot happen we fall back to the web host. */
function electronBinary() {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  const binaryOf = () => (existsSync(pathFile) ? join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8')) : undefined);
  const present = binaryOf();
  if (present && existsSync(present)) return present;
  if (process.env.MOTCUA_NO_ELECTRON_DOWNLOAD === '1') return undefined;
  say('Đang tải Electron (lần đầu)…', 'Downloading Electron (first run)…');
  const installed = run(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], { timeout: 180_000, stdio: 'ignore' });
  const downloaded = binaryOf();
  return installed && downloaded && existsSync(downloaded) ? downloaded : undefined;
}

function hasDisplay() {
  if (process.platform !== 'linux') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function startElectron(binary) {
  say('Mở ứng dụng Electron…', 'Opening the Electron kiosk…');
  const child = spawn(binary, [root, ...args.filter((a) => a !== '--web')], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

function startWebHost() {
  const child = spawn(process.execPath, [join(root, 'dist', 'web-host', 'main.mjs'), ...args.filter((a) => a !== '--web')], { cwd: root, stdio: 'inherit' });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code) => process.exit(code ?? 0));
}

ensureInstalled();
ensureBuilt();
const binary = forceWeb || !hasDisplay() ? undefined : electronBinary();
if (binary) {
  startElectron(binary);
} else {
  say(
    'Không chạy được Electron ở đây: khởi động máy chủ web; mở địa chỉ dưới đây bằng trình duyệt.',
    'Electron cannot run here: starting the web host; open the address below in a browser.',
  );
  startWebHost();
}
