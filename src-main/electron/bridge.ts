import type { KioskApi } from '../../src-shared/api/contract';
import { apiFailures } from '../../src-shared/api/errors';
import { err, type Result } from '../../src-shared/result';
import { callChannel, eventChannel } from './channels';

/** The part of Electron's ipcRenderer the bridge uses (kept structural so the bridge is tested in Node). */
export type IpcRendererLike = {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
};

/**
 * The one object the preload exposes as `window.motcua`. The renderer never sees ipcRenderer itself:
 * only `call(method, input)` on one channel and `on(event, listener)` for pushed events.
 */
export function buildBridge(ipc: IpcRendererLike): KioskApi {
  const call = async (method: string, input: unknown): Promise<Result<unknown>> => {
    try {
      return (await ipc.invoke(callChannel, method, input)) as Result<unknown>;
    } catch {
      // invoke rejects only when main has no handler or the input could not be cloned across processes.
      return err(apiFailures.badMessage());
    }
  };
  const on = (event: string, listener: (payload: unknown) => void) => {
    const relay = (_event: unknown, ...args: unknown[]) => {
      const [name, payload] = args;
      if (name === event) listener(payload);
    };
    ipc.on(eventChannel, relay);
    return () => {
      ipc.removeListener(eventChannel, relay);
    };
  };
  return { call, on } as KioskApi;
}
