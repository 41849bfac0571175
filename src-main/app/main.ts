import type * as Electron from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHandlerTable } from './handler-table.js';
import { createKeychainStore } from '../credentials/keychain-store.js';
import type { CredentialStore } from '../credentials/store.js';
import { registerIpc, trustedSenderCheck } from './ipc.js';
import { electronPlatform } from './electron-platform.js';
import { CONTENT_SECURITY_POLICY, denyAllPermissions, lockNavigation, secureWebPreferences } from './security.js';

/** The parts of the `electron` module the shell uses: injected, so tests run it in plain Node. */
export type ElectronModule = Pick<typeof Electron, 'app' | 'BrowserWindow' | 'ipcMain' | 'session' | 'shell'> & Partial<Pick<typeof Electron, 'dialog'>>;

export interface AppPaths {
  /** Folder holding dist/{main,preload,renderer}. */
  distDir: string;
}

export interface StartedApp {
  window: Electron.BrowserWindow;
  dispose(): void;
}

/** Starts the desktop app: one secure window, the IPC table, nothing else. */
export async function startApp(electron: ElectronModule, paths: AppPaths): Promise<StartedApp> {
  const { app, BrowserWindow, ipcMain, session } = electron;
  await app.whenReady();

  const indexHtml = path.join(paths.distDir, 'renderer', 'index.html');
  const appUrl = pathToFileURL(indexHtml).href;

  denyAllPermissions(session.defaultSession);
  // Belt and braces: the page also carries the CSP as a meta tag.
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  const win = new BrowserWindow({
    width: 1100,
    height: 760,
    minWidth: 900,
    minHeight: 600,
    title: 'API Doctor',
    show: false,
    webPreferences: secureWebPreferences(path.join(paths.distDir, 'preload', 'index.cjs')),
  });
  lockNavigation(win.webContents, appUrl);
  win.once('ready-to-show', () => win.show());

  let credentialStore: CredentialStore | null = null;
  const table = createHandlerTable({
    versions: process.versions,
    platform: process.platform,
    // The OS proxy (system settings, PAC, WPAD) as Chromium resolves it, for the proxy stage.
    engine: { platform: electronPlatform(session.defaultSession) },
    chooseCaFile: async () => {
      if (!electron.dialog || win.isDestroyed()) return null;
      const r = await electron.dialog.showOpenDialog(win, { properties: ['openFile'], filters: [{ name: 'PEM certificates', extensions: ['pem', 'crt', 'cer'] }] });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    // Same settings file as the CLI (<appData>/api-doctor/credentials.json); the secrets in the OS keychain.
    credentialStore: () => (credentialStore ??= createKeychainStore({ metadataFile: path.join(app.getPath('appData'), 'api-doctor', 'credentials.json') })),
    chooseBundleSavePath: async (defaultName) => {
      if (!electron.dialog || win.isDestroyed()) return null;
      const r = await electron.dialog.showSaveDialog(win, { defaultPath: defaultName, filters: [{ name: 'Diagnostic bundle', extensions: ['zip'] }] });
      return r.canceled ? null : (r.filePath ?? null);
    },
    chooseBundleOpenPath: async () => {
      if (!electron.dialog || win.isDestroyed()) return null;
      const r = await electron.dialog.showOpenDialog(win, { properties: ['openFile'], filters: [{ name: 'Diagnostic bundle', extensions: ['zip'] }] });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
  });
  const unregister = registerIpc(ipcMain, table, trustedSenderCheck(() => (win.isDestroyed() ? null : win.webContents), appUrl));

  app.on('window-all-closed', () => app.quit());
  await win.loadFile(indexHtml);
  return { window: win, dispose: unregister };
}
