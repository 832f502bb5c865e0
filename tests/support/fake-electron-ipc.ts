import type { IpcRendererLike } from '../../src-main/electron/bridge';
import type { IpcMainInvokeEventLike, IpcMainLike, RendererTarget } from '../../src-main/electron/ipc';

type Handler = (event: IpcMainInvokeEventLike, ...args: unknown[]) => Promise<unknown>;
type RendererListener = (event: unknown, ...args: unknown[]) => void;

/**
 * A faithful stand-in for Electron's ipcMain/ipcRenderer pair, where no Electron binary can run:
 * arguments and results cross by structured clone (functions and class instances fail or flatten as they do in
 * Electron), `handle` twice on one channel throws, `invoke` without a handler rejects, and delivery is async.
 */
export function createFakeElectronIpc(frameUrl = 'app://motcua/') {
  const handlers = new Map<string, Handler>();
  const rendererListeners = new Map<string, Set<RendererListener>>();
  let destroyed = false;

  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };

  const ipcRenderer: IpcRendererLike = {
    async invoke(channel, ...args) {
      const cloned = structuredClone(args); // throws DataCloneError like Electron's serializer
      await Promise.resolve();
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
      try {
        return structuredClone(await handler({ senderFrame: { url: frameUrl } }, ...cloned));
      } catch (cause: unknown) {
        throw new Error(`Error invoking remote method '${channel}': ${String(cause)}`);
      }
    },
    on(channel, listener) {
      const set = rendererListeners.get(channel) ?? new Set();
      rendererListeners.set(channel, set);
      set.add(listener);
      return ipcRenderer;
    },
    removeListener(channel, listener) {
      rendererListeners.get(channel)?.delete(listener);
      return ipcRenderer;
    },
  };

  const webContents: RendererTarget & { destroy(): void } = {
    send(channel, ...args) {
      const cloned = structuredClone(args);
      queueMicrotask(() => {
        for (const listener of [...(rendererListeners.get(channel) ?? [])]) listener({ sender: ipcRenderer }, ...cloned);
      });
    },
    isDestroyed: () => destroyed,
    destroy: () => {
      destroyed = true;
    },
  };

  return { ipcMain, ipcRenderer, webContents, handlerCount: () => handlers.size };
}
