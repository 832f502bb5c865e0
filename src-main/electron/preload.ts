import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from './bridge';

// One object, built from the contract: the renderer gets call/on and nothing of Electron.
contextBridge.exposeInMainWorld('motcua', buildBridge(ipcRenderer));
