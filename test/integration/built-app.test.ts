import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * What `npm start` runs — the built dist/main/index.cjs — started in plain Node with a recording
 * stand-in for `electron` (Electron's own binary cannot be downloaded here). Proves the bundle
 * loads, finds its preload and renderer next to it, opens one secure window and registers the
 * IPC table: the wiring the source-level tests cannot see (bundling, externals, __dirname).
 */
const FAKE_ELECTRON = String.raw`
const { EventEmitter } = require('node:events');
const record = { windows: [], loaded: [], channels: [], permission: null };
const contents = Object.assign(new EventEmitter(), { mainFrame: { url: '' }, isDestroyed: () => false, send() {}, setWindowOpenHandler(h) { record.windowOpen = h({ url: 'https://x.test' }); } });
class BrowserWindow extends EventEmitter {
  constructor(o) { super(); record.windows.push(o); this.webContents = contents; }
  isDestroyed() { return false; } show() {}
  async loadFile(f) {
    record.loaded.push(f);
    setImmediate(() => { process.stdout.write(JSON.stringify(record)); process.exit(0); });
  }
}
const session = { defaultSession: {
  setPermissionRequestHandler(h) { h(null, 'media', (g) => (record.permission = g)); },
  setPermissionCheckHandler() {},
  webRequest: { onHeadersReceived() {} },
  resolveProxy: async () => 'DIRECT',
} };
const app = Object.assign(new EventEmitter(), { whenReady: async () => {}, quit() {}, exit(c) { process.exit(c); }, getPath: () => '/tmp' });
module.exports = { app, BrowserWindow, session, ipcMain: { handle(c) { record.channels.push(c); }, removeHandler() {} }, shell: {}, dialog: {} };
`;

const HOOK = String.raw`
const Module = require('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'electron' ? process.env.FAKE_ELECTRON : resolve.call(this, request, ...rest);
};
`;

describe.skipIf(!existsSync('dist/main/index.cjs'))('the built desktop app (npm start) with a stand-in electron', () => {
  it('loads, opens one sandboxed window on dist/renderer and registers every IPC channel', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'api-doctor-built-app-'));
    writeFileSync(path.join(dir, 'electron.cjs'), FAKE_ELECTRON);
    writeFileSync(path.join(dir, 'hook.cjs'), HOOK);
    const r = spawnSync(process.execPath, ['--require', path.join(dir, 'hook.cjs'), 'dist/main/index.cjs'], {
      encoding: 'utf8',
      timeout: 20_000,
      env: { ...process.env, FAKE_ELECTRON: path.join(dir, 'electron.cjs') },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const rec = JSON.parse(r.stdout) as { windows: { webPreferences: Record<string, unknown> }[]; loaded: string[]; channels: string[]; permission: boolean; windowOpen: unknown };
    expect(rec.windows).toHaveLength(1);
    expect(rec.windows[0]!.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(rec.windows[0]!.webPreferences.preload).toBe(path.resolve('dist/preload/index.cjs'));
    expect(existsSync(rec.windows[0]!.webPreferences.preload as string)).toBe(true);
    expect(rec.loaded).toEqual([path.resolve('dist/renderer/index.html')]);
    expect(existsSync(rec.loaded[0]!)).toBe(true);
    expect(rec.permission).toBe(false);
    expect(rec.windowOpen).toEqual({ action: 'deny' });
    expect(rec.channels).toEqual(expect.arrayContaining(['doctor:version', 'doctor:startDiagnosis', 'doctor:listCredentials', 'doctor:exportBundle']));
  });
});
