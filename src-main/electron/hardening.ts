import type { BrowserWindowConstructorOptions } from 'electron';

/** The scheme the packaged renderer is served from; nothing else may run in the window. */
export const appScheme = 'app';
export const appOrigin = `${appScheme}://motcua`;

/** HARDWARE.md §6: an isolated, sandboxed renderer with no Node, optionally a locked-down kiosk window. */
export function kioskWindowOptions(preloadPath: string, kiosk: boolean): BrowserWindowConstructorOptions {
  return {
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    kiosk,
    fullscreen: kiosk,
    autoHideMenuBar: true,
    backgroundColor: '#f4f6f8',
    title: 'MotCua',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: !kiosk,
    },
  };
}

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}` === appOrigin;
  } catch {
    return false;
  }
}

/** Navigation is allowed only inside the app (client routing); everything else is denied. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** Only the camera (face check) is granted; geolocation, notifications, USB pickers and the rest are denied. */
export function isAllowedPermission(permission: string): boolean {
  return permission === 'media';
}
