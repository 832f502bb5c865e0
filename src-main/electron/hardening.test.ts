import { describe, expect, it } from 'vitest';
import { buildBridge } from './bridge';
import { isAllowedNavigation, isAllowedPermission, isAppUrl, kioskWindowOptions } from './hardening';

describe('kiosk window hardening', () => {
  it('isolates and sandboxes the renderer with no Node', () => {
    const prefs = kioskWindowOptions('/app/preload.cjs', true).webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false, devTools: false });
    expect(kioskWindowOptions('/p', true).kiosk).toBe(true);
    expect(kioskWindowOptions('/p', false).kiosk).toBe(false);
  });

  it('allows navigation only inside the app', () => {
    expect(isAllowedNavigation('app://motcua/settings')).toBe(true);
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('app://other/')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('grants the camera and nothing else', () => {
    expect(isAllowedPermission('media')).toBe(true);
    for (const p of ['geolocation', 'notifications', 'openExternal', 'hid', 'serial', 'usb', 'clipboard-read']) expect(isAllowedPermission(p)).toBe(false);
  });

  it('exposes only call and on to the renderer', () => {
    const bridge = buildBridge({ invoke: async () => undefined, on: () => undefined, removeListener: () => undefined });
    expect(Object.keys(bridge).sort()).toEqual(['call', 'on']);
  });
});
