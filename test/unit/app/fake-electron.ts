import { EventEmitter } from 'node:events';
import type { ElectronModule } from '../../../src-main/app/main.js';

type Listener = (...args: unknown[]) => unknown;

/** A stand-in for the `electron` module that records what the shell asked of it. */
export function fakeElectron() {
  const handlers = new Map<string, Listener>();
  const record = {
    windowOptions: [] as Record<string, unknown>[],
    loadedFiles: [] as string[],
    permissionRequest: null as null | ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void),
    permissionCheck: null as null | ((...a: unknown[]) => boolean),
    headersHook: null as null | ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void),
    windowOpenHandler: null as null | ((d: { url: string }) => { action: string }),
    contentsEvents: new EventEmitter(),
    menu: null as null | { template: Record<string, unknown>[] },
    sent: [] as [string, unknown][],
    handlers,
  };
  const mainFrame = { url: '' };
  const webContents = Object.assign(record.contentsEvents, {
    mainFrame,
    isDestroyed: () => false,
    send: (channel: string, payload: unknown) => void record.sent.push([channel, payload]),
    setWindowOpenHandler: (h: (d: { url: string }) => { action: string }) => {
      record.windowOpenHandler = h;
    },
  });
  class BrowserWindow extends EventEmitter {
    webContents = webContents;
    constructor(opts: Record<string, unknown>) {
      super();
      record.windowOptions.push(opts);
    }
    isDestroyed() {
      return false;
    }
    show() {}
    async loadFile(file: string) {
      record.loadedFiles.push(file);
      mainFrame.url = new URL(`file://${file}`).href;
    }
  }
  const electron = {
    app: Object.assign(new EventEmitter(), { whenReady: async () => {}, quit: () => {}, exit: () => {} }),
    BrowserWindow,
    ipcMain: {
      handle: (channel: string, fn: Listener) => handlers.set(channel, fn),
      removeHandler: (channel: string) => handlers.delete(channel),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: typeof record.permissionRequest) => {
          record.permissionRequest = h;
        },
        setPermissionCheckHandler: (h: typeof record.permissionCheck) => {
          record.permissionCheck = h;
        },
        webRequest: {
          onHeadersReceived: (h: typeof record.headersHook) => {
            record.headersHook = h;
          },
        },
      },
    },
    shell: { openExternal: async () => {} },
    Menu: {
      buildFromTemplate: (template: Record<string, unknown>[]) => ({ template }),
      setApplicationMenu: (m: { template: Record<string, unknown>[] }) => {
        record.menu = m;
      },
    },
  };
  return { electron: electron as unknown as ElectronModule, record, webContents, mainFrame };
}
