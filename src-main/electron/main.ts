import { BrowserWindow, app, ipcMain, net, protocol, session } from 'electron';
import { join, normalize, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createLogger, setLogSink } from '../../src-shared/log';
import { createKioskHost, type KioskHost } from '../services/kiosk-host';
import { contentSecurityPolicy } from '../web-host/security-headers';
import { appOrigin, appScheme, isAllowedNavigation, isAllowedPermission, isAppUrl, kioskWindowOptions } from './hardening';
import { forwardEvents, registerKioskIpc } from './ipc';

const log = createLogger('electron.main');
const rendererDir = join(__dirname, '..', 'renderer');
const kiosk = process.argv.includes('--kiosk') || process.env.MOTCUA_KIOSK === '1';

// Pinned so an update or a rename never points the app at an empty IndexedDB (HARDWARE.md §6).
app.setPath('userData', join(app.getPath('appData'), 'MotCua'));
protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

/** Serves dist/renderer under app://motcua/ with the CSP; a path that escapes the folder is refused. */
function serveRenderer(): void {
  protocol.handle(appScheme, async (request) => {
    const { pathname } = new URL(request.url);
    const relative = pathname === '/' || !pathname.includes('.') ? 'index.html' : decodeURIComponent(pathname.slice(1));
    const file = normalize(join(rendererDir, relative));
    if (!file.startsWith(rendererDir + sep)) return new Response('Forbidden', { status: 403 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('content-security-policy', contentSecurityPolicy());
    return new Response(response.body, { status: response.status, headers });
  });
}

function openWindow(host: KioskHost): BrowserWindow {
  const window = new BrowserWindow(kioskWindowOptions(join(__dirname, 'preload.cjs'), kiosk));
  const stopForwarding = forwardEvents(host, window.webContents);
  window.on('closed', stopForwarding);
  window.once('ready-to-show', () => window.show());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  window.webContents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  });
  window.webContents.on('will-attach-webview', (event) => event.preventDefault());
  // A crashed renderer must not leave a blank counter: reload it (the data is in IndexedDB).
  window.webContents.on('render-process-gone', (_event, details) => {
    log.error('renderer gone; reloading', { reason: details.reason });
    if (!window.isDestroyed()) void window.loadURL(`${appOrigin}/`);
  });
  void window.loadURL(`${appOrigin}/`);
  return window;
}

async function start(): Promise<void> {
  setLogSink((entry) => process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`));
  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(isAllowedPermission(permission)));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => isAllowedPermission(permission));
  serveRenderer();
  const host = await createKioskHost({
    dataDir: app.getPath('userData'),
    mode: 'electron',
    electronVersion: process.versions.electron,
    fontsDir: join(__dirname, '..', '..', 'assets', 'fonts'),
    ...(process.env.MOTCUA_PRINTER ? { printerUrl: process.env.MOTCUA_PRINTER } : {}),
    ...(process.env.MOTCUA_PRINTER_TEXT_MODE ? { printerTextMode: process.env.MOTCUA_PRINTER_TEXT_MODE } : {}),
    ...(process.env.MOTCUA_KIOSK_MODE === 'self-service' ? { kioskMode: 'self-service' as const } : {}),
  });
  app.on('before-quit', () => void host.close());
  registerKioskIpc(ipcMain, host, isAppUrl);
  openWindow(host);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow(host);
  });
}

app.on('window-all-closed', () => app.quit());
if (!app.requestSingleInstanceLock()) app.quit();
else void start();
