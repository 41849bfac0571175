import type * as Electron from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHandlerTable } from './handler-table.js';
import { createKeychainStore } from '../credentials/keychain-store.js';
import type { CredentialStore } from '../credentials/store.js';
import { registerIpc, trustedSenderCheck } from './ipc.js';
import { electronPlatform } from './electron-platform.js';
import { eventChannelOf } from '../common/ipc-contract.js';
import type { Lang } from '../common/report.js';
import { menuLang, menuTemplate, toElectronTemplate } from './menu.js';
import { DEFAULT_WINDOW, loadWindowState, saveWindowState } from './window-state.js';
import { CONTENT_SECURITY_POLICY, denyAllPermissions, lockNavigation, secureWebPreferences } from './security.js';

/** The parts of the `electron` module the shell uses: injected, so tests run it in plain Node. */
export type ElectronModule = Pick<typeof Electron, 'app' | 'BrowserWindow' | 'ipcMain' | 'session' | 'shell'> & Partial<Pick<typeof Electron, 'dialog' | 'Menu'>>;

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

  // The size the user left the window at (userData is absent only in tests with a fake electron).
  const stateDir = typeof app.getPath === 'function' ? app.getPath('userData') : null;
  const size = stateDir ? loadWindowState(stateDir) : DEFAULT_WINDOW;
  const win = new BrowserWindow({
    width: size.width,
    height: size.height,
    minWidth: 900,
    minHeight: 600,
    title: 'API Doctor',
    show: false,
    webPreferences: secureWebPreferences(path.join(paths.distDir, 'preload', 'index.cjs')),
  });
  lockNavigation(win.webContents, appUrl);
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    if (!stateDir || win.isDestroyed() || typeof win.getNormalBounds !== 'function') return;
    const b = win.getNormalBounds();
    saveWindowState(stateDir, { width: b.width, height: b.height });
  });

  // The menu is built in the OS language first, then again in whatever language the page shows
  // (the page says so through setMenuLanguage on start and on every switch).
  const installMenu = (lang: Lang) => {
    if (!electron.Menu) return;
    const send = (command: Parameters<Parameters<typeof toElectronTemplate>[1]>[0]) => {
      if (!win.isDestroyed()) win.webContents.send(eventChannelOf('menu'), { command });
    };
    const template = menuTemplate(lang, { mac: process.platform === 'darwin', dev: !app.isPackaged });
    electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(toElectronTemplate(template, send) as Electron.MenuItemConstructorOptions[]));
  };
  installMenu(menuLang(typeof app.getLocale === 'function' ? app.getLocale() : 'en'));

  let credentialStore: CredentialStore | null = null;
  const table = createHandlerTable({
    versions: process.versions,
    platform: process.platform,
    setMenuLanguage: installMenu,
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
