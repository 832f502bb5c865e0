import { createLogger } from '../../src-shared/log';
import type { KioskHost } from '../services/kiosk-host';
import { callChannel, eventChannel } from './channels';

const log = createLogger('electron.ipc');

export type IpcMainInvokeEventLike = { readonly senderFrame: { readonly url: string } | null };

/** The part of Electron's ipcMain we use (structural, so the registration is tested against a fake in Node). */
export type IpcMainLike = {
  handle(channel: string, listener: (event: IpcMainInvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
};

export type RendererTarget = { send(channel: string, ...args: unknown[]): void; isDestroyed(): boolean };

/**
 * Registers the kiosk API on ipcMain. Calls from a frame that is not our app (an injected iframe, a page the
 * window was somehow navigated to) are refused before dispatch.
 */
export function registerKioskIpc(ipcMain: IpcMainLike, host: KioskHost, isTrustedFrameUrl: (url: string) => boolean): () => void {
  ipcMain.handle(callChannel, async (event, method, input) => {
    const url = event.senderFrame?.url ?? '';
    if (!isTrustedFrameUrl(url)) {
      log.warn('call from an untrusted frame refused', { url });
      return { ok: false, error: { code: 'api.forbidden', message: 'Nguồn gọi không được phép.', messageEn: 'Caller not allowed.' } };
    }
    return host.dispatch(method, input, { transport: 'electron-ipc' });
  });
  return () => ipcMain.removeHandler(callChannel);
}

/** Forwards host events to a window's renderer for as long as the window lives. */
export function forwardEvents(host: KioskHost, target: RendererTarget): () => void {
  const unsubscribe = host.events.subscribe((event, payload) => {
    if (target.isDestroyed()) {
      unsubscribe();
      return;
    }
    target.send(eventChannel, event, payload);
  });
  return unsubscribe;
}
